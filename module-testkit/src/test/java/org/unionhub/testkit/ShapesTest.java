package org.unionhub.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.form.Choice;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.item.Audience;
import org.unionhub.sdk.item.ItemState;
import org.unionhub.sdk.item.Phase;
import org.unionhub.sdk.item.ResultsVisibility;
import org.unionhub.sdk.tally.TallyCell;
import org.unionhub.testkit.fixture.PollModuleFactory;

class ShapesTest {

  private static final LocalDateTime MONDAY_9AM = LocalDateTime.of(2026, 9, 28, 9, 0);

  private final PollModuleFactory module = new PollModuleFactory();
  private final ModuleTestKit kit = ModuleTestKit.of(module).at(MONDAY_9AM);

  private static List<Choice> choices(String... values) {
    return java.util.Arrays.stream(values).map(v -> new Choice(v, LocalizedText.of(v, v))).toList();
  }

  private ItemBuilder poll() {
    return kit.newItem("poll")
        .title("食堂改进投票")
        .question(
            FormField.builder("colour", FieldType.CHOICE)
                .label("颜色", "Colour")
                .choices(choices("red", "blue"))
                .build())
        .question(
            FormField.builder("fruits", FieldType.MULTI_CHOICE)
                .label("水果", "Fruits")
                .choices(choices("apple", "pear", "plum"))
                .maxChoices(2)
                .build())
        .question(FormField.builder("rating", FieldType.RATING).label("评分", "Rating").build())
        .question(
            FormField.builder("comment", FieldType.LONG_TEXT)
                .label("意见", "Comment")
                .optional()
                .maxLength(50)
                .build())
        .opens(MONDAY_9AM.plusHours(1))
        .closes(MONDAY_9AM.plusDays(2));
  }

  @Test
  void aPollOpensAndClosesWithTheClockTheTestMoves() {
    TestItem item = poll().create();
    assertThat(item.phase()).isEqualTo(Phase.DRAFT);
    kit.publish(item);
    assertThat(item.phase()).isEqualTo(Phase.SCHEDULED);

    assertThatThrownBy(
            () ->
                kit.act(
                    item,
                    "answer",
                    TestActor.member("m1"),
                    PollModuleFactory.answers("red", "apple", "4")))
        .isInstanceOfSatisfying(
            Refused.class,
            e ->
                assertThat(e.refusals()).extracting(Refusal::code).containsExactly("NOT_YET_OPEN"));

    kit.advance(Duration.ofHours(1));
    assertThat(item.phase()).isEqualTo(Phase.OPEN);
    kit.act(item, "answer", TestActor.member("m1"), PollModuleFactory.answers("red", "apple", "4"));

    kit.at(MONDAY_9AM.plusDays(2));
    assertThat(item.phase()).isEqualTo(Phase.CLOSED);
    assertThat(item.state()).isEqualTo(ItemState.PUBLISHED);
    assertThatThrownBy(
            () ->
                kit.act(
                    item,
                    "answer",
                    TestActor.member("m2"),
                    PollModuleFactory.answers("red", "apple", "4")))
        .isInstanceOfSatisfying(
            Refused.class,
            e -> assertThat(e.refusals()).extracting(Refusal::code).containsExactly("CLOSED"));
    assertThat(module.seen).contains("action answer by m1 k=3");
  }

  @Test
  void aMemberAnswersOnceAndEveryProblemOfAnAnswerIsReportedTogether() {
    TestItem item = kit.publish(poll().create());
    kit.advance(Duration.ofHours(2));
    var m1 = TestActor.member("m1");
    kit.act(item, "answer", m1, PollModuleFactory.answers("blue", "apple,pear", "5"));

    var again = new HashMap<>(PollModuleFactory.answers("green", "apple,pear,plum", "6"));
    again.put("shoeSize", "42");
    assertThatThrownBy(() -> kit.act(item, "answer", m1, again))
        .isInstanceOfSatisfying(
            Refused.class,
            e ->
                assertThat(e.refusals())
                    .extracting(Refusal::field, Refusal::code)
                    .containsExactlyInAnyOrder(
                        tuple("target", "ALREADY_DONE"),
                        tuple("shoeSize", "UNKNOWN_FIELD"),
                        tuple("colour", "NOT_A_CHOICE"),
                        tuple("fruits", "TOO_MANY_CHOICES"),
                        tuple("rating", "NOT_A_RATING")));
    assertThat(kit.actions(item.id())).hasSize(1);
  }

  @Test
  void theAudienceAndTheRolesDecideWhoAnswers() {
    TestItem item = kit.publish(poll().create());
    kit.advance(Duration.ofHours(2));
    var answers = PollModuleFactory.answers("red", "apple", "3");

    assertThatThrownBy(() -> kit.act(item, "answer", TestActor.memberElsewhere("x"), answers))
        .isInstanceOfSatisfying(
            ActionRefused.class,
            e -> assertThat(e.reason()).isEqualTo(ActionRefused.Reason.NOT_IN_AUDIENCE));

    TestItem open = kit.publish(poll().audience(Audience.AUTHENTICATED).opens(null).create());
    kit.act(open, "answer", TestActor.worker("w1"), answers);
    assertThat(kit.actions(open.id())).extracting(a -> a.actor()).containsExactly("w1");
  }

