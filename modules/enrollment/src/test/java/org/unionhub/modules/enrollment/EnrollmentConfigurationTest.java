package org.unionhub.modules.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.config.ScenarioResult;
import org.unionhub.testkit.ModuleTestKit;
import org.unionhub.testkit.Refusal;
import org.unionhub.testkit.TestRequest;

/** The enrollment module as tenants adapt it: settings, an optional step, rules and scenarios. */
class EnrollmentConfigurationTest {

  private static final LocalDate MONDAY = LocalDate.of(2026, 9, 28);

  private final ModuleTestKit kit = ModuleTestKit.of(new EnrollmentModuleFactory()).on(MONDAY);

  @Test
  void theModulesOwnScenariosPass() {
    assertThat(kit.scenarios()).hasSize(3).allMatch(ScenarioResult::passed);
  }

  @Test
  void aTenantRaisingTheMinimumAgeRefusesSeventeenYearOlds() {
    var seventeen = EnrollmentRulesTest.application(bornOn(MONDAY.minusYears(17)));
    assertThat(kit.refusals(seventeen)).isEmpty();

    kit.withLayer("{\"settings\": {\"minimumAge\": {\"value\": 18}}}");

    assertThat(kit.refusals(seventeen))
        .extracting(Refusal::code)
        .containsExactly("UNDER_MINIMUM_AGE");
  }

  @Test
  void aMinimumAgeOutsideTheModulesBoundsIsRefusedNamingTheBound() {
    assertThatThrownBy(() -> kit.withLayer("{\"settings\": {\"minimumAge\": {\"value\": 14}}}"))
        .hasMessageContaining("settings.minimumAge")
        .hasMessageContaining("16–18");
  }

  @Test
  void withTheDistrictReviewStepApprovalWaitsForTheDistrict() {
    kit.withLayer(
        "{\"workflow\": {\"district-review\": {\"included\": true, \"workingDays\": 2}}}");
    TestRequest request =
        kit.submit(EnrollmentRulesTest.application(bornOn(LocalDate.of(1990, 1, 1))));

    kit.act(request, "approve", "staff");
    assertThat(request.state()).isEqualTo("district-review");
    assertThat(request.dueDate()).isEqualTo(LocalDate.of(2026, 9, 30));

    kit.act(request, "confirm", "staff");
    assertThat(request.state()).isEqualTo("approved");
  }

  @Test
  void withoutTheStepApprovalGoesStraightToApproved() {
    TestRequest request =
        kit.submit(EnrollmentRulesTest.application(bornOn(LocalDate.of(1990, 1, 1))));

    kit.act(request, "approve", "staff");

    assertThat(request.state()).isEqualTo("approved");
  }

  @Test
  void aTenantRuleLayerWithAFailingScenarioIsCaught() {
    kit.withLayer(
        "{\"rules\": {\"drl\": \"rule \\\"gd.no-dispatched\\\"\\nwhen\\n  Applicant( employmentType =="
            + " \\\"dispatched\\\" )\\nthen\\n  actions.flagForReview(\\\"派遣工需核实\\\");\\nend\\n\","
            + " \"scenarios\": [{\"name\": \"dispatched adult is flagged\", \"given\": {\"idNumber\":"
            + " \"440305199005011237\", \"employmentType\": \"employee\"}, \"expect\": {\"flagged\":"
            + " true}}]}}");

    var results = kit.scenarios();

    assertThat(results).hasSize(4);
    assertThat(results)
        .filteredOn(r -> r.name().equals("dispatched adult is flagged"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.passed()).isFalse();
              assertThat(r.detail()).contains("expected a review flag");
            });
  }

  @Test
  void aTenantMayDisableTheRetirementReviewRule() {
    var seventy = EnrollmentRulesTest.application(bornOn(MONDAY.minusYears(70)));
    assertThat(kit.submit(seventy).flags()).hasSize(1);

    kit.withLayer(
        "{\"rules\": {\"disable\": [\"enrollment.review-applicants-over-retirement-age\"]}}");

    assertThat(kit.submit(seventy).flags()).isEmpty();
  }

  @Test
  void aGuardRuleRefusesApprovalWithoutTheDistrictFieldAndAnotherApprovesAutomatically() {
    kit.withLayer(
        "{\"rules\": {\"drl\": \"rule \\\"gd.approve-needs-district\\\"\\nwhen\\n"
            + "  WorkflowStep( action == \\\"approve\\\" )\\n  Applicant( district == null )\\n"
            + "then\\n  actions.reject(\\\"district\\\", \\\"DISTRICT_MISSING\\\","
            + " \\\"批准前须填写所在区县\\\");\\nend\\n"
            + "rule \\\"gd.auto-approve-employees\\\"\\nwhen\\n"
            + "  WorkflowStep( action == \\\"submit\\\" )\\n"
            + "  Applicant( employmentType == \\\"employee\\\", district != null )\\n"
            + "then\\n  actions.advance(\\\"approve\\\");\\nend\\n\"}}");
    var withoutDistrict =
        new java.util.HashMap<>(EnrollmentRulesTest.application(bornOn(LocalDate.of(1990, 1, 1))));
    withoutDistrict.remove("district");
    TestRequest request = kit.submit(withoutDistrict);

    assertThatThrownBy(() -> kit.act(request, "approve", "staff"))
        .isInstanceOfSatisfying(
            org.unionhub.testkit.ActionRefused.class,
            e -> {
              assertThat(e.reason())
                  .isEqualTo(org.unionhub.testkit.ActionRefused.Reason.REFUSED_BY_RULES);
              assertThat(e.getMessage()).contains("district");
            });
    assertThat(request.state()).isEqualTo("submitted");

    var withDistrict = new java.util.HashMap<>(withoutDistrict);
    withDistrict.put("district", "gd-sz-ft");
    TestRequest automatic = kit.submit(withDistrict);
    assertThat(automatic.state()).isEqualTo("approved");
    assertThat(automatic.history())
        .extracting(org.unionhub.testkit.Step::action)
        .containsExactly("submit", "approve");
  }

  private static String bornOn(LocalDate date) {
    return EnrollmentRulesTest.idNumberBornOn(date);
  }
}
