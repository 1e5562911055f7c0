package org.unionhub.modules.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unionhub.sdk.item.Audience;
import org.unionhub.sdk.item.Phase;
import org.unionhub.sdk.item.ResultsVisibility;
import org.unionhub.testkit.ActionRefused;
import org.unionhub.testkit.ItemBuilder;
import org.unionhub.testkit.ModuleTestKit;
import org.unionhub.testkit.Refusal;
import org.unionhub.testkit.Refused;
import org.unionhub.testkit.TestActor;
import org.unionhub.testkit.TestItem;

/** The survey module in memory, through the platform's own decisions (the module test kit). */
class SurveyModuleTest {

  private static final LocalDateTime MONDAY_9AM = LocalDateTime.of(2026, 9, 28, 9, 0);

  private final ModuleTestKit kit = ModuleTestKit.of(new SurveyModuleFactory()).at(MONDAY_9AM);

  private ItemBuilder canteenSurvey() {
    return kit.newItem(SurveyModuleFactory.SURVEY)
        .title("食堂满意度调查")
        .question(SurveyDescriptorTest.CANTEEN)
        .question(SurveyDescriptorTest.WISHES)
        .question(SurveyDescriptorTest.SCORE)
        .question(SurveyDescriptorTest.REMARKS)
        .opens(MONDAY_9AM.plusHours(1))
        .closes(MONDAY_9AM.plusDays(3));
  }

  private static Map<String, String> answer(String canteen, String wishes, String score) {
    return Map.of("canteen", canteen, "wishes", wishes, "score", score);
  }

  @Test
  void aSurveyOpensAtItsTimeIsAnsweredOnceAndClosesEarly() {
    TestItem survey = kit.publish(canteenSurvey().create());
    assertThat(survey.phase()).isEqualTo(Phase.SCHEDULED);
    assertThatThrownBy(
            () -> kit.act(survey, "answer", TestActor.member("m1"), answer("yes", "fruit", "4")))
        .isInstanceOfSatisfying(
            Refused.class,
            e ->
                assertThat(e.refusals()).extracting(Refusal::code).containsExactly("NOT_YET_OPEN"));

    kit.advance(Duration.ofHours(1));
    kit.act(survey, "answer", TestActor.member("m1"), answer("yes", "fruit,soup", "4"));
    assertThatThrownBy(
            () -> kit.act(survey, "answer", TestActor.member("m1"), answer("no", "fruit", "1")))
        .isInstanceOfSatisfying(
            Refused.class,
            e ->
                assertThat(e.refusals()).extracting(Refusal::code).containsExactly("ALREADY_DONE"));

    kit.close(survey);
    assertThat(survey.phase()).isEqualTo(Phase.CLOSED);
    assertThatThrownBy(
            () -> kit.act(survey, "answer", TestActor.member("m2"), answer("no", "fruit", "1")))
        .isInstanceOfSatisfying(
            Refused.class,
            e -> assertThat(e.refusals()).extracting(Refusal::code).containsExactly("CLOSED"));
    assertThat(kit.actions(survey.id())).hasSize(1);
  }

  @Test
  void aPublishedSurveyKeepsItsQuestionsOnceAnsweredButMayBeRetitled() {
    TestItem survey = kit.publish(canteenSurvey().opens(null).create());
    kit.edit(survey).questions(java.util.List.of(SurveyDescriptorTest.CANTEEN)).save();
    assertThat(survey.item().questions()).hasSize(1);

    kit.act(survey, "answer", TestActor.member("m1"), Map.of("canteen", "yes"));
    assertThatThrownBy(
            () ->
                kit.edit(survey)
                    .questions(
                        java.util.List.of(SurveyDescriptorTest.CANTEEN, SurveyDescriptorTest.SCORE))
                    .anonymous(true)
                    .save())
        .isInstanceOfSatisfying(
            Refused.class,
            e ->
                assertThat(e.refusals())
                    .extracting(Refusal::field, Refusal::code)
                    .containsExactlyInAnyOrder(
                        tuple("questions", "QUESTIONS_LOCKED"),
                        tuple("anonymous", "ANONYMITY_LOCKED")));
    assertThat(survey.item().questions()).hasSize(1);

    kit.edit(survey).title("食堂满意度调查（延长）").closes(MONDAY_9AM.plusDays(5)).save();
    assertThat(survey.item().title()).isEqualTo("食堂满意度调查（延长）");

    kit.close(survey);
    assertThatThrownBy(() -> kit.edit(survey).title("再改").save())
        .isInstanceOfSatisfying(
            Refused.class,
            e -> assertThat(e.refusals()).extracting(Refusal::code).containsExactly("CLOSED"));
  }

