package org.unionhub.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.fixture.Applicant;
import org.unionhub.platform.fixture.ApplicantModuleFactory;
import org.unionhub.sdk.ModuleDescriptor;

/**
 * Realistic rules a district union (福田区总工会) would write: the sandbox accepts them, and once
 * composed they compile and run on the real engine beside the enrollment module's default rules.
 */
class TenantRulesTest {

  private static final ModuleDescriptor ENROLLMENT = new ApplicantModuleFactory().descriptor();
  private static final RuleSandbox SANDBOX = RuleSandbox.forModule(ENROLLMENT);

  private static final String FUTIAN_LAYER =
      """
      // 福田区总工会: rules on top of the enrollment module's defaults.
      rule "ft.min-age-18"
      when
        Applicant( age < 18, employmentType == "dispatched" )
      then
        actions.reject("idNumber", "UNDER_18_DISPATCHED", "派遣工须年满18周岁");
      end

      rule "ft.route-to-district"
        salience 10
      when
        Applicant( district == "gd-sz-ft" || district == null )
      then
        actions.routeTo("gd-sz-ft");
      end

      rule "ft.gig-workers-get-more-time"
      when
        Applicant( employmentType in ("flexible", "part-time") )
      then
        actions.dueInWorkingDays(10);
      end

      rule "ft.review-near-retirement"
      when
        $a : Applicant( age >= 58 && < 63, $district : district )
      then
        actions.flagForReview("申请人" + $a.getAge() + "岁，临近退休，请核实与" + $district + "用人单位的劳动关系");
      end

      rule "ft.employer-outside-guangdong"
        no-loop
      when
        Applicant( employerCreditCode not str[startsWith] "9144", $id : idNumber )
      then
        actions.flagForReview("单位不在广东省: " + $id);
      end

      rule "ft.same-employer-batch"
      when
        accumulate( Applicant( $code : employerCreditCode ); $n : count( $code ); $n > 1 )
      then
        actions.flagForReview("同批" + $n + "人");
      end
      """;

  private static List<String> moduleDefaults;

  @BeforeAll
  static void loadModuleDefaults() {
    var sources = new ArrayList<String>();
    for (String resource : ENROLLMENT.defaultRules()) {
      try (InputStream in = TenantRulesTest.class.getClassLoader().getResourceAsStream(resource)) {
        sources.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    moduleDefaults = List.copyOf(sources);
  }

  static Applicant applicant(int age, String employmentType, String district) {
    return new Applicant(
        "44030420080101002X",
        LocalDate.of(2026, 1, 1).minusYears(age),
        age,
        "female",
        employmentType,
        "91440300192185379H",
        district);
  }

  private static RuleOutcome evaluate(Object... facts) {
    var sources = new ArrayList<>(moduleDefaults);
    sources.add(SANDBOX.compose("org.unionhub.tenants.gd_sz_ft.enrollment", FUTIAN_LAYER));
    return new RuleEngine().evaluate(sources, List.of(facts));
  }

  @Test
  void theDistrictLayerIsAccepted() {
    assertThat(SANDBOX.validate(FUTIAN_LAYER)).isEmpty();
  }

  @Test
  void aDispatchedWorkerUnder18IsRejectedWithTheDistrictsMessageAndRouted() {
    RuleOutcome outcome = evaluate(applicant(17, "dispatched", "gd-sz-ft"));

    assertThat(outcome.rejections())
        .containsExactly(
            new RuleOutcome.Rejection("idNumber", "UNDER_18_DISPATCHED", "派遣工须年满18周岁"));
    assertThat(outcome.routeTo()).isEqualTo("gd-sz-ft");
    assertThat(outcome.flags()).isEmpty();
    assertThat(outcome.dueInWorkingDays()).isNull();
  }

  @Test
  void anEmployeeUnder18IsLeftToTheModulesOwnMinimumAge() {
    assertThat(evaluate(applicant(17, "employee", "gd-sz-ft")).rejections()).isEmpty();
    assertThat(evaluate(applicant(15, "employee", "gd-sz-ft")).rejections())
        .extracting(RuleOutcome.Rejection::code)
        .containsExactly("UNDER_MINIMUM_AGE");
  }

  @Test
  void gigWorkersGetTenWorkingDaysAndApplicantsNearRetirementAreFlaggedWithTheirData() {
    RuleOutcome outcome = evaluate(applicant(60, "flexible", "gd-sz-ft"));

    assertThat(outcome.dueInWorkingDays()).isEqualTo(10);
    assertThat(outcome.flags()).containsExactly("申请人60岁，临近退休，请核实与gd-sz-ft用人单位的劳动关系");
    assertThat(outcome.rejections()).isEmpty();
  }

  @Test
  void applicantsOfAnotherDistrictAreNotRoutedHere() {
    assertThat(evaluate(applicant(30, "employee", "gd-sz-ns")).routeTo()).isNull();
  }

  @Test
  void employersRegisteredOutsideGuangdongAreFlaggedWithTheIdNumber() {
    var applicant =
        new Applicant(
            "33010619900101001X",
            LocalDate.of(1990, 1, 1),
            36,
            "male",
            "employee",
            "91330106MA27XXXX0X",
            "gd-sz-ft");

    assertThat(evaluate(applicant).flags()).containsExactly("单位不在广东省: 33010619900101001X");
  }

  @Test
  void accumulatedCountsReachTheMessage() {
    RuleOutcome outcome =
        evaluate(applicant(30, "employee", "gd-sz-ft"), applicant(31, "employee", "gd-sz-ft"));

    assertThat(outcome.flags()).containsExactly("同批2人");
  }
}
