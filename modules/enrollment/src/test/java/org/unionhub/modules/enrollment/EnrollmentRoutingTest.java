package org.unionhub.modules.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.unionhub.sdk.Unions;
import org.unionhub.testkit.ModuleTestKit;

/** The default routing rules: to the employer's union, else to the chosen district union. */
class EnrollmentRoutingTest {

  private static final LocalDate MONDAY = LocalDate.of(2026, 9, 28);
  private static final String UNIONISED = "91440300192185379H";
  private static final String NO_UNION = "91440300MA5FT0001K";

  /** The kit's union files at a city union; one employer has a grassroots union. */
  private static Unions tree(String filedAtLevel) {
    return new Unions() {
      @Override
      public Optional<String> ofEmployer(String creditCode) {
        return UNIONISED.equals(creditCode) ? Optional.of("gd-sz-ft-001") : Optional.empty();
      }

      @Override
      public Optional<String> level(String unionCode) {
        return ModuleTestKit.TENANT.equals(unionCode)
            ? Optional.of(filedAtLevel)
            : Optional.of("district");
      }
    };
  }

  private static Map<String, String> application(String creditCode, String district) {
    var data =
        new HashMap<>(
            EnrollmentRulesTest.application(
                EnrollmentRulesTest.idNumberBornOn(MONDAY.minusYears(30))));
    data.remove("employerCreditCode");
    if (creditCode != null) {
      data.put("employerCreditCode", creditCode);
    }
    if (district != null) {
      data.put("district", district);
    }
    return data;
  }

  private ModuleTestKit kit(String filedAtLevel) {
    return ModuleTestKit.of(new EnrollmentModuleFactory())
        .on(MONDAY)
        .withUnions(tree(filedAtLevel));
  }

  @Test
  void anApplicationNamingAUnionisedEmployerGoesToThatUnionWhateverDistrictIsChosen() {
    assertThat(kit("municipal").submit(application(UNIONISED, "gd-sz-ns")).routedTo())
        .contains("gd-sz-ft-001");
    assertThat(kit("grassroots").submit(application(UNIONISED, null)).routedTo())
        .contains("gd-sz-ft-001");
  }

  @Test
  void withoutAUnionAtTheEmployerItGoesToTheChosenDistrict() {
    assertThat(kit("municipal").submit(application(NO_UNION, "gd-sz-ns")).routedTo())
        .contains("gd-sz-ns");
    assertThat(kit("municipal").submit(application(null, "gd-sz-ns")).routedTo())
        .contains("gd-sz-ns");
  }

  @Test
  void filedAtAGrassrootsUnionWithoutAUnionisedEmployerItStaysThere() {
    assertThat(kit("grassroots").submit(application(NO_UNION, "gd-sz-ns")).routedTo()).isEmpty();
  }

  @Test
  void withNeitherCodeNorDistrictNobodyIsTurnedAway() {
    var request = kit("municipal").submit(application(null, null));
    assertThat(request.state()).isEqualTo("submitted");
    assertThat(request.routedTo()).isEmpty();
  }

  @Test
  void aTenantRedefinesTheDistrictRuleByName() {
    var kit =
        kit("municipal")
            .withLayer(
                "{\"rules\": {\"drl\": \"rule \\\"enrollment.route-to-district-union\\\"\\nwhen\\n"
                    + "  Applicant( employerUnion == null, employmentType == \\\"flexible\\\" )\\n"
                    + "then\\n  actions.routeTo(\\\"gd-sz-xinjiuye\\\");\\nend\\n\"}}");
    var rider = application(null, "gd-sz-ns");
    rider.put("employmentType", "flexible");
    assertThat(kit.submit(rider).routedTo()).contains("gd-sz-xinjiuye");
    assertThat(kit.submit(application(null, "gd-sz-ns")).routedTo()).isEmpty();
    assertThat(kit.submit(application(UNIONISED, "gd-sz-ns")).routedTo()).contains("gd-sz-ft-001");
  }

  @Test
  void aTenantDisablesEmployerRouting() {
    var kit =
        kit("municipal")
            .withLayer("{\"rules\": {\"disable\": [\"enrollment.route-to-employer-union\"]}}");
    assertThat(kit.submit(application(UNIONISED, "gd-sz-ns")).routedTo()).isEmpty();
  }
}
