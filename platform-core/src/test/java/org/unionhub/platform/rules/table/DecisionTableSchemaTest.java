package org.unionhub.platform.rules.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.fixture.Applicant;
import org.unionhub.platform.rules.table.DecisionTableSchema.Action;
import org.unionhub.platform.rules.table.DecisionTableSchema.Parameter;
import org.unionhub.platform.rules.table.DecisionTableSchema.Property;
import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.ModuleDescriptor;
import org.unionhub.sdk.form.Choice;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.workflow.State;
import org.unionhub.sdk.workflow.WorkflowDefinition;

class DecisionTableSchemaTest {

  private static final ModuleDescriptor ENROLLMENT =
      ModuleDescriptor.builder("applicants")
          .version("1")
          .name(LocalizedText.of("入会申请", "Applicants"))
          .requests(
              List.of(
                  FormField.choice(
                      "gender",
                      LocalizedText.of("性别", "Gender"),
                      List.of(
                          new Choice("male", LocalizedText.of("男", "Male")),
                          new Choice("female", LocalizedText.of("女", "Female"))))),
              new WorkflowDefinition(
                  "submitted",
                  List.of(
                      new State("submitted", LocalizedText.of("待审核", "Awaiting review"), false, 5)),
                  List.of()))
          .factTypes(List.of(Applicant.class))
          .build();

  @Test
  void aModulesSchemaOffersItsFactsPropertiesWithKindsAndChoices() {
    DecisionTableSchema schema = DecisionTableSchema.forModule(ENROLLMENT);

    assertThat(schema.factTypes()).containsExactly("Applicant");
    assertThat(schema.properties("Applicant").values())
        .extracting(Property::name, Property::kind, Property::nullable, Property::choices)
        .containsExactly(
            tuple("age", ValueKind.INTEGER, false, List.of()),
            tuple("birthDate", ValueKind.DATE, true, List.of()),
            tuple("district", ValueKind.TEXT, true, List.of()),
            tuple("employerCreditCode", ValueKind.TEXT, true, List.of()),
            tuple("employmentType", ValueKind.TEXT, true, List.of()),
            tuple("gender", ValueKind.TEXT, true, List.of("male", "female")),
            tuple("idNumber", ValueKind.TEXT, true, List.of()));
    assertThat(schema.properties("Person")).isEmpty();
  }

  @Test
  void theActionsAreTheActionApisMethodsWithTheirParameterNames() {
    assertThat(DecisionTableSchema.forModule(ENROLLMENT).actions())
        .containsExactly(
            new Action("advance", List.of(new Parameter("action", ValueKind.TEXT))),
            new Action(
                "dueInWorkingDays", List.of(new Parameter("workingDays", ValueKind.INTEGER))),
            new Action("flagForReview", List.of(new Parameter("reason", ValueKind.TEXT))),
            new Action(
                "reject",
                List.of(
                    new Parameter("field", ValueKind.TEXT),
                    new Parameter("code", ValueKind.TEXT),
                    new Parameter("message", ValueKind.TEXT))),
            new Action("routeTo", List.of(new Parameter("tenantCode", ValueKind.TEXT))));
  }

  /** An action API with what a cell cannot express. */
  public interface OddActions {
    void notify(String a);

    void notify(String a, String b);

    void stop();

    void at(java.time.LocalDate when);

    void weigh(java.math.BigDecimal weight);

    void pass(boolean yes, long count, double share);
  }

  @Test
  void overloadedActionsAndThoseWithoutOrWithUncommonParametersAreNotOffered() {
    var schema =
        DecisionTableSchema.of(List.of(Applicant.class), OddActions.class, java.util.Map.of());
    assertThat(schema.actions()).extracting(Action::name).containsExactly("pass");
    assertThat(schema.action("pass").orElseThrow().parameters())
        .extracting(Parameter::kind)
        .containsExactly(ValueKind.BOOLEAN, ValueKind.LONG, ValueKind.DECIMAL);
  }

  @Test
  void propertiesRulesCanReadButTablesCannotCompareAreKnownAsSuch() {
    assertThat(Tables.WORKERS.property("Worker", "contract")).isEmpty();
    assertThat(Tables.WORKERS.isReadableOnly("Worker", "contract")).isTrue();
    assertThat(Tables.WORKERS.isReadableOnly("Worker", "salary")).isFalse();
  }

  @Test
  void aSchemaSurvivesSerializationWithItsSandbox() throws IOException, ClassNotFoundException {
    var bytes = new ByteArrayOutputStream();
    try (var out = new ObjectOutputStream(bytes)) {
      out.writeObject(Tables.WORKERS);
    }
    DecisionTableSchema copy;
    try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (DecisionTableSchema) in.readObject();
    }
    assertThat(copy.properties("Worker")).isEqualTo(Tables.WORKERS.properties("Worker"));
    assertThat(copy.sandbox().validate("rule \"r\" when Worker( age > 1 ) then end")).isEmpty();
  }
}
