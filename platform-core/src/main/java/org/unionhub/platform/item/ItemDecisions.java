package org.unionhub.platform.item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.FormCheck;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.item.Anonymity;
import org.unionhub.sdk.item.Audience;
import org.unionhub.sdk.item.Item;
import org.unionhub.sdk.item.ItemKind;
import org.unionhub.sdk.item.ItemState;
import org.unionhub.sdk.item.Phase;
import org.unionhub.sdk.item.ResultsVisibility;

/**
 * The decisions of an item's life, free of storage and HTTP, like {@code RequestLifecycle} for
 * requests: the server's item storage persists what they decide and the test kit keeps it in
 * memory. Problems come all at once, each naming its field ({@code title}, {@code
 * questions[2].choices}).
 */
public final class ItemDecisions {

  /** The longest title. */
  public static final int MAX_TITLE = 200;

  /** The longest description. */
  public static final int MAX_DESCRIPTION = 5000;

  private ItemDecisions() {}

  /**
   * Whether someone with these roles creates, edits, publishes and closes items of a kind (in their
   * own union or below it, which the caller checks): the kind's creators, and platform admins.
   *
   * @param kind the item kind
   * @param roles the caller's roles
   * @return whether they may
   */
  public static boolean mayManage(ItemKind kind, Set<Role> roles) {
    return roles.contains(Role.PLATFORM_ADMIN)
        || kind.createdBy().stream().anyMatch(roles::contains);
  }

  /**
   * @param kind the item kind
   * @param roles the caller's roles
   * @throws NotAllowedException when they may not manage items of the kind
   */
  public static void requireManager(ItemKind kind, Set<Role> roles) {
    if (!mayManage(kind, roles)) {
      throw new NotAllowedException(
          "items of kind '" + kind.name() + "' are managed by " + kind.createdBy());
    }
  }

  /**
   * Everything wrong with a draft of a kind.
   *
   * @param kind the item kind
   * @param draft the draft
   * @return every problem, empty when it may be saved
   */
  public static List<FieldError> check(ItemKind kind, ItemDraft draft) {
    var problems = new ArrayList<FieldError>();
    if (draft.title() == null || draft.title().isBlank()) {
      problems.add(
          new FieldError("title", "REQUIRED", ProblemText.of("common.this-field-is-required")));
    } else if (draft.title().length() > MAX_TITLE) {
      problems.add(tooLong("title", MAX_TITLE));
    }
    if (draft.description() != null && draft.description().length() > MAX_DESCRIPTION) {
      problems.add(tooLong("description", MAX_DESCRIPTION));
    }
    problems.addAll(FormCheck.problems(kind.fields(), draft.fields(), List.of()));
    checkQuestions(kind, draft.questions(), problems);
    if (kind.window()) {
      if (draft.opensAt() != null
          && draft.closesAt() != null
          && !draft.opensAt().isBefore(draft.closesAt())) {
        problems.add(
            new FieldError(
                "closesAt",
                "BEFORE_OPENING",
                ProblemText.of("item.must-be-after-the-opening-time")));
      }
    } else if (draft.opensAt() != null || draft.closesAt() != null) {
      problems.add(
          new FieldError(
              "opensAt", "NO_WINDOW", ProblemText.of("item.items-of-this-kind-have-no")));
    }
    Audience audience = audience(kind, draft);
    if (!kind.audiences().contains(audience)) {
      problems.add(
          new FieldError(
              "audience", "NOT_ALLOWED", ProblemText.of("item.allowed", kind.audiences())));
    }
    if (draft.anonymous() && kind.anonymity() == Anonymity.NEVER) {
      problems.add(
          new FieldError(
              "anonymous", "NOT_ALLOWED", ProblemText.of("item.items-of-this-kind-are-named")));
    }
    if (!draft.anonymous() && kind.anonymity() == Anonymity.ALWAYS) {
      problems.add(
          new FieldError(
              "anonymous", "NOT_ALLOWED", ProblemText.of("item.items-of-this-kind-are-always")));
    }
    ResultsVisibility visibility = resultsVisibility(draft);
    if (!kind.resultsVisibilities().contains(visibility)) {
      problems.add(
          new FieldError(
              "resultsVisibility",
              "NOT_ALLOWED",
              ProblemText.of("item.allowed-2", kind.resultsVisibilities())));
    }
    return problems;
  }

