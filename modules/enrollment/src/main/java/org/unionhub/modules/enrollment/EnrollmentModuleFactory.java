package org.unionhub.modules.enrollment;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.ModuleContext;
import org.unionhub.sdk.ModuleDescriptor;
import org.unionhub.sdk.Permission;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.ServiceModule;
import org.unionhub.sdk.ServiceModuleFactory;
import org.unionhub.sdk.Submission;
import org.unionhub.sdk.Unions;
import org.unionhub.sdk.conversation.ConversationSpec;
import org.unionhub.sdk.form.Choice;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.membership.MemberAdmission;
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
      ModuleDescriptor.builder(ID)
          .version("0.1.0")
          .name(LocalizedText.of("入会申请", "Union enrollment"))
          .description(
              LocalizedText.of("申请加入所在单位或地区的工会", "Apply to join the union of your workplace"))
          .requests(
              List.of(
                  FormField.builder("name", FieldType.TEXT).label("姓名", "Name").build(),
                  FormField.builder("gender", FieldType.CHOICE)
                      .label("性别", "Gender")
                      .choices(
                          List.of(
                              new Choice("male", LocalizedText.of("男", "Male")),
                              new Choice("female", LocalizedText.of("女", "Female"))))
                      .build(),
                  FormField.builder("idNumber", FieldType.ID_NUMBER)
                      .label("身份证号码", "Resident ID number")
                      .maxLength(18)
                      .build(),
                  FormField.builder("mobile", FieldType.MOBILE).label("手机号码", "Mobile").build(),
                  FormField.builder("employerName", FieldType.TEXT)
                      .label("工作单位", "Employer")
                      .build(),
                  FormField.builder("employerCreditCode", FieldType.CREDIT_CODE)
                      .label("单位统一社会信用代码", "Employer's unified social credit code")
                      .help(
                          LocalizedText.of(
                              "单位已建工会的，申请送到该单位工会；不知道代码或单位没有工会的，请选择所在区县",
                              "An application goes to the union of your employer; if you do not"
                                  + " know the code or your employer has no union, choose your"
                                  + " district"))
                      .optional()
                      .build(),
                  FormField.builder("employmentType", FieldType.CHOICE)
                      .label("用工形式", "Employment type")
                      .choices(
                          List.of(
                              new Choice("employee", LocalizedText.of("劳动合同用工", "Employee")),
                              new Choice(
                                  "dispatched", LocalizedText.of("劳务派遣", "Dispatched worker")),
                              new Choice(
                                  "flexible",
                                  LocalizedText.of("新就业形态劳动者", "Platform or gig worker")),
                              new Choice(
                                  "part-time", LocalizedText.of("非全日制用工", "Part-time worker"))))
                      .build(),
                  FormField.builder("district", FieldType.DISTRICT)
                      .label("所在区县", "District")
                      .help(
                          LocalizedText.of(
                              "单位没有工会的（如外卖骑手、快递员、网约车司机、家政服务员），申请送到所选区县的总工会",
                              "If your employer has no union (delivery riders, couriers,"
                                  + " ride-hailing drivers, domestic workers), the application goes"
                                  + " to the district union you choose"))
                      .optional()
                      .build(),
                  FormField.builder("address", FieldType.TEXT)
                      .label("联系地址", "Address")
                      .optional()
                      .build()),
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
                          Role.STAFF,
                          LocalizedText.of("批准入会", "Approve")),
                      new Transition(
                          "reject",
                          "submitted",
                          "rejected",
                          Role.STAFF,
                          LocalizedText.of("不予批准", "Reject")),
                      new Transition(
                          "confirm",
                          "district-review",
                          "approved",
                          Role.STAFF,
                          LocalizedText.of("复核通过", "Confirm")),
                      new Transition(
                          "reject",
                          "district-review",
                          "rejected",
                          Role.STAFF,
                          LocalizedText.of("复核不通过", "Reject")))))
          .factTypes(List.of(Applicant.class))
          .defaultRules(List.of("org/unionhub/modules/enrollment/enrollment.drl"))
          .settings(
              List.of(
                  Setting.integer(
                      MINIMUM_AGE, LocalizedText.of("最低入会年龄", "Minimum age to join"), 16, 16, 18)))
          .permissions(
              List.of(
                  new Permission(
                      Permission.REVEAL_IDENTIFIERS,
                      LocalizedText.of("查看完整身份证号码", "See full ID numbers"),
                      Set.of(Role.TENANT_ADMIN))))
          .scenarios(
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
          .worklistFields(List.of("name", "employerName", "employmentType"))
          // The applicant and the union's staff talk about the application (missing papers,
          // questions) until it is decided.
          .conversation(ConversationSpec.onRequests())
          // Approval, after the optional district review, makes the applicant a member.
          .admitsMembers(
              MemberAdmission.onEntering("approved")
                  .name("name")
                  .idNumber("idNumber")
                  .mobile("mobile"))
          .build();

  @Override
  public ModuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ServiceModule create(ModuleContext context) {
    Unions unions = context.unions();
    return submission -> applicant(submission, unions);
  }

  private static List<Object> applicant(Submission submission, Unions unions) {
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
            minimumAge(submission),
            unions.ofEmployer(submission.value("employerCreditCode")).orElse(null),
            unions.level(submission.tenantCode()).orElse(null)));
  }

  private static int minimumAge(Submission submission) {
    String value = submission.setting(MINIMUM_AGE);
    return value == null ? 16 : Integer.parseInt(value);
  }
}
