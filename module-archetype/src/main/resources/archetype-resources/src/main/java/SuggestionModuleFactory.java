package ${package};

import java.util.List;
import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.ModuleContext;
import org.unionhub.sdk.ModuleDescriptor;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.ServiceModule;
import org.unionhub.sdk.ServiceModuleFactory;
import org.unionhub.sdk.Submission;
import org.unionhub.sdk.action.ActionType;
import org.unionhub.sdk.conversation.ConversationSpec;
import org.unionhub.sdk.form.Choice;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.tally.Tallier;
import org.unionhub.sdk.tally.Tally;
import org.unionhub.sdk.workflow.State;
import org.unionhub.sdk.workflow.Transition;
import org.unionhub.sdk.workflow.WorkflowDefinition;

/**
 * Workers send the union suggestions (合理化建议); staff accept or decline them, and the union answers
 * the ones it takes up. Other members support a suggestion once each, and the author and staff talk
 * about it in its conversation. Listed in {@code
 * META-INF/services/org.unionhub.sdk.ServiceModuleFactory}, where the platform finds it.
 */
public final class SuggestionModuleFactory implements ServiceModuleFactory {

  /** The module id, used in URLs and as the name of the default rule file. */
  public static final String ID = "${moduleId}";

  private static final String VERSION = "${version}";

  /** The action of a member who supports a suggestion. */
  public static final String SUPPORT = "support";

  /** Default rules sit beside the code, at the resource path of their package line. */
  private static final String RULES =
      Suggestion.class.getPackageName().replace('.', '/') + "/" + ID + ".drl";

  private static final ModuleDescriptor DESCRIPTOR =
      ModuleDescriptor.builder(ID)
          .version(VERSION)
          .name(LocalizedText.of("合理化建议", "Suggestions"))
          .description(LocalizedText.of("向工会提出合理化建议", "Send the union your suggestions"))
          .requests(
              List.of(
                  FormField.builder("title", FieldType.TEXT).label("建议标题", "Title").build(),
                  FormField.builder("category", FieldType.CHOICE)
                      .label("建议类别", "Category")
                      .choices(
                          List.of(
                              new Choice(
                                  "workplace-safety", LocalizedText.of("安全生产", "Workplace safety")),
                              new Choice(
                                  "pay-and-benefits", LocalizedText.of("工资福利", "Pay and benefits")),
                              new Choice("union-work", LocalizedText.of("工会工作", "Union work")),
                              new Choice("other", LocalizedText.of("其他", "Other"))))
                      .build(),
                  FormField.builder("detail", FieldType.LONG_TEXT)
                      .label("建议内容", "Suggestion")
                      .maxLength(2000)
                      .build(),
                  FormField.builder("mobile", FieldType.MOBILE)
                      .label("联系电话", "Mobile")
                      .optional()
                      .build()),
              new WorkflowDefinition(
                  "submitted",
                  List.of(
                      new State("submitted", LocalizedText.of("待受理", "Awaiting staff"), false, 5),
                      new State("under-study", LocalizedText.of("研究办理中", "Under study"), false, 15),
                      new State("declined", LocalizedText.of("不予采纳", "Declined"), true, 0),
                      new State("answered", LocalizedText.of("已答复", "Answered"), true, 0)),
                  List.of(
                      new Transition(
                          "accept",
                          "submitted",
                          "under-study",
                          Role.STAFF,
                          LocalizedText.of("受理", "Accept")),
                      new Transition(
                          "decline",
                          "submitted",
                          "declined",
                          Role.STAFF,
                          LocalizedText.of("不予采纳", "Decline")),
                      new Transition(
                          "answer",
                          "under-study",
                          "answered",
                          Role.TENANT_ADMIN,
                          LocalizedText.of("答复", "Answer")))))
          .factTypes(List.of(Suggestion.class))
          .defaultRules(List.of(RULES))
          // Other members support a suggestion, each at most once; the platform counts them.
          .action(
              ActionType.builder(SUPPORT)
                  .label(LocalizedText.of("支持", "Support"))
                  .onRequests()
                  .by(Role.MEMBER)
                  .oncePerMember()
                  .build())
          .tally(
              Tally.builder("supporters")
                  .of(SUPPORT)
                  .tallier(Tallier.COUNT)
                  .readers(Role.STAFF, Role.TENANT_ADMIN)
                  .visibleToMembers()
                  .build())
          // The author and the union's staff talk about the suggestion while it is open.
          .conversation(ConversationSpec.onRequests())
          .build();

  @Override
  public ModuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ServiceModule create(ModuleContext context) {
    return SuggestionModuleFactory::facts;
  }

  /** Runs after the form checks, so required fields are present. */
  private static List<Object> facts(Submission submission) {
    return List.of(
        new Suggestion(submission.value("category"), submission.value("detail").strip().length()));
  }
}
