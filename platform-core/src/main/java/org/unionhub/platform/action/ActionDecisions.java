package org.unionhub.platform.action;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.FormCheck;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.problem.SubmissionRefusedException;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.action.ActionType;
import org.unionhub.sdk.action.MemberAction;
import org.unionhub.sdk.action.Payload;
import org.unionhub.sdk.action.Target;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.item.Audience;
import org.unionhub.sdk.item.Item;
import org.unionhub.sdk.item.Phase;

/**
 * Whether an action may be taken, free of storage: the server checks with it before it inserts (the
 * database's unique constraint then settles "once per member" under concurrency), the test kit
 * before it keeps the action in memory. Refusals that are about the caller (role, audience) throw
 * {@link NotAllowedException}; everything about the attempt (window, already done, payload) comes
 * together in one {@link SubmissionRefusedException}.
 */
public final class ActionDecisions {

  /** The field window and "once" problems name. */
  public static final String TARGET_FIELD = "target";

  /** Code: the member has taken this once-per-member action on the target already. */
  public static final String ALREADY_DONE = "ALREADY_DONE";

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private ActionDecisions() {}

  /**
   * The form an action's payload is checked against.
   *
   * @param type the action type
   * @param item the item acted on, or null for a request
   * @return the item's questions, the type's declared fields, or nothing
   */
  public static List<FormField> payloadForm(ActionType type, Item item) {
    return switch (type.payload()) {
      case NONE -> List.of();
      case DECLARED -> type.fields();
      case ITEM_QUESTIONS -> item == null ? List.of() : item.questions();
    };
  }

  /**
   * Whether someone with these roles takes an action of the type: one of its roles, a tenant admin
   * where staff act, and a platform admin always. Every logged-in person holds {@link Role#WORKER}.
   *
   * @param type the action type
   * @param roles the roles
   * @return whether they may
   */
  public static boolean mayTake(ActionType type, java.util.Set<Role> roles) {
    return roles.contains(Role.PLATFORM_ADMIN)
        || type.by().stream().anyMatch(roles::contains)
        || (type.by().contains(Role.STAFF) && roles.contains(Role.TENANT_ADMIN));
  }

  /**
   * Whether a person belongs to an item's audience.
   *
   * @param item the item
   * @param roles their roles
   * @param memberOfSubtree whether they are a member of a union in the item's union's subtree
   * @return whether the item is for them
   */
  public static boolean inAudience(Item item, java.util.Set<Role> roles, boolean memberOfSubtree) {
    return item.audience() == Audience.AUTHENTICATED ? !roles.isEmpty() : memberOfSubtree;
  }

  /**
   * Decides an action.
   *
   * @param type the action type
   * @param item the item acted on, or null when the type targets requests
   * @param actor who acts
   * @param now the moment
   * @param payload the payload by field name, as given
   * @param alreadyTaken whether the actor has taken this action on the target before
   * @return the payload as it is to be stored: stripped, empty values left out
   * @throws NotAllowedException when the actor's roles or audience do not allow it
   * @throws SubmissionRefusedException with every problem of the attempt
   */
  public static Map<String, String> decide(
      ActionType type,
      Item item,
      Actor actor,
      Instant now,
      Map<String, String> payload,
      boolean alreadyTaken) {
    if (type.target().on() == Target.On.ITEM
        && (item == null || !item.kind().equals(type.target().itemKind()))) {
      throw new IllegalArgumentException(
          "action '" + type.name() + "' is taken on items of kind " + type.target().itemKind());
    }
    if (!mayTake(type, actor.roles())) {
      throw new NotAllowedException("action '" + type.name() + "' is taken by " + type.by());
    }
    if (!actor.inAudience()) {
      throw new NotAllowedException("this is not open to you");
    }
    var problems = new ArrayList<FieldError>();
    if (item != null) {
      Phase phase = item.phase(now);
      switch (phase) {
        case DRAFT ->
            problems.add(
                new FieldError(
                    TARGET_FIELD,
                    "NOT_PUBLISHED",
                    ProblemText.of("action.it-has-not-been-published")));
        case SCHEDULED ->
            problems.add(
                new FieldError(
                    TARGET_FIELD, "NOT_YET_OPEN", ProblemText.of("action.it-is-not-open-yet")));
        case CLOSED ->
            problems.add(
                new FieldError(TARGET_FIELD, "CLOSED", ProblemText.of("action.it-has-closed")));
        case OPEN -> {}
      }
    }
    if (type.oncePerMember() && alreadyTaken) {
      problems.add(alreadyDone(type));
    }
    problems.addAll(FormCheck.problems(payloadForm(type, item), payload, List.of()));
    if (!problems.isEmpty()) {
      throw new SubmissionRefusedException(problems);
    }
    return FormCheck.stripped(payload);
  }

  /**
   * The refusal of a second once-per-member action, as the server reports it when the database's
   * unique constraint refused the insert.
   *
   * @param type the action type
   * @return the problem
   */
  public static FieldError alreadyDone(ActionType type) {
    return new FieldError(
        TARGET_FIELD,
        ALREADY_DONE,
        ProblemText.of("action.you-have-done-this-already-once", type.label().zh()));
  }

  /**
   * The action as stored. For an anonymous item it keeps no actor and no time finer than the day.
   *
   * @param type the action type
   * @param targetId the item's or request's id
   * @param tenantCode the union that owns the target
   * @param actor who acted
   * @param anonymous whether the target is an anonymous item
   * @param now the moment
   * @param values the payload as {@link #decide} returned it
   * @return the stored action
   */
  public static MemberAction stored(
      ActionType type,
      String targetId,
      String tenantCode,
      Actor actor,
      boolean anonymous,
      Instant now,
      Map<String, String> values) {
    return new MemberAction(
        type.name(),
        targetId,
        tenantCode,
        anonymous ? null : actor.username(),
        LocalDate.ofInstant(now, CHINA),
        values);
  }

  /**
   * @param type an action type
   * @return whether its payload comes from the item's questions
   */
  public static boolean answersQuestions(ActionType type) {
    return type.payload() == Payload.ITEM_QUESTIONS;
  }
}