  @Test
  void badAnswersAreRefusedTogetherAndNothingIsKept() {
    TestItem survey = kit.publish(canteenSurvey().opens(null).create());
    assertThatThrownBy(
            () ->
                kit.act(
                    survey,
                    "answer",
                    TestActor.member("m1"),
                    Map.of(
                        "canteen", "maybe",
                        "wishes", "noodles,fruit,soup",
                        "score", "0",
                        "remarks", "很".repeat(501),
                        "shoeSize", "42")))
        .isInstanceOfSatisfying(
            Refused.class,
            e ->
                assertThat(e.refusals())
                    .extracting(Refusal::field, Refusal::code)
                    .containsExactlyInAnyOrder(
                        tuple("canteen", "NOT_A_CHOICE"),
                        tuple("wishes", "TOO_MANY_CHOICES"),
                        tuple("score", "NOT_A_RATING"),
                        tuple("remarks", "TOO_LONG"),
                        tuple("shoeSize", "UNKNOWN_FIELD")));
    assertThat(kit.actions(survey.id())).isEmpty();
  }

  @Test
  void membersOfAnotherUnionCannotAnswerUnlessTheSurveyIsForEveryone() {
    TestItem ours = kit.publish(canteenSurvey().opens(null).create());
    assertThatThrownBy(
            () ->
                kit.act(
                    ours, "answer", TestActor.memberElsewhere("x"), answer("yes", "fruit", "3")))
        .isInstanceOfSatisfying(
            ActionRefused.class,
            e -> assertThat(e.reason()).isEqualTo(ActionRefused.Reason.NOT_IN_AUDIENCE));

    TestItem open =
        kit.publish(canteenSurvey().opens(null).audience(Audience.AUTHENTICATED).create());
    kit.act(open, "answer", TestActor.worker("w1"), answer("yes", "fruit", "3"));
    assertThat(kit.actions(open.id())).extracting(a -> a.actor()).containsExactly("w1");
  }

  @Test
  void resultsCountChoicesAverageRatingsAndHideSmallCellsOfAnonymousSurveys() {
    TestItem survey = kit.publish(canteenSurvey().opens(null).anonymous().create());
    for (int i = 1; i <= 5; i++) {
      kit.act(survey, "answer", TestActor.member("m" + i), answer("yes", "fruit", "4"));
    }
    kit.act(survey, "answer", TestActor.member("m6"), answer("no", "noodles", "1"));

    assertThat(kit.actions(survey.id())).allSatisfy(a -> assertThat(a.actor()).isNull());
    var results = kit.tally(survey, SurveyModuleFactory.RESULTS);
    assertThat(results.minimumCell()).isEqualTo(5);
    assertThat(results.cell("count").count()).isEqualTo(6);
    assertThat(results.cell("canteen=yes").count()).isEqualTo(5);
    assertThat(results.cell("score").average()).isEqualByComparingTo(new BigDecimal("3.50"));
    assertThat(results.hidden()).containsExactlyInAnyOrder("canteen=no", "wishes=noodles");
  }

  @Test
  void aTenantChoosesItsOwnMinimumCell() {
    var strict =
        ModuleTestKit.of(new SurveyModuleFactory())
            .at(MONDAY_9AM)
            .withLayer("{\"settings\":{\"minimumCell\":{\"value\":10}}}");
    TestItem survey =
        strict.publish(
            strict
                .newItem(SurveyModuleFactory.SURVEY)
                .title("匿名调查")
                .question(SurveyDescriptorTest.CANTEEN)
                .closes(MONDAY_9AM.plusDays(1))
                .anonymous()
                .create());
    for (int i = 1; i <= 6; i++) {
      strict.act(survey, "answer", TestActor.member("m" + i), Map.of("canteen", "yes"));
    }
    var results = strict.tally(survey, SurveyModuleFactory.RESULTS);
    assertThat(results.minimumCell()).isEqualTo(10);
    assertThat(results.cells()).isEmpty();
  }

  @Test
  void membersSeeResultsAfterCloseOnlyWhenTheSurveySaysSo() {
    TestItem survey =
        kit.publish(
            canteenSurvey().opens(null).resultsVisibility(ResultsVisibility.AFTER_CLOSE).create());
    var m1 = TestActor.member("m1");
    kit.act(survey, "answer", m1, answer("yes", "fruit", "5"));
    assertThatThrownBy(() -> kit.tally(survey, SurveyModuleFactory.RESULTS, m1))
        .isInstanceOf(ActionRefused.class);
    kit.advance(Duration.ofDays(3));
    assertThat(kit.tally(survey, SurveyModuleFactory.RESULTS, m1).cell("canteen=yes").count())
        .isEqualTo(1);
  }

  @Test
  void aSurveyWithoutQuestionsOrWithACloseBeforeItsOpenIsNotPublished() {
    assertThatThrownBy(
            () ->
                kit.publish(
                    kit.newItem(SurveyModuleFactory.SURVEY)
                        .title("空问卷")
                        .closes(MONDAY_9AM.plusDays(1))
                        .create()))
        .isInstanceOfSatisfying(
            Refused.class,
            e -> assertThat(e.refusals()).extracting(Refusal::code).contains("NO_QUESTIONS"));
    assertThatThrownBy(
            () ->
                kit.newItem(SurveyModuleFactory.SURVEY)
                    .title("时间错误")
                    .question(SurveyDescriptorTest.CANTEEN)
                    .opens(MONDAY_9AM.plusDays(2))
                    .closes(MONDAY_9AM.plusDays(1))
                    .create())
        .isInstanceOf(Refused.class);
  }
}
