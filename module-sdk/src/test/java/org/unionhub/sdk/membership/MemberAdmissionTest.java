package org.unionhub.sdk.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.ModuleDescriptor;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.workflow.State;
import org.unionhub.sdk.workflow.WorkflowDefinition;

class MemberAdmissionTest {

  private static ModuleDescriptor.Builder joining() {
    return ModuleDescriptor.builder("joining")
        .version("1")
        .name(LocalizedText.of("入会", "Joining"))
        .requests(
            List.of(
                FormField.of("name", FieldType.TEXT, LocalizedText.of("姓名", "Name"), true),
                FormField.of("idNumber", FieldType.ID_NUMBER, LocalizedText.of("证件", "ID"), true)),
            new WorkflowDefinition(
                "submitted",
                List.of(
                    new State("submitted", LocalizedText.of("待审", "Submitted"), false, 5),
                    new State("approved", LocalizedText.of("通过", "Approved"), true, 0)),
                List.of()));
  }

  @Test
  void aModuleDeclaresTheStateThatAdmitsAndTheFieldsNamingThePerson() {
    var d = joining().admitsMembers(MemberAdmission.onEntering("approved").mobile(null)).build();
    assertThat(d.problems()).isEmpty();
    assertThat(d.admission()).hasValueSatisfying(a -> assertThat(a.state()).isEqualTo("approved"));
    assertThat(d.toBuilder().build().admission()).isEqualTo(d.admission());
  }

  @Test
  void unknownStatesAndFieldsAreProblems() {
    var d = joining().admitsMembers(MemberAdmission.onEntering("joined").name("fullName")).build();
    assertThat(d.problems())
        .contains(
            "member admission names unknown state 'joined'",
            "member admission names unknown form field 'fullName'",
            "member admission names unknown form field 'mobile'");
  }

  @Test
  void modulesThatAdmitNobodySayNothing() {
    assertThat(joining().build().admission()).isEmpty();
  }
}
