package org.unionhub.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unionhub.sdk.action.ActionType;
import org.unionhub.sdk.conversation.ConversationSpec;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.item.ItemKind;
import org.unionhub.sdk.settings.Setting;
import org.unionhub.sdk.tally.Tally;
import org.unionhub.sdk.workflow.State;
import org.unionhub.sdk.workflow.WorkflowDefinition;

class ShapesDescriptorTest {

  private static final LocalizedText L = LocalizedText.of("名", "Name");

  private static ItemKind survey() {
    return ItemKind.builder("survey")
        .label(L)
        .questions(10, Set.of(FieldType.CHOICE, FieldType.RATING))
        .window()
        .build();
  }

  private static ActionType answer() {
    return ActionType.builder("answer")
        .label(L)
        .onItems("survey")
        .oncePerMember()
        .answersQuestions()
        .build();
  }

  private static ModuleDescriptor.Builder surveys() {
    return ModuleDescriptor.builder("survey")
        .version("1")
        .name(L)
        .itemKind(survey())
        .action(answer())
        .tally(Tally.builder("results").of("answer").build());
  }

  @Test
  void aModuleOfItemsActionsAndTalliesNeedsNoWorkflow() {
    var d = surveys().build();
    assertThat(d.problems()).isEmpty();
    assertThat(d.acceptsRequests()).isFalse();
    assertThat(d.itemKind("survey")).isPresent();
    assertThat(d.action("answer").orElseThrow().oncePerMember()).isTrue();
    assertThat(d.tally("results")).isPresent();
    assertThat(d.conversation()).isEmpty();
  }

  @Test
  void aModuleThatOffersNothingOrAFormWithoutWorkflowIsRefused() {
    assertThat(ModuleDescriptor.builder("empty").version("1").name(L).build().problems())
        .containsExactly("the module offers nothing: no workflow for requests and no item kinds");
    var formOnly =
        surveys()
            .requests(List.of(FormField.builder("t", FieldType.TEXT).label(L).build()), null)
            .build();
    assertThat(formOnly.problems()).contains("a request form needs a workflow");
  }

  @Test
  void shapesMustReferToWhatTheModuleDeclares() {
    var d =
        surveys()
            .action(ActionType.builder("vote").label(L).onItems("ballot").build())
            .action(ActionType.builder("support").label(L).onRequests().build())
            .action(answer())
            .tally(Tally.builder("votes").of("nothing").build())
            .tally(Tally.builder("small").of("answer").minimumCell("k").build())
            .conversation(ConversationSpec.onItems("ballot"))
            .build();
    assertThat(d.problems())
        .containsExactly(
            "action 'vote' is on undeclared item kind 'ballot'",
            "action 'support' is on requests, but the module takes none",
            "action 'answer' is declared twice",
            "tally 'votes' counts undeclared action 'nothing'",
            "tally 'small' names 'k', which is not an integer setting",
            "the conversation is on undeclared item kind 'ballot'");
  }

  @Test
  void eachShapeReportsItsOwnProblems() {
    assertThat(
            ItemKind.builder("Survey!")
                .questions(0, Set.of(FieldType.CHOICE))
                .audiences()
                .build()
                .problems())
        .containsExactly(
            "item kind 'Survey!' must match [a-z][a-z0-9-]{1,39}",
            "item kind 'Survey!' has no label",
            "item kind 'Survey!' needs creators, audiences and results visibilities",
            "item kind 'Survey!' allows questions but at most 0");
    assertThat(
            ItemKind.builder("notice")
                .label(L)
                .fields(List.of(FormField.builder("title", FieldType.TEXT).label(L).build()))
                .build()
                .problems())
        .containsExactly("item kind 'notice' declares field 'title' twice");
    assertThat(ActionType.builder("x").build().problems())
        .containsExactly(
            "action 'x' must match [a-z][a-z0-9-]{1,39}",
            "action 'x' needs a label, a target and the roles that take it");
    assertThat(
            ActionType.builder("comment")
                .label(L)
                .onRequests()
                .fields(List.of())
                .build()
                .problems())
        .containsExactly("action 'comment' has a declared payload without fields");
    assertThat(
            ActionType.builder("answer")
                .label(L)
                .onRequests()
                .answersQuestions()
                .build()
                .problems())
        .containsExactly("action 'answer' answers an item's questions but targets requests");
    assertThat(Tally.builder("tt").build().problems())
        .containsExactly("tally 'tt' needs the action it counts and a tallier");
    assertThat(ConversationSpec.onRequests().maxLength(0).repliedBy(new Role[0]).problems())
        .containsExactly(
            "conversation maxLength must be between 1 and 10000",
            "conversation needs the roles that reply");
  }

  @Test
  void answeringTheQuestionsOfAKindWithoutQuestionsIsRefused() {
    var d =
        ModuleDescriptor.builder("notices")
            .version("1")
            .name(L)
            .itemKind(ItemKind.builder("notice").label(L).build())
            .action(
                ActionType.builder("answer").label(L).onItems("notice").answersQuestions().build())
            .build();
    assertThat(d.problems())
        .containsExactly(
            "action 'answer' answers the questions of item kind 'notice', which carries none");
  }

  @Test
  void aTallyMayNameAnIntegerSettingForItsSmallestCell() {
    var d =
        surveys()
            .settings(List.of(Setting.integer("minimumCell", L, 5, 2, 20)))
            .tally(Tally.builder("safe").of("answer").minimumCell("minimumCell").build())
            .build();
    assertThat(d.problems()).isEmpty();
  }

  @Test
  void rolesHaveIdsAndEveryLoggedInCallerIsAWorker() {
    assertThat(Role.byId("tenant-admin")).contains(Role.TENANT_ADMIN);
    assertThat(Role.byId("offline_access")).isEmpty();
    assertThat(Role.of(List.of("staff", "default-roles-unionhub")))
        .containsExactlyInAnyOrder(Role.STAFF, Role.WORKER);
    assertThat(Role.TENANT_ADMIN).hasToString("tenant-admin");
    var reveal = new Permission(Permission.REVEAL_IDENTIFIERS, L, Set.of(Role.TENANT_ADMIN));
    assertThat(reveal.heldBy(Set.of(Role.TENANT_ADMIN))).isTrue();
    assertThat(reveal.heldBy(Set.of(Role.STAFF))).isFalse();
    assertThat(reveal.heldBy(Set.of(Role.PLATFORM_ADMIN))).isTrue();
  }

  @Test
  void aRequestModuleStillWorksAsBefore() {
    var d =
        ModuleDescriptor.builder("tickets")
            .version("1")
            .name(L)
            .requests(
                List.of(FormField.builder("t", FieldType.TEXT).label(L).build()),
                new WorkflowDefinition("open", List.of(new State("open", L, true, 0)), List.of()))
            .conversation(ConversationSpec.onRequests())
            .build();
    assertThat(d.problems()).isEmpty();
    assertThat(d.acceptsRequests()).isTrue();
    assertThat(d.toBuilder().build().worklistForm())
        .extracting(FormField::name)
        .containsExactly("t");
  }
}
