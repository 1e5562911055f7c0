package org.unionhub.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unionhub.testkit.fixture.InitCountingModuleFactory;
import org.unionhub.testkit.fixture.TicketModuleFactory;

class ModuleTestKitTest {

  private static final LocalDate MONDAY_BEFORE_NATIONAL_DAY = LocalDate.of(2026, 9, 28);

  private final ModuleTestKit kit =
      ModuleTestKit.of(new TicketModuleFactory()).on(MONDAY_BEFORE_NATIONAL_DAY);

  @Test
  void validModuleIsInitialisedOnceAsThePlatformDoesAfterDiscovery() {
    var module = new InitCountingModuleFactory();

    ModuleTestKit.of(module).on(MONDAY_BEFORE_NATIONAL_DAY).submit(Map.of("topic", "canteen"));

    assertThat(module.initCalls()).isEqualTo(1);
  }

  @Test
  void acceptedSubmissionStartsInTheInitialStateDueInWorkingDaysAfterTheHoliday() {
    TestRequest request = kit.submit(Map.of("topic", "overtime pay"));

    assertThat(request.state()).isEqualTo("submitted");
    // Three working days from Mon 28 Sep: Tue 29, Wed 30, then 1-7 Oct are holidays, Thu 8 Oct.
    assertThat(request.dueDate()).isEqualTo(LocalDate.of(2026, 10, 8));
    assertThat(request.flags()).isEmpty();
    assertThat(request.routedTo()).isEmpty();
    assertThat(request.history())
        .containsExactly(new Step("submit", null, "submitted", null, MONDAY_BEFORE_NATIONAL_DAY));
  }

  @Test
  void formProblemsAreAllReportedWithTheirFieldAndCode() {
    assertThat(kit.refusals(Map.of("urgent", "y", "shoeSize", "42")))
        .extracting(Refusal::field, Refusal::code)
        .containsExactlyInAnyOrder(
            tuple("topic", "REQUIRED"),
            tuple("urgent", "NOT_A_CHOICE"),
            tuple("shoeSize", "UNKNOWN_FIELD"));
  }

  @Test
  void ruleRejectionRefusesTheSubmissionAndFailsATestThatExpectedAcceptance() {
    assertThatThrownBy(() -> kit.submit(Map.of("topic", "advertising")))
        .isInstanceOfSatisfying(
            Refused.class,
            e ->
                assertThat(e.refusals())
                    .containsExactly(new Refusal("topic", "NOT_A_UNION_MATTER", "广告不属于工会事务")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("topic NOT_A_UNION_MATTER");
  }

  @Test
  void acceptableSubmissionHasNoRefusals() {
    assertThat(kit.refusals(Map.of("topic", "overtime pay"))).isEmpty();
  }

  @Test
  void rulesFlagRouteAndSetTheDeadline() {
    kit.on(LocalDate.of(2026, 9, 30));

    TestRequest request = kit.submit(Map.of("topic", "wage arrears", "urgent", "yes"));

    assertThat(request.flags()).containsExactly("紧急事项");
    assertThat(request.routedTo()).contains("gd-sz-ft");
    // Due the next working day after Wed 30 Sep: the National Day holiday ends on 7 Oct.
    assertThat(request.dueDate()).isEqualTo(LocalDate.of(2026, 10, 8));
  }

  @Test
  void requestIsInTimeOnItsDueDateAndOverdueFromTheNextDay() {
    TestRequest request = kit.submit(Map.of("topic", "overtime pay"));

    kit.advanceWorkingDays(3);
    assertThat(kit.today()).isEqualTo(request.dueDate());
    assertThat(request.isOverdue()).isFalse();

    kit.advanceDays(1);
    assertThat(request.isOverdue()).isTrue();
  }

  @Test
  void workingDaysStopOnAMakeUpWorkdayAndTheClockOnlyMovesForward() {
    kit.on(LocalDate.of(2026, 10, 9)).advanceWorkingDays(1);
    assertThat(kit.today()).isEqualTo(LocalDate.of(2026, 10, 10));

    assertThatThrownBy(() -> kit.advanceDays(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eachStepMovesTheRequestRestartsTheDeadlineAndIsRecordedWithItsRole() {
    TestRequest request = kit.submit(Map.of("topic", "overtime pay"));
    kit.advanceWorkingDays(3);
    LocalDate accepted = kit.today();

    kit.act(request, "accept", "staff");
    assertThat(request.state()).isEqualTo("accepted");
    // Ten working days from Thu 8 Oct, counting the make-up workday Sat 10 Oct.
    assertThat(request.dueDate()).isEqualTo(LocalDate.of(2026, 10, 21));

    kit.advanceDays(30);
    assertThat(request.isOverdue()).isTrue();
    kit.act(request, "resolve", "tenant-admin");

    assertThat(request.state()).isEqualTo("resolved");
    assertThat(request.dueDate()).isNull();
    assertThat(request.isOverdue()).isFalse();
    assertThat(request.history())
        .extracting(Step::action, Step::from, Step::to, Step::role, Step::on)
        .containsExactly(
            tuple("submit", null, "submitted", null, MONDAY_BEFORE_NATIONAL_DAY),
            tuple("accept", "submitted", "accepted", "staff", accepted),
            tuple("resolve", "accepted", "resolved", "tenant-admin", accepted.plusDays(30)));
  }

  @Test
  void tenantAdminsMayTakeStaffActionsAsOnTheServer() {
    TestRequest request = kit.submit(Map.of("topic", "overtime pay"));

    kit.act(request, "decline", "tenant-admin");

    assertThat(request.state()).isEqualTo("declined");
  }

  @Test
  void roleWithoutTheRightIsRefusedAndTheRequestStays() {
    TestRequest request = kit.submit(Map.of("topic", "overtime pay"));

    assertThatThrownBy(() -> kit.act(request, "accept", "member"))
        .isInstanceOfSatisfying(
            ActionRefused.class,
            e -> assertThat(e.reason()).isEqualTo(ActionRefused.Reason.ROLE_NOT_ALLOWED))
        .hasMessageContaining("needs the role staff, not member");
    assertThat(request.state()).isEqualTo("submitted");
    assertThat(request.history()).hasSize(1);
  }

  @Test
  void actionTheStateDoesNotOfferIsRefusedNamingTheActionsItDoes() {
    TestRequest request = kit.submit(Map.of("topic", "overtime pay"));

    assertThatThrownBy(() -> kit.act(request, "resolve", "tenant-admin"))
        .isInstanceOfSatisfying(
            ActionRefused.class,
            e -> assertThat(e.reason()).isEqualTo(ActionRefused.Reason.NOT_POSSIBLE_IN_STATE))
        .hasMessageContaining("'resolve' is not possible in state 'submitted'")
        .hasMessageContaining("[accept, decline]");
  }

  @Test
  void finishedRequestOffersNoActionAtAll() {
    TestRequest request = kit.submit(Map.of("topic", "overtime pay"));
    kit.act(request, "decline", "staff");

    assertThatThrownBy(() -> kit.act(request, "accept", "staff"))
        .isInstanceOf(ActionRefused.class)
        .hasMessageContaining("possible there: none");
  }
}
