package org.unionhub.modules.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unionhub.sdk.validation.ResidentIdNumber;
import org.unionhub.testkit.ActionRefused;
import org.unionhub.testkit.ModuleTestKit;
import org.unionhub.testkit.Refusal;
import org.unionhub.testkit.Step;
import org.unionhub.testkit.TestRequest;

class EnrollmentRulesTest {

  /** The Monday before the National Day holiday (1-7 October 2026). */
  private static final LocalDate MONDAY = LocalDate.of(2026, 9, 28);

  private final ModuleTestKit kit = ModuleTestKit.of(new EnrollmentModuleFactory()).on(MONDAY);

  @Test
  void applicantUnderSixteenIsRefusedOnTheIdNumberField() {
    var oneDayShort = application(idNumberBornOn(MONDAY.minusYears(16).plusDays(1)));

    assertThat(kit.refusals(oneDayShort))
        .extracting(Refusal::field, Refusal::code)
        .containsExactly(tuple("idNumber", "UNDER_MINIMUM_AGE"));
  }

  @Test
  void applicantWhoTurnsSixteenTodayIsAccepted() {
    TestRequest request = kit.submit(application(idNumberBornOn(MONDAY.minusYears(16))));

    assertThat(request.state()).isEqualTo("submitted");
    assertThat(request.flags()).isEmpty();
  }

  @Test
  void applicantPastRetirementAgeIsFlaggedForReviewNotRefused() {
    TestRequest request = kit.submit(application(idNumberBornOn(MONDAY.minusYears(70))));

    assertThat(request.state()).isEqualTo("submitted");
    assertThat(request.flags()).singleElement().asString().contains("法定退休年龄");
  }

  @Test
  void staffApproveAnApplicationAndItHasNoDeadlineLeft() {
    TestRequest request = kit.submit(application(idNumberBornOn(LocalDate.of(1990, 1, 1))));
    kit.advanceWorkingDays(2);

    kit.act(request, "approve", "staff");

    assertThat(request.state()).isEqualTo("approved");
    assertThat(request.dueDate()).isNull();
    assertThat(request.history())
        .extracting(Step::action, Step::to, Step::role, Step::on)
        .containsExactly(
            tuple("submit", "submitted", null, MONDAY),
            tuple("approve", "approved", "staff", LocalDate.of(2026, 9, 30)));
  }

  @Test
  void staffRejectAnApplicationButAWorkerCannotDecideOne() {
    TestRequest request = kit.submit(application(idNumberBornOn(LocalDate.of(1990, 1, 1))));

    assertThatThrownBy(() -> kit.act(request, "approve", "member"))
        .isInstanceOfSatisfying(
            ActionRefused.class,
            e -> assertThat(e.reason()).isEqualTo(ActionRefused.Reason.ROLE_NOT_ALLOWED));
    kit.act(request, "reject", "staff");

    assertThat(request.state()).isEqualTo("rejected");
  }

  @Test
  void applicationBeforeNationalDayIsDueOnTheMakeUpSaturdayAndOverdueAfterIt() {
    TestRequest request = kit.submit(application(idNumberBornOn(LocalDate.of(1990, 1, 1))));

    // Five working days from Mon 28 Sep: Tue 29, Wed 30, Thu 8 Oct, Fri 9, Sat 10 (调休 workday).
    assertThat(request.dueDate()).isEqualTo(LocalDate.of(2026, 10, 10));
    kit.advanceWorkingDays(5);
    assertThat(request.isOverdue()).isFalse();
    kit.advanceWorkingDays(1);
    assertThat(request.isOverdue()).isTrue();
  }

  static Map<String, String> application(String idNumber) {
    return Map.of(
        "name", "张三",
        "gender", "male",
        "idNumber", idNumber,
        "mobile", "13800138000",
        "employerName", "深圳市福田区星河科技有限公司",
        "employerCreditCode", "91440300192185379H",
        "employmentType", "employee");
  }

  static String idNumberBornOn(LocalDate birth) {
    String first17 = "440304" + birth.toString().replace("-", "") + "123";
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }
}