  private static void checkQuestions(
      ItemKind kind, List<FormField> questions, List<FieldError> problems) {
    if (kind.questionTypes().isEmpty()) {
      if (!questions.isEmpty()) {
        problems.add(
            new FieldError(
                "questions", "NOT_ALLOWED", ProblemText.of("item.items-of-this-kind-carry-no")));
      }
      return;
    }
    if (questions.size() > kind.maxQuestions()) {
      problems.add(
          new FieldError(
              "questions",
              "TOO_MANY",
              ProblemText.of("item.at-most-questions", kind.maxQuestions())));
    }
    var names = new HashSet<String>();
    for (int i = 0; i < questions.size(); i++) {
      FormField q = questions.get(i);
      String path = "questions[" + i + "]";
      if (!kind.questionTypes().contains(q.type())) {
        problems.add(
            new FieldError(
                path + ".type",
                "NOT_ALLOWED",
                ProblemText.of("item.allowed-3", kind.questionTypes())));
      }
      for (String problem : q.problems()) {
        problems.add(new FieldError(path, "INVALID", problem));
      }
      if (q.name() != null && !names.add(q.name())) {
        problems.add(
            new FieldError(path + ".name", "DUPLICATE", ProblemText.of("item.the-name-is-taken")));
      }
    }
  }

  /**
   * @param kind the item kind
   * @param draft a draft
   * @return the draft's audience, or the kind's first one when it gives none
   */
  public static Audience audience(ItemKind kind, ItemDraft draft) {
    if (draft.audience() != null) {
      return draft.audience();
    }
    return kind.audiences().contains(Audience.SUBTREE_MEMBERS)
        ? Audience.SUBTREE_MEMBERS
        : kind.audiences().iterator().next();
  }

  /**
   * @param draft a draft
   * @return its results visibility, never when it gives none
   */
  public static ResultsVisibility resultsVisibility(ItemDraft draft) {
    return draft.resultsVisibility() == null ? ResultsVisibility.NEVER : draft.resultsVisibility();
  }

  /**
   * What stops an edit of an item: a closed item never changes; a published item keeps its
   * questions and its anonymity once anybody has acted on it (answered, voted), while its title,
   * description and times may still change; a draft, or a published item nobody has acted on,
   * changes freely. The server and the test kit decide with this one method.
   *
   * @param current the item as it is
   * @param next the item as the edit would make it (already checked with {@link #check})
   * @param actions how many actions it has
   * @return the problems, empty when the edit may be saved
   */
  public static List<FieldError> editProblems(Item current, ItemDraft next, long actions) {
    if (current.state() == ItemState.CLOSED) {
      return List.of(
          new FieldError("state", "CLOSED", ProblemText.of("item.a-closed-item-cannot-change")));
    }
    if (current.state() == ItemState.DRAFT || actions == 0) {
      return List.of();
    }
    var problems = new ArrayList<FieldError>();
    if (!current.questions().equals(next.questions() == null ? List.of() : next.questions())) {
      problems.add(
          new FieldError(
              "questions",
              "QUESTIONS_LOCKED",
              ProblemText.of("item.answers-exist-the-questions-cannot-change")));
    }
    if (current.anonymous() != next.anonymous()) {
      problems.add(
          new FieldError(
              "anonymous",
              "ANONYMITY_LOCKED",
              ProblemText.of("item.answers-exist-anonymity-cannot-change")));
    }
    return problems;
  }

  /**
   * The state an item enters when published, or the problems that stop it.
   *
   * @param item the item
   * @param now the moment
   * @return the problems, empty when it may be published
   */
  public static List<FieldError> publishProblems(Item item, Instant now) {
    if (item.state() != ItemState.DRAFT) {
      return List.of(
          new FieldError(
              "state", "NOT_A_DRAFT", ProblemText.of("item.only-a-draft-can-be-published")));
    }
    if (item.closesAt() != null && !item.closesAt().isAfter(now)) {
      return List.of(
          new FieldError(
              "closesAt", "IN_THE_PAST", ProblemText.of("item.the-closing-time-has-passed")));
    }
    return List.of();
  }

  /**
   * @param item the item
   * @param now the moment
   * @return the problems that stop closing it early, empty when it may be closed
   */
  public static List<FieldError> closeProblems(Item item, Instant now) {
    if (item.phase(now) == Phase.CLOSED && item.state() == ItemState.CLOSED) {
      return List.of(
          new FieldError("state", "CLOSED", ProblemText.of("item.the-item-is-already-closed")));
    }
    if (item.state() == ItemState.DRAFT) {
      return List.of(
          new FieldError(
              "state", "NOT_PUBLISHED", ProblemText.of("item.a-draft-is-deleted-not-closed")));
    }
    return List.of();
  }

  private static FieldError tooLong(String field, int max) {
    return new FieldError(
        field, "TOO_LONG", ProblemText.of("common.must-be-at-most-characters", max));
  }
}
