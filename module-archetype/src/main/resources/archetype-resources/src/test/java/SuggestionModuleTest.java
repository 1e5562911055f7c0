package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.conversation.Message;
import org.unionhub.sdk.tally.TallyCell;
import org.unionhub.testkit.ActionRefused;
import org.unionhub.testkit.ModuleTestKit;
import org.unionhub.testkit.Refusal;
import org.unionhub.testkit.Refused;
import org.unionhub.testkit.Step;
import org.unionhub.testkit.TestActor;
import org.unionhub.testkit.TestRequest;

class SuggestionModuleTest {

  /** The Monday before China's National Day holiday, 1-7 October 2026. */
  private static final LocalDate MONDAY = LocalDate.of(2026, 9, 28);

  private final ModuleTestKit kit = ModuleTestKit.of(new SuggestionModuleFactory()).on(MONDAY);

  @Test
  void suggestionIsDueInFiveWorkingDaysCountingTheMakeUpSaturday() {
    TestRequest request = kit.submit(suggestion("pay-and-benefits"));

    assertThat(request.state()).isEqualTo("submitted");
    // Tue 29, Wed 30 Sep; 1-7 Oct are holidays; Thu 8, Fri 9 and Sat 10 Oct, a make-up workday.
    assertThat(request.dueDate()).isEqualTo(LocalDate.of(2026, 10, 10));
    kit.advanceWorkingDays(5);
    assertThat(request.isOverdue()).isFalse();
    kit.advanceDays(1);
    assertThat(request.isOverdue()).isTrue();
  }

  @Test
  void vagueSuggestionIsRefusedOnTheDetailField() {
    var vague = new HashMap<>(suggestion("other"));
    vague.put("detail", "食堂不好");

    assertThat(kit.refusals(vague))
        .extracting(Refusal::field, Refusal::code)
        .containsExactly(tuple("detail", "TOO_SHORT"));
  }

  @Test
  void safetySuggestionIsFlaggedAndDueInTwoWorkingDays() {
    TestRequest request = kit.submit(suggestion("workplace-safety"));

    assertThat(request.flags()).hasSize(1);
    assertThat(request.dueDate()).isEqualTo(LocalDate.of(2026, 9, 30));
  }

  @Test
  void staffAcceptASuggestionAndTheUnionAnswersIt() {
    TestRequest request = kit.submit(suggestion("union-work"));

    kit.advanceWorkingDays(1).act(request, "accept", "staff");
    assertThat(request.state()).isEqualTo("under-study");
    kit.advanceWorkingDays(10).act(request, "answer", "tenant-admin");

    assertThat(request.state()).isEqualTo("answered");
    assertThat(request.history())
        .extracting(Step::action, Step::role)
        .containsExactly(
            tuple("submit", null), tuple("accept", "staff"), tuple("answer", "tenant-admin"));
  }

  @Test
  void staffCannotAnswerForTheUnion() {
    TestRequest request = kit.submit(suggestion("union-work"));
    kit.act(request, "accept", "staff");

    assertThatThrownBy(() -> kit.act(request, "answer", "staff"))
        .isInstanceOfSatisfying(
            ActionRefused.class,
            e -> assertThat(e.reason()).isEqualTo(ActionRefused.Reason.ROLE_NOT_ALLOWED));
  }

  @Test
  void membersSupportASuggestionOnceEachAndTheCountIsKept() {
    TestRequest request = kit.submit(suggestion("union-work"));

    kit.act(request, SuggestionModuleFactory.SUPPORT, TestActor.member("zhang"), Map.of());
    kit.act(request, SuggestionModuleFactory.SUPPORT, TestActor.member("li"), Map.of());
    assertThatThrownBy(
            () ->
                kit.act(request, SuggestionModuleFactory.SUPPORT, TestActor.member("li"), Map.of()))
        .isInstanceOfSatisfying(
            Refused.class,
            e ->
                assertThat(e.refusals()).extracting(Refusal::code).containsExactly("ALREADY_DONE"));

    assertThat(kit.context().store().tally(request.id(), "supporters"))
        .extracting(TallyCell::key, TallyCell::count)
        .containsExactly(tuple("count", 2L));
  }

  @Test
  void theAuthorAndStaffTalkAboutASuggestionUntilItIsAnswered() {
    TestRequest request = kit.submit(suggestion("union-work"));
    var author = TestActor.member(ModuleTestKit.SUBMITTER);

    kit.post(request, author, "食堂的意见箱也可以一起看看。");
    kit.post(request, TestActor.staff("wang"), "收到，已转后勤部门。");
    assertThat(kit.messages(request))
        .extracting(Message::author, Message::role)
        .containsExactly(tuple(ModuleTestKit.SUBMITTER, Role.MEMBER), tuple("wang", Role.STAFF));

    kit.act(request, "accept", "staff");
    kit.act(request, "answer", "tenant-admin");
    assertThatThrownBy(() -> kit.post(request, author, "谢谢！"))
        .isInstanceOfSatisfying(
            Refused.class,
            e ->
                assertThat(e.refusals())
                    .extracting(Refusal::code)
                    .containsExactly("CONVERSATION_CLOSED"));
  }

  private static Map<String, String> suggestion(String category) {
    return Map.of(
        "title", "延长食堂晚餐供应时间",
        "category", category,
        "detail", "建议食堂晚餐供应延长到晚上八点，方便加班的职工按时吃饭。");
  }
}
