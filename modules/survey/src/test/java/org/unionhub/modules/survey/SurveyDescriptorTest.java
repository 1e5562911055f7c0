package org.unionhub.modules.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.action.MemberAction;
import org.unionhub.sdk.form.Choice;
import org.unionhub.sdk.form.FieldProblem;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.item.Audience;
import org.unionhub.sdk.item.Item;
import org.unionhub.sdk.item.ItemState;
import org.unionhub.sdk.item.ResultsVisibility;
import org.unionhub.sdk.tally.TallyEntry;

class SurveyDescriptorTest {

  private final SurveyModuleFactory factory = new SurveyModuleFactory();

  static final FormField CANTEEN =
      FormField.builder("canteen", FieldType.CHOICE)
          .label("食堂满意吗", "Happy with the canteen?")
          .choices(
              List.of(
                  new Choice("yes", LocalizedText.of("满意", "Yes")),
                  new Choice("no", LocalizedText.of("不满意", "No"))))
          .build();
  static final FormField WISHES =
      FormField.builder("wishes", FieldType.MULTI_CHOICE)
          .label("希望增加", "Wishes")
          .choices(
              List.of(
                  new Choice("noodles", LocalizedText.of("面食", "Noodles")),
                  new Choice("fruit", LocalizedText.of("水果", "Fruit")),
                  new Choice("soup", LocalizedText.of("汤", "Soup"))))
          .maxChoices(2)
          .optional()
          .build();
  static final FormField SCORE =
      FormField.builder("score", FieldType.RATING).label("评分", "Rating").build();
  static final FormField REMARKS =
      FormField.builder("remarks", FieldType.LONG_TEXT)
          .label("其他意见", "Remarks")
          .maxLength(500)
          .optional()
          .build();

  static Item survey(List<FormField> questions, Instant opens, Instant closes) {
    return new Item(
        "s1",
        SurveyModuleFactory.ID,
        SurveyModuleFactory.SURVEY,
        "gd-sz",
        "食堂满意度调查",
        null,
        Map.of(),
        questions,
        opens,
        closes,
        Audience.SUBTREE_MEMBERS,
        true,
        ResultsVisibility.AFTER_CLOSE,
        ItemState.DRAFT,
        null,
        "sz-admin",
        0);
  }

  @Test
  void theDescriptorDeclaresEveryShapeTheModuleUsesWithoutProblems() {
    var d = factory.descriptor();
    assertThat(d.problems()).isEmpty();
    assertThat(d.acceptsRequests()).isFalse();
    assertThat(d.itemKind("survey")).get().satisfies(k -> assertThat(k.pushable()).isTrue());
    assertThat(d.action("answer")).get().satisfies(a -> assertThat(a.oncePerMember()).isTrue());
    assertThat(d.tally("results")).get().satisfies(t -> assertThat(t.members()).isTrue());
    assertThat(d.setting("minimumCell").defaultValue()).isEqualTo("5");
  }

  @Test
  void aSurveyNeedsQuestionsAndACloseTimeAfterItsOpenTime() {
    var module = factory.create(null);
    Instant opens = Instant.parse("2026-10-08T00:00:00Z");
    assertThat(module.checkItem(survey(List.of(), opens, opens)))
        .extracting(FieldProblem::field, FieldProblem::code)
        .containsExactly(
            tuple("questions", "NO_QUESTIONS"), tuple("closesAt", "CLOSES_BEFORE_OPENING"));
    assertThat(module.checkItem(survey(List.of(CANTEEN), opens, null)))
        .extracting(FieldProblem::code)
        .containsExactly("REQUIRED");
    assertThat(module.checkItem(survey(List.of(CANTEEN, WISHES), opens, opens.plusSeconds(3600))))
        .isEmpty();
  }

  @Test
  void aMultipleChoiceQuestionCannotAllowMoreChoicesThanItOffers() {
    var tooMany = WISHES.toBuilder().maxChoices(4).build();
    assertThat(
            factory
                .create(null)
                .checkItem(
                    survey(List.of(CANTEEN, tooMany), null, Instant.parse("2026-10-08T00:00:00Z"))))
        .extracting(FieldProblem::field)
        .containsExactly("questions[1].maxChoices");
  }

  @Test
  void answersAreCheckedByTheirQuestions() {
    assertThat(WISHES.check("noodles,fruit,soup").code()).isEqualTo("TOO_MANY_CHOICES");
    assertThat(WISHES.check("noodles,rice").code()).isEqualTo("NOT_A_CHOICE");
    assertThat(CANTEEN.check("").code()).isEqualTo("REQUIRED");
    assertThat(SCORE.check("6").code()).isEqualTo("NOT_A_RATING");
    assertThat(REMARKS.check("很".repeat(501)).code()).isEqualTo("TOO_LONG");
    assertThat(WISHES.check("noodles,fruit")).isNull();
  }

  @Test
  void theResultsCountEveryChoiceAndSumRatings() {
    var tally = factory.descriptor().tally("results").orElseThrow();
    var answer =
        new MemberAction(
            "answer",
            "s1",
            "gd-sz",
            null,
            LocalDate.of(2026, 10, 9),
            Map.of("canteen", "no", "wishes", "noodles,soup", "score", "4", "remarks", "多些蔬菜"));
    assertThat(tally.tallier().entries(answer, List.of(CANTEEN, WISHES, SCORE, REMARKS)))
        .containsExactlyInAnyOrder(
            TallyEntry.count("count"),
            TallyEntry.count("canteen=no"),
            TallyEntry.count("wishes=noodles"),
            TallyEntry.count("wishes=soup"),
            new TallyEntry("score", new BigDecimal("4")),
            TallyEntry.count("remarks"));
  }
}
