package org.unionhub.modules.enrollment;

import java.util.List;
import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.ModuleDescriptor;
import org.unionhub.sdk.ServiceModule;
import org.unionhub.sdk.ServiceModuleFactory;
import org.unionhub.sdk.Submission;
import org.unionhub.sdk.form.Choice;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.validation.ResidentIdNumber;
import org.unionhub.sdk.workflow.State;
import org.unionhub.sdk.workflow.Transition;
import org.unionhub.sdk.workflow.WorkflowDefinition;

/** The enrollment module: a worker applies to join the union of their workplace. */
public final class EnrollmentModuleFactory implements ServiceModuleFactory {

  /** The module id, as used in URLs. */
  public static final String ID = "enrollment";

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
              FormField.of("mobile", FieldType.MOBILE, LocalizedText.of("手机号码", "Mobile"), true),
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
              FormField.of("address", FieldType.TEXT, LocalizedText.of("联系地址", "Address"), false)),
          new WorkflowDefinition(
              "submitted",
              List.of(
                  new State("submitted", LocalizedText.of("待审核", "Awaiting review"), false, 5),
                  new State("approved", LocalizedText.of("已批准", "Approved"), true, 0),
                  new State("rejected", LocalizedText.of("未批准", "Rejected"), true, 0)),
              List.of(
                  new Transition(
                      "approve",
                      "submitted",
                      "approved",
                      "staff",
                      LocalizedText.of("批准入会", "Approve")),
                  new Transition(
                      "reject",
                      "submitted",
                      "rejected",
                      "staff",
                      LocalizedText.of("不予批准", "Reject")))),
          List.of(Applicant.class),
          List.of("org/unionhub/modules/enrollment/enrollment.drl"));

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
            submission.value("district")));
  }
}
