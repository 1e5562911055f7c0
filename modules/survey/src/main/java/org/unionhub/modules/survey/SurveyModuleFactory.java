package org.unionhub.modules.survey;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.ModuleContext;
import org.unionhub.sdk.ModuleDescriptor;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.ServiceModule;
import org.unionhub.sdk.ServiceModuleFactory;
import org.unionhub.sdk.Submission;
import org.unionhub.sdk.action.ActionType;
import org.unionhub.sdk.form.FieldProblem;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.item.Anonymity;
import org.unionhub.sdk.item.Audience;
import org.unionhub.sdk.item.Item;
import org.unionhub.sdk.item.ItemKind;
import org.unionhub.sdk.item.ResultsVisibility;
import org.unionhub.sdk.settings.Setting;
import org.unionhub.sdk.tally.Tallier;
import org.unionhub.sdk.tally.Tally;

/**
 * The survey and voting module (调查投票): a union's admins write a survey or a vote — questions of
 * single choice, multiple choice with a maximum, rating, number and free text — open it for a time
 * to the members of their subtree (or everyone who can log in), named or anonymous; members answer
 * once; the platform counts the answers into the {@value #RESULTS} tally as they arrive. A city
 * pushes one survey to every district and compares the results per district.
 *
 * <p>Built on the SDK alone: the platform stores, enforces and renders everything the descriptor
 * declares.
 */
public final class SurveyModuleFactory implements ServiceModuleFactory {

  /** The module id, as used in URLs. */
  public static final String ID = "survey";

  /** The item kind: a survey or a vote (a vote is a survey of one choice question). */
  public static final String SURVEY = "survey";

  /** The action: a member's answers to a survey's questions. */
  public static final String ANSWER = "answer";

  /** The tally of answers: per choice, per question, and the number of responses. */
  public static final String RESULTS = "results";

  /** The setting holding the smallest count shown for anonymous surveys (k-anonymity). */
  public static final String MINIMUM_CELL = "minimumCell";

  /** The most questions a survey carries. */
  public static final int MAX_QUESTIONS = 50;

  /** The question types an admin may use. */
  public static final EnumSet<FieldType> QUESTION_TYPES =
      EnumSet.of(
          FieldType.CHOICE,
          FieldType.MULTI_CHOICE,
          FieldType.RATING,
          FieldType.NUMBER,
          FieldType.TEXT,
          FieldType.LONG_TEXT);

  private static final ModuleDescriptor DESCRIPTOR =
      ModuleDescriptor.builder(ID)
          .version("1.0.0")
          .name(LocalizedText.of("调查投票", "Surveys and votes"))
          .description(
              LocalizedText.of("参与本工会发起的问卷调查和投票", "Take part in your union's surveys and votes"))
          .settings(
              List.of(
                  Setting.integer(
                      MINIMUM_CELL,
                      LocalizedText.of(
                          "匿名调查最少显示人数（少于此数的结果不显示）",
                          "Anonymous surveys: smallest count shown (fewer are hidden)"),
                      5,
                      2,
                      100)))
          .itemKind(
              ItemKind.builder(SURVEY)
                  .label(LocalizedText.of("问卷调查", "Survey"))
                  .createdBy(Role.TENANT_ADMIN)
                  .questions(MAX_QUESTIONS, QUESTION_TYPES)
                  .window()
                  .audiences(Audience.SUBTREE_MEMBERS, Audience.AUTHENTICATED)
                  .anonymity(Anonymity.OPTIONAL)
                  .resultsVisibility(
                      ResultsVisibility.NEVER,
                      ResultsVisibility.AFTER_CLOSE,
                      ResultsVisibility.LIVE)
                  .pushable()
                  .build())
          .action(
              ActionType.builder(ANSWER)
                  .label(LocalizedText.of("提交答卷", "Submit answers"))
                  .onItems(SURVEY)
                  // Anyone logged in takes it; each survey's audience narrows who (the members
                  // of the owning union's subtree, or everyone).
                  .by(Role.WORKER)
                  .oncePerMember()
                  .answersQuestions()
                  .build())
          .tally(
              Tally.builder(RESULTS)
                  .of(ANSWER)
                  .tallier(Tallier.PER_FIELD)
                  .readers(Role.STAFF, Role.TENANT_ADMIN)
                  .visibleToMembers()
                  .minimumCell(MINIMUM_CELL)
                  .build())
          .build();

  @Override
  public ModuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public ServiceModule create(ModuleContext context) {
    return new Surveys();
  }

  /** The module at work: checks a survey before it is published. */
  static final class Surveys implements ServiceModule {

    @Override
    public List<Object> facts(Submission submission) {
      return List.of();
    }

    @Override
    public List<FieldProblem> checkItem(Item item) {
      var problems = new ArrayList<FieldProblem>();
      if (item.questions().isEmpty()) {
        problems.add(
            new FieldProblem(
                "questions",
                "NO_QUESTIONS",
                LocalizedText.of("问卷至少要有一个问题", "a survey needs at least one question")));
      }
      if (item.closesAt() == null) {
        problems.add(
            new FieldProblem(
                "closesAt",
                "REQUIRED",
                LocalizedText.of("请设置截止时间", "a survey needs a close time")));
      } else if (item.opensAt() != null && !item.closesAt().isAfter(item.opensAt())) {
        problems.add(
            new FieldProblem(
                "closesAt",
                "CLOSES_BEFORE_OPENING",
                LocalizedText.of("截止时间应晚于开始时间", "the close time must be after the open time")));
      }
      for (int i = 0; i < item.questions().size(); i++) {
        FormField q = item.questions().get(i);
        if (q.type() == FieldType.MULTI_CHOICE
            && q.maxChoices() != null
            && q.maxChoices() > q.choices().size()) {
          problems.add(
              new FieldProblem(
                  "questions[" + i + "].maxChoices",
                  "MORE_THAN_CHOICES",
                  LocalizedText.of(
                      "最多可选项数不能超过选项个数", "at most as many choices as the question offers")));
        }
      }
      return problems;
    }
  }
}
