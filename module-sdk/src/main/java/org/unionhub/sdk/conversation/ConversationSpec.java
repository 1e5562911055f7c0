package org.unionhub.sdk.conversation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.action.Target;

/**
 * A module's conversations: on its requests (the submitter and the union's staff write) or on items
 * of a kind. The platform stores messages in order and shows them on the request's pages on both
 * sides. Made with {@link #onRequests()} or {@link #onItems(String)}.
 *
 * @since 1.0
 */
public final class ConversationSpec {

  private final Target target;
  private final Set<Role> staff;
  private final int maxLength;
  private final boolean openInTerminalStates;

  private ConversationSpec(
      Target target, Set<Role> staff, int maxLength, boolean openInTerminalStates) {
    this.target = target;
    this.staff = Set.copyOf(staff);
    this.maxLength = maxLength;
    this.openInTerminalStates = openInTerminalStates;
  }

  /**
   * Conversations on the module's requests, between the submitter and the union's staff.
   *
   * @return the spec; refine it with the methods below, which return changed copies
   * @since 1.0
   */
  public static ConversationSpec onRequests() {
    return new ConversationSpec(
        Target.requests(), EnumSet.of(Role.STAFF, Role.TENANT_ADMIN), 2000, false);
  }

  /**
   * Conversations on items of a kind.
   *
   * @param kind the item kind
   * @return the spec; refine it with the methods below, which return changed copies
   * @since 1.0
   */
  public static ConversationSpec onItems(String kind) {
    return new ConversationSpec(
        Target.items(kind), EnumSet.of(Role.STAFF, Role.TENANT_ADMIN), 2000, false);
  }

  /**
   * @param roles the union roles that reply (default staff and tenant admins)
   * @return a copy with that change
   * @since 1.0
   */
  public ConversationSpec repliedBy(Role... roles) {
    return new ConversationSpec(
        target, Set.copyOf(java.util.Arrays.asList(roles)), maxLength, openInTerminalStates);
  }

  /**
   * @param characters the longest message (default 2,000)
   * @return a copy with that change
   * @since 1.0
   */
  public ConversationSpec maxLength(int characters) {
    return new ConversationSpec(target, staff, characters, openInTerminalStates);
  }

  /**
   * Messages are still accepted once a request reached a terminal state (by default they are not).
   *
   * @return a copy with that change
   * @since 1.0
   */
  public ConversationSpec keepOpenAfterTerminalStates() {
    return new ConversationSpec(target, staff, maxLength, true);
  }

  /**
   * @return what is wrong with the declaration, in English; empty when nothing
   * @since 1.0
   */
  public List<String> problems() {
    var problems = new ArrayList<String>();
    if (maxLength < 1 || maxLength > 10_000) {
      problems.add("conversation maxLength must be between 1 and 10000");
    }
    if (staff.isEmpty()) {
      problems.add("conversation needs the roles that reply");
    }
    return List.copyOf(problems);
  }

  /**
   * @return what conversations are attached to
   * @since 1.0
   */
  public Target target() {
    return target;
  }

  /**
   * @return the union roles that reply
   * @since 1.0
   */
  public Set<Role> repliedBy() {
    return staff;
  }

  /**
   * @return the longest message
   * @since 1.0
   */
  public int maxLength() {
    return maxLength;
  }

  /**
   * @return whether messages are accepted after a request's terminal state
   * @since 1.0
   */
  public boolean openInTerminalStates() {
    return openInTerminalStates;
  }
}
