package org.unionhub.platform.item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.unionhub.platform.request.FieldError;
import org.unionhub.platform.request.FormCheck;
import org.unionhub.platform.request.NotAllowedException;
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
      problems.add(new FieldError("title", "REQUIRED", "此项必填 (this field is required)"));
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
                "closesAt", "BEFORE_OPENING", "结束时间应晚于开始时间 (must be after the opening time)"));
      }
    } else if (draft.opensAt() != null || draft.closesAt() != null) {
      problems.add(
          new FieldError("opensAt", "NO_WINDOW", "此类事项没有开放时间 (items of this kind have no window)"));
    }
    Audience audience = audience(kind, draft);
    if (!kind.audiences().contains(audience)) {
      problems.add(
          new FieldError(
              "audience",
              "NOT_ALLOWED",
              "可选范围：" + kind.audiences() + " (allowed: " + kind.audiences() + ")"));
    }
    if (draft.anonymous() && kind.anonymity() == Anonymity.NEVER) {
      problems.add(
          new FieldError("anonymous", "NOT_ALLOWED", "此类事项不能匿名 (items of this kind are named)"));
    }
    if (!draft.anonymous() && kind.anonymity() == Anonymity.ALWAYS) {
      problems.add(
          new FieldError(
              "anonymous", "NOT_ALLOWED", "此类事项总是匿名 (items of this kind are always anonymous)"));
    }
    ResultsVisibility visibility = resultsVisibility(draft);
    if (!kind.resultsVisibilities().contains(visibility)) {
      problems.add(
          new FieldError(
              "resultsVisibility",
              "NOT_ALLOWED",
              "可选："
                  + kind.resultsVisibilities()
                  + " (allowed: "
                  + kind.resultsVisibilities()
                  + ")"));
    }
    return problems;
  }

  private static void checkQuestions(
      ItemKind kind, List<FormField> questions, List<FieldError> problems) {
    if (kind.questionTypes().isEmpty()) {
      if (!questions.isEmpty()) {
        problems.add(
            new FieldError(
                "questions", "NOT_ALLOWED", "此类事项没有问题 (items of this kind carry no questions)"));
      }
      return;
    }
    if (questions.size() > kind.maxQuestions()) {
      problems.add(
          new FieldError(
              "questions",
              "TOO_MANY",
              "最多" + kind.maxQuestions() + "个问题 (at most " + kind.maxQuestions() + " questions)"));
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
                "可用题型：" + kind.questionTypes() + " (allowed: " + kind.questionTypes() + ")"));
      }
      for (String problem : q.problems()) {
        problems.add(new FieldError(path, "INVALID", problem));
      }
      if (q.name() != null && !names.add(q.name())) {
        problems.add(new FieldError(path + ".name", "DUPLICATE", "问题名重复 (the name is taken)"));
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
   * Whether an item may still be edited: drafts always; a published item while nobody has acted on
   * it (a published survey's questions cannot change once an answer exists); a closed one never.
   *
   * @param item the item
   * @param actions how many actions it has
   * @return the problems, empty when it may be edited
   */
  public static List<FieldError> editProblems(Item item, long actions) {
    if (item.state() == ItemState.CLOSED) {
      return List.of(new FieldError("state", "CLOSED", "已结束的事项不能修改 (a closed item cannot change)"));
    }
    if (item.state() == ItemState.PUBLISHED && actions > 0) {
      return List.of(
          new FieldError(
              "questions",
              "ANSWERED",
              "已有人作答，不能再修改 (people have answered; it can no longer change)"));
    }
    return List.of();
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
          new FieldError("state", "NOT_A_DRAFT", "只有草稿可以发布 (only a draft can be published)"));
    }
    if (item.closesAt() != null && !item.closesAt().isAfter(now)) {
      return List.of(
          new FieldError("closesAt", "IN_THE_PAST", "结束时间已过 (the closing time has passed)"));
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
      return List.of(new FieldError("state", "CLOSED", "事项已结束 (the item is already closed)"));
    }
    if (item.state() == ItemState.DRAFT) {
      return List.of(
          new FieldError("state", "NOT_PUBLISHED", "草稿不能结束，可以删除 (a draft is deleted, not closed)"));
    }
    return List.of();
  }

  private static FieldError tooLong(String field, int max) {
    return new FieldError(
        field, "TOO_LONG", "不能超过" + max + "个字符 (must be at most " + max + " characters)");
  }
}
