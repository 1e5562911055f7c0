package org.unionhub.modules.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieSession;
import org.unionhub.sdk.Submission;
import org.unionhub.sdk.rules.Actions;

class EnrollmentRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  private static KieBase kieBase;

  @BeforeAll
  static void buildDefaultRules() throws IOException {
    var factory = new EnrollmentModuleFactory();
    assertThat(factory.descriptor().problems()).isEmpty();
    KieServices ks = KieServices.Factory.get();
    var kfs = ks.newKieFileSystem();
    for (String resource : factory.descriptor().defaultRules()) {
      try (InputStream in =
          EnrollmentRulesTest.class.getClassLoader().getResourceAsStream(resource)) {
        kfs.write(
            "src/main/resources/" + resource,
            new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    var builder = ks.newKieBuilder(kfs).buildAll();
    assertThat(builder.getResults().getMessages(Message.Level.ERROR)).isEmpty();
    kieBase = ks.newKieContainer(builder.getKieModule().getReleaseId()).getKieBase();
  }

  @Test
  void applicantUnderSixteenIsRejectedOnTheIdNumberField() {
    var actions = evaluate(idNumberBornOn(TODAY.minusYears(16).plusDays(1)));
    assertThat(actions.rejections).containsExactly("idNumber:UNDER_MINIMUM_AGE");
  }

  @Test
  void applicantWhoTurnedSixteenTodayIsAccepted() {
    var actions = evaluate(idNumberBornOn(TODAY.minusYears(16)));
    assertThat(actions.rejections).isEmpty();
    assertThat(actions.flags).isEmpty();
  }

  @Test
  void applicantPastRetirementAgeIsFlaggedNotRejected() {
    var actions = evaluate(idNumberBornOn(TODAY.minusYears(70)));
    assertThat(actions.rejections).isEmpty();
    assertThat(actions.flags).hasSize(1);
  }

  private static Recorder evaluate(String idNumber) {
    var submission =
        new Submission(
            "gd-sz-ft-001",
            "worker1",
            TODAY,
            Map.of("idNumber", idNumber, "gender", "male", "employmentType", "employee"));
    var recorder = new Recorder();
    KieSession session = kieBase.newKieSession();
    try (var module = new EnrollmentModuleFactory().create()) {
      session.setGlobal("actions", recorder);
      module.facts(submission).forEach(session::insert);
      session.fireAllRules(100);
    } finally {
      session.dispose();
    }
    return recorder;
  }

  private static String idNumberBornOn(LocalDate birth) {
    String first17 = "440304" + birth.toString().replace("-", "") + "123";
    return first17 + org.unionhub.sdk.validation.ResidentIdNumber.checkCharacter(first17);
  }

  /** Records what the rules asked for. */
  public static final class Recorder implements Actions {
    final List<String> rejections = new ArrayList<>();
    final List<String> flags = new ArrayList<>();

    @Override
    public void reject(String field, String code, String message) {
      rejections.add(field + ":" + code);
    }

    @Override
    public void routeTo(String tenantCode) {}

    @Override
    public void dueInWorkingDays(int workingDays) {}

    @Override
    public void flagForReview(String reason) {
      flags.add(reason);
    }
  }
}
