package org.unionhub.sdk.action;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.form.FormField;

/**
 * An action people take on an item or a request that does not move its workflow: answer, vote,
 * support, comment. The platform validates the payload, enforces who may act, the item's window and
 * audience and, when declared, "at most once per member" with a unique constraint in the database,
 * stores the action (without the actor for anonymous items), updates the module's tallies in the
 * same transaction, and calls {@link org.unionhub.sdk.ServiceModule#onAction(ActionEvent)}. Made
 * with {@link #builder(String)}.
 *
 * @since 1.0
 */
public final class ActionType {

  private final String name;
  private final LocalizedText label;
  private final Target target;
  private final Set<Role> by;
  private final boolean oncePerMember;
  private final Payload payload;
  private final List<FormField> fields;

  private ActionType(Builder b) {
    this.name = b.name;
    this.label = b.label;
    this.target = b.target;
    this.by = Set.copyOf(b.by);
    this.oncePerMember = b.oncePerMember;
    this.payload = b.payload;
    this.fields = List.copyOf(b.fields);
  }

  /**
   * Starts an action type taken by members, any number of times, without payload.
   *
   * @param name the action's name in the API, {@code [a-z][a-z0-9-]{1,39}}, unique in the module
   * @return a builder
   * @since 1.0
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * @return what is wrong with the declaration, in English; empty when nothing
   * @since 1.0
   */
  public List<String> problems() {
    var problems = new ArrayList<String>();
    if (name == null || !name.matches("[a-z][a-z0-9-]{1,39}")) {
      problems.add("action '" + name + "' must match [a-z][a-z0-9-]{1,39}");
    }
    if (label == null || target == null || by.isEmpty()) {
      problems.add("action '" + name + "' needs a label, a target and the roles that take it");
    }
    if (payload == Payload.DECLARED && fields.isEmpty()) {
      problems.add("action '" + name + "' has a declared payload without fields");
    }
    if (payload != Payload.DECLARED && !fields.isEmpty()) {
      problems.add("action '" + name + "' declares fields but its payload is " + payload);
    }
    if (payload == Payload.ITEM_QUESTIONS && target != null && target.on() != Target.On.ITEM) {
      problems.add("action '" + name + "' answers an item's questions but targets requests");
    }
    fields.forEach(f -> problems.addAll(f.problems()));
    return List.copyOf(problems);
  }

  /**
   * @return the action's name
   * @since 1.0
   */
  public String name() {
    return name;
  }

  /**
   * @return its display name (the button's text)
   * @since 1.0
   */
  public LocalizedText label() {
    return label;
  }

  /**
   * @return what it is taken on
   * @since 1.0
   */
  public Target target() {
    return target;
  }

  /**
   * @return the roles that take it
   * @since 1.0
   */
  public Set<Role> by() {
    return by;
  }

  /**
   * @return whether a member takes it at most once per item or request
   * @since 1.0
   */
  public boolean oncePerMember() {
    return oncePerMember;
  }

  /**
   * @return where its payload's fields come from
   * @since 1.0
   */
  public Payload payload() {
    return payload;
  }

  /**
   * @return the payload's fields when {@link #payload()} is {@link Payload#DECLARED}
   * @since 1.0
   */
  public List<FormField> fields() {
    return fields;
  }

  /**
   * Builds an {@link ActionType}.
   *
   * @since 1.0
   */
  public static final class Builder {
    private final String name;
    private LocalizedText label;
    private Target target;
    private Set<Role> by = EnumSet.of(Role.MEMBER);
    private boolean oncePerMember;
    private Payload payload = Payload.NONE;
    private List<FormField> fields = List.of();

    private Builder(String name) {
      this.name = name;
    }

    /**
     * @param text the display name
     * @return this builder
     * @since 1.0
     */
    public Builder label(LocalizedText text) {
      this.label = text;
      return this;
    }

    /**
     * @param kind the item kind it is taken on
     * @return this builder
     * @since 1.0
     */
    public Builder onItems(String kind) {
      this.target = Target.items(kind);
      return this;
    }

    /**
     * It is taken on the module's requests (for example, supporting another member's suggestion).
     *
     * @return this builder
     * @since 1.0
     */
    public Builder onRequests() {
      this.target = Target.requests();
      return this;
    }

    /**
     * @param roles the roles that take it (default members)
     * @return this builder
     * @since 1.0
     */
    public Builder by(Role... roles) {
      this.by = Set.copyOf(java.util.Arrays.asList(roles));
      return this;
    }

    /**
     * A member takes it at most once per item or request; the database enforces it.
     *
     * @return this builder
     * @since 1.0
     */
    public Builder oncePerMember() {
      this.oncePerMember = true;
      return this;
    }

    /**
     * The payload is the item's own questions.
     *
     * @return this builder
     * @since 1.0
     */
    public Builder answersQuestions() {
      this.payload = Payload.ITEM_QUESTIONS;
      this.fields = List.of();
      return this;
    }

    /**
     * The payload has these fields (a comment's text, a vote's reason).
     *
     * @param declared the fields
     * @return this builder
     * @since 1.0
     */
    public Builder fields(List<FormField> declared) {
      this.payload = Payload.DECLARED;
      this.fields = List.copyOf(declared);
      return this;
    }

    /**
     * @return the action type (checked with the module's descriptor at boot)
     * @since 1.0
     */
    public ActionType build() {
      return new ActionType(this);
    }
  }
}
