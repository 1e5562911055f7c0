package org.unionhub.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.workflow.State;
import org.unionhub.sdk.workflow.WorkflowDefinition;

class ModuleDescriptorTest {

  private static final FormField TOPIC =
      FormField.of("topic", FieldType.TEXT, LocalizedText.of("事项", "Topic"), true);
  private static final FormField DISTRICT =
      FormField.of("district", FieldType.TEXT, LocalizedText.of("区", "District"), false);

  private static ModuleDescriptor descriptor() {
    return ModuleDescriptor.builder("tickets")
        .version("1")
        .name(LocalizedText.of("工单", "Tickets"))
        .requests(
            List.of(TOPIC, DISTRICT),
            new WorkflowDefinition(
                "open",
                List.of(new State("open", LocalizedText.of("待办", "Open"), true, 0)),
                List.of()))
        .build();
  }

  @Test
  void withoutWorklistFieldsTheWorklistShowsTheFirstFormField() {
    assertThat(descriptor().problems()).isEmpty();
    assertThat(descriptor().worklistForm()).containsExactly(TOPIC);
  }

  @Test
  void declaredWorklistFieldsAreShownInTheirOrder() {
    var d = descriptor().toBuilder().worklistFields(List.of("district", "topic")).build();
    assertThat(d.problems()).isEmpty();
    assertThat(d.worklistForm()).containsExactly(DISTRICT, TOPIC);
    assertThat(d.toBuilder().settings(List.of()).build().worklistFields())
        .containsExactly("district", "topic");
  }

  @Test
  void aWorklistFieldMustBeAFormFieldListedOnce() {
    var d = descriptor().toBuilder().worklistFields(List.of("topic", "nickname", "topic")).build();
    assertThat(d.problems())
        .containsExactly(
            "worklist field 'nickname' is not a form field",
            "worklist field 'topic' is listed twice");
  }
}