  @Test
  void anAnonymousPollStoresNoActorAndHidesSmallCells() {
    TestItem item = kit.publish(poll().anonymous().create());
    kit.advance(Duration.ofHours(2));
    kit.act(item, "answer", TestActor.member("m1"), PollModuleFactory.answers("red", "apple", "4"));
    kit.act(item, "answer", TestActor.member("m2"), PollModuleFactory.answers("red", "pear", "2"));
    kit.act(item, "answer", TestActor.member("m3"), PollModuleFactory.answers("red", "apple", "3"));
    kit.act(
        item, "answer", TestActor.member("m4"), PollModuleFactory.answers("blue", "apple", "5"));

    assertThat(kit.actions(item.id()))
        .allSatisfy(
            a -> {
              assertThat(a.actor()).isNull();
              assertThat(a.day()).isEqualTo(MONDAY_9AM.toLocalDate());
            });
    // The module's minimumCell setting is 3: blue (1) and pear (1) are hidden.
    var results = kit.tally(item, "results");
    assertThat(results.cell("colour=red").count()).isEqualTo(3);
    assertThat(results.cell("fruits=apple").count()).isEqualTo(3);
    assertThat(results.hidden()).containsExactlyInAnyOrder("colour=blue", "fruits=pear");
    TallyCell rating = results.cell("rating");
    assertThat(rating.count()).isEqualTo(4);
    assertThat(rating.average()).isEqualByComparingTo(new BigDecimal("3.50"));
    assertThat(results.cell("count").count()).isEqualTo(4);
  }

  @Test
  void membersReadResultsOnlyWhenThePollAllows() {
    TestItem live = kit.publish(poll().resultsVisibility(ResultsVisibility.LIVE).create());
    TestItem afterClose =
        kit.publish(poll().resultsVisibility(ResultsVisibility.AFTER_CLOSE).create());
    kit.advance(Duration.ofHours(2));
    var m1 = TestActor.member("m1");
    kit.act(live, "answer", m1, PollModuleFactory.answers("red", "apple", "4"));

    assertThat(kit.tally(live, "results", m1).cell("colour=red").count()).isEqualTo(1);
    assertThatThrownBy(() -> kit.tally(afterClose, "results", m1))
        .isInstanceOf(ActionRefused.class);
    kit.close(afterClose);
    assertThat(kit.tally(afterClose, "results", m1).cells()).isEmpty();
    assertThat(module.seen).anyMatch(s -> s.startsWith("item CLOSED"));
  }

  @Test
  void aDraftWithBadQuestionsIsRefusedWithEveryProblemAndTheModulesCheckRunsAtPublish() {
    assertThatThrownBy(
            () ->
                kit.newItem("poll")
                    .title(" ")
                    .question(
                        FormField.builder("colour", FieldType.CHOICE)
                            .label("颜色", "Colour")
                            .buildUnchecked())
                    .question(
                        FormField.builder("mobile", FieldType.MOBILE).label("手机", "Mobile").build())
                    .opens(MONDAY_9AM.plusDays(1))
                    .closes(MONDAY_9AM)
                    .create())
        .isInstanceOfSatisfying(
            Refused.class,
            e ->
                assertThat(e.refusals())
                    .extracting(Refusal::field, Refusal::code)
                    .containsExactlyInAnyOrder(
                        tuple("title", "REQUIRED"),
                        tuple("questions[0]", "INVALID"),
                        tuple("questions[1].type", "NOT_ALLOWED"),
                        tuple("closesAt", "BEFORE_OPENING")));
    assertThatThrownBy(() -> poll().by(TestActor.member("m1")).create())
        .isInstanceOf(ActionRefused.class);

    TestItem advert = poll().title("广告：团购").create();
    assertThatThrownBy(() -> kit.publish(advert))
        .isInstanceOfSatisfying(
            Refused.class,
            e -> assertThat(e.refusals()).extracting(Refusal::code).containsExactly("ADVERTISING"));
    assertThat(advert.state()).isEqualTo(ItemState.DRAFT);
  }

  @Test
  void membersSupportAProposalOnceAndTalkWithStaff() {
    TestRequest proposal = kit.submit(Map.of("topic", "增设母婴室"));
    kit.act(proposal, "support", TestActor.member("m1"), Map.of());
    kit.act(proposal, "support", TestActor.member("m2"), Map.of());
    assertThatThrownBy(() -> kit.act(proposal, "support", TestActor.member("m1"), Map.of()))
        .isInstanceOf(Refused.class);
    assertThat(kit.context().store().tally(proposal.id(), "supporters"))
        .extracting(TallyCell::key, TallyCell::count)
        .containsExactly(tuple("count", 2L));

    var proposer = new TestActor(ModuleTestKit.SUBMITTER, java.util.Set.of(Role.MEMBER), true);
    kit.post(proposal, proposer, "请问什么时候能落实？");
    kit.advance(Duration.ofMinutes(30));
    kit.post(proposal, TestActor.staff("ft-staff"), "已报行政部门，两周内答复。");
    assertThatThrownBy(() -> kit.post(proposal, TestActor.member("m2"), "我也想知道"))
        .isInstanceOf(ActionRefused.class);
    assertThat(kit.messages(proposal))
        .extracting(m -> m.seq(), m -> m.author(), m -> m.role())
        .containsExactly(
            tuple(1L, ModuleTestKit.SUBMITTER, Role.MEMBER), tuple(2L, "ft-staff", Role.STAFF));

    kit.act(proposal, "finish", "staff");
    assertThatThrownBy(() -> kit.post(proposal, proposer, "谢谢"))
        .isInstanceOfSatisfying(
            Refused.class,
            e ->
                assertThat(e.refusals())
                    .extracting(Refusal::code)
                    .containsExactly("CONVERSATION_CLOSED"));
  }
}
