package org.unionhub.platform.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.calendar.WorkingCalendar;
import org.unionhub.platform.fixture.FixtureModuleFactory;
import org.unionhub.platform.fixture.TestContexts;
import org.unionhub.platform.rules.RuleEngine;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.Submission;
import org.unionhub.sdk.validation.ResidentIdNumber;

class RequestLifecycleTest {

  private static final LocalDate MONDAY = LocalDate.of(2026, 9, 28);
  private final RequestLifecycle lifecycle =
      new RequestLifecycle(new RuleEngine(), WorkingCalendar.official(), TestContexts.standalone());
  private final FixtureModuleFactory module = new FixtureModuleFactory();

  private static String idBornOn(LocalDate birth) {
    String first17 = "440304" + birth.toString().replace("-", "") + "123";
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  private static Map<String, String> form(String idNumber) {
    var data = new HashMap<String, String>();
    data.put("name", "张三");
    data.put("gender", "male");
    data.put("idNumber", idNumber);
    return data;
  }

  private Submission submission(Map<String, String> data) {
    return new Submission("gd-sz-ft-001", "worker1", MONDAY, data);
  }

  @Test
  void acceptedApplicationStartsSubmittedAndIsDueInFiveWorkingDaysAcrossTheHoliday() {
    var accepted =
        lifecycle.submit(module, submission(form(idBornOn(LocalDate.of(1990, 1, 1)))), List.of());
    assertThat(accepted.initialState().name()).isEqualTo("submitted");
    // Mon 28 Sep + 5: Tue 29, Wed 30, (1-7 Oct holiday), Thu 8, Fri 9, Sat 10 (make-up workday).
    assertThat(accepted.dueDate()).isEqualTo(LocalDate.of(2026, 10, 10));
    assertThat(accepted.flags()).isEmpty();
  }

  @Test
  void formProblemsAreAllReportedBeforeAnyRuleRuns() {
    var data = form("not-an-id");
    data.remove("gender");
    data.put("shoeSize", "42");
    assertThatThrownBy(() -> lifecycle.submit(module, submission(data), List.of()))
        .isInstanceOfSatisfying(
            SubmissionRefusedException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("shoeSize", "UNKNOWN_FIELD"),
                        org.assertj.core.groups.Tuple.tuple("gender", "REQUIRED"),
                        org.assertj.core.groups.Tuple.tuple("idNumber", "INVALID_ID_NUMBER")));
  }

  @Test
  void underSixteenIsRefusedByTheModulesRule() {
    var young = idBornOn(MONDAY.minusYears(15));
    assertThatThrownBy(() -> lifecycle.submit(module, submission(form(young)), List.of()))
        .isInstanceOfSatisfying(
            SubmissionRefusedException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::code)
                    .containsExactly("UNDER_MINIMUM_AGE"));
  }

  @Test
  void staffMayApproveWorkersMayNotAndFinishedRequestsDoNotMove() {
    var descriptor = module.descriptor();
    var move = lifecycle.act(descriptor, "submitted", 0, "approve", Set.of(Role.STAFF), MONDAY);
    assertThat(move.target().name()).isEqualTo("approved");
    assertThat(move.dueDate()).isNull();
    assertThat(
            lifecycle
                .act(descriptor, "submitted", 0, "approve", Set.of(Role.TENANT_ADMIN), MONDAY)
                .target()
                .name())
        .isEqualTo("approved");
    assertThatThrownBy(
            () -> lifecycle.act(descriptor, "submitted", 0, "approve", Set.of(Role.WORKER), MONDAY))
        .isInstanceOf(NotAllowedException.class);
    assertThatThrownBy(
            () -> lifecycle.act(descriptor, "approved", 1, "reject", Set.of(Role.STAFF), MONDAY))
        .isInstanceOfSatisfying(
            RequestConflictException.class,
            e -> assertThat(e.currentState()).isEqualTo("approved"));
  }

  @Test
  void formProblemsAndRuleRefusalsAreReportedTogether() {
    var data = form(idBornOn(MONDAY.minusYears(15)));
    data.remove("name");
    data.put("gender", "robot");
    assertThatThrownBy(() -> lifecycle.submit(module, submission(data), List.of()))
        .isInstanceOfSatisfying(
            SubmissionRefusedException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("name", "REQUIRED"),
                        org.assertj.core.groups.Tuple.tuple("gender", "NOT_A_CHOICE"),
                        org.assertj.core.groups.Tuple.tuple("idNumber", "UNDER_MINIMUM_AGE")));
  }

  @Test
  void anOptionalChoiceMayBeLeftEmpty() {
    var withShift =
        new org.unionhub.sdk.ServiceModuleFactory() {
          private final org.unionhub.sdk.ModuleDescriptor descriptor = withShift();

          @Override
          public org.unionhub.sdk.ModuleDescriptor descriptor() {
            return descriptor;
          }

          @Override
          public org.unionhub.sdk.ServiceModule create(org.unionhub.sdk.ModuleContext context) {
            return module.create(context);
          }
        };
    var data = form(idBornOn(LocalDate.of(1990, 1, 1)));
    assertThat(lifecycle.submit(withShift, submission(data), List.of()).initialState().name())
        .isEqualTo("submitted");
    data.put("shift", "");
    assertThat(lifecycle.submit(withShift, submission(data), List.of()).initialState().name())
        .isEqualTo("submitted");
    data.put("shift", "weekends");
    assertThatThrownBy(() -> lifecycle.submit(withShift, submission(data), List.of()))
        .isInstanceOfSatisfying(
            SubmissionRefusedException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("shift", "NOT_A_CHOICE")));
  }

  private org.unionhub.sdk.ModuleDescriptor withShift() {
    var d = module.descriptor();
    var fields = new java.util.ArrayList<>(d.form());
    fields.add(
        org.unionhub.sdk.form.FormField.builder("shift", org.unionhub.sdk.form.FieldType.CHOICE)
            .label("班次", "Shift")
            .choices(
                List.of(
                    new org.unionhub.sdk.form.Choice(
                        "day", org.unionhub.sdk.LocalizedText.of("白班", "Day")),
                    new org.unionhub.sdk.form.Choice(
                        "night", org.unionhub.sdk.LocalizedText.of("夜班", "Night"))))
            .optional()
            .build());
    return d.toBuilder().requests(fields, d.workflow()).build();
  }
}
