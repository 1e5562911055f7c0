package org.unionhub.modules.enrollment;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.ModuleDescriptor;
import org.unionhub.sdk.Permission;
import org.unionhub.sdk.ServiceModule;
import org.unionhub.sdk.ServiceModuleFactory;
import org.unionhub.sdk.Submission;
import org.unionhub.sdk.form.Choice;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.rules.RuleScenario;
import org.unionhub.sdk.settings.Setting;
import org.unionhub.sdk.validation.ResidentIdNumber;
import org.unionhub.sdk.workflow.State;
import org.unionhub.sdk.workflow.Transition;
import org.unionhub.sdk.workflow.WorkflowDefinition;

/** The enrollment module: a worker applies to join the union of their workplace. */
public final class EnrollmentModuleFactory implements ServiceModuleFactory {

  /** The module id, as used in URLs. */
  public static final String ID = "enrollment";

  /** The setting holding the youngest age the tenant admits. */
  public static final String MINIMUM_AGE = "minimumAge";

  private static final ModuleDescriptor DESCRIPTOR =
      new ModuleDescriptor(
              ID,
              "0.1.0",
              LocalizedText.of("入会申请", "Union enrollment"),
              List.of(
                  FormField.of("name", FieldType.TEXT, LocalizedText.of("姓名", "Name"), true),
                  FormField.choice(
                      "gender",
                      LocalizedText.of("性别", "Gender"),
                      List.of(
                          new Choice("male", LocalizedText.of("男", "Male")),
                          new Choice("female", LocalizedText.of("女", "Female")))),
                  new FormField(
                      "idNumber",
                      FieldType.ID_NUMBER,
                      LocalizedText.of("身份证号码", "Resident ID number"),
                      true,
                      18,
                      List.of()),
                  FormField.of(
                      "mobile", FieldType.MOBILE, LocalizedText.of("手机号码", "Mobile"), true),
                  FormField.of(
                      "employerName", FieldType.TEXT, LocalizedText.of("工作单位", "Employer"), true),
                  FormField.of(
                      "employerCreditCode",
                      FieldType.CREDIT_CODE,
                      LocalizedText.of("单位统一社会信用代码", "Employer's unified social credit code"),
                      true),
                  FormField.choice(
                      "employmentType",
                      LocalizedText.of("用工形式", "Employment type"),
                      List.of(
                          new Choice("employee", LocalizedText.of("劳动合同用工", "Employee")),
                          new Choice("dispatched", LocalizedText.of("劳务派遣", "Dispatched worker")),
                          new Choice(
                              "flexible", LocalizedText.of("新就业形态劳动者", "Platform or gig worker")),
                          new Choice("part-time", LocalizedText.of("非全日制用工", "Part-time worker")))),
                  FormField.of(
                      "district", FieldType.TENANT, LocalizedText.of("所在区县", "District"), false),
                  FormField.of(
                      "address", FieldType.TEXT, LocalizedText.of("联系地址", "Address"), false)),
              new WorkflowDefinition(
                  "submitted",
                  List.of(
                      new State("submitted", LocalizedText.of("待审核", "Awaiting review"), false, 5),
                      State.optional(
                          "district-review",
                          LocalizedText.of("区总工会复核", "District review"),
                          3,
                          "approved",
                          false),
                      new State("approved", LocalizedText.of("已批准", "Approved"), true, 0),
                      new State("rejected", LocalizedText.of("未批准", "Rejected"), true, 0)),
                  List.of(
                      new Transition(
                          "approve",
                          "submitted",
                          "district-review",
                          "staff",
                          LocalizedText.of("批准入会", "Approve")),
                      new Transition(
                          "reject",
                          "submitted",
                          "rejected",
                          "staff",
                          LocalizedText.of("不予批准", "Reject")),
                      new Transition(
                          "confirm",
                          "district-review",
                          "approved",
                          "staff",
                          LocalizedText.of("复核通过", "Confirm")),
                      new Transition(
                          "reject",
                          "district-review",
                          "rejected",
                          "staff",
                          LocalizedText.of("复核不通过", "Reject")))),
              List.of(Applicant.class),
              List.of("org/unionhub/modules/enrollment/enrollment.drl"))
          .withSettings(
              List.of(
                  Setting.integer(
                      MINIMUM_AGE, LocalizedText.of("最低入会年龄", "Minimum age to join"), 16, 16, 18)))
          .withPermissions(
              List.of(
                  new Permission(
                      Permission.REVEAL_IDENTIFIERS,
                      LocalizedText.of("查看完整身份证号码", "See full ID numbers"),
                      Set.of("tenant-admin"))))
          .withScenarios(
              List.of(
                  new RuleScenario(
                      "成年职工可以入会 (an adult worker may join)",
                      Map.of("idNumber", "440305199005011237"),
                      RuleScenario.Expectation.accepted()),
                  new RuleScenario(
                      "未满最低年龄不能入会 (a child may not join)",
                      Map.of("idNumber", "44030520150301123X"),
                      RuleScenario.Expectation.rejected("idNumber")),
                  new RuleScenario(
                      "超过退休年龄需复核 (past retirement age is flagged)",
                      Map.of("idNumber", "440305195001011231"),
                      new RuleScenario.Expectation(List.of(), true, null, null))))
          .withWorklistFields(List.of("name", "employerName", "employmentType"));

  @Override
  public ModuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ServiceModule create() {
    return EnrollmentModuleFactory::applicant;
  }

  private static List<Object> applicant(Submission submission) {
    String idNumber = submission.value("idNumber");
    return List.of(
        new Applicant(
            idNumber,
            ResidentIdNumber.birthDate(idNumber).orElseThrow(),
            ResidentIdNumber.ageOn(idNumber, submission.submittedOn()).orElseThrow(),
            submission.value("gender"),
            submission.value("employmentType"),
            submission.value("employerCreditCode"),
            submission.value("district"),
            minimumAge(submission)));
  }

  private static int minimumAge(Submission submission) {
    String value = submission.setting(MINIMUM_AGE);
    return value == null ? 16 : Integer.parseInt(value);
  }
}
