package org.unionhub.testkit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionhub.platform.item.ItemDraft;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.item.Audience;
import org.unionhub.sdk.item.ResultsVisibility;

/**
 * An item as a test writes it, made by {@link ModuleTestKit#newItem(String)}; {@link #create()}
 * saves it as a draft of the kit's union, as its tenant admin.
 *
 * @since 1.0
 */
public final class ItemBuilder {

  private final ModuleTestKit kit;
  private final String kind;
  private String title = "测试事项";
  private String description;
  private final Map<String, String> fields = new LinkedHashMap<>();
  private final List<FormField> questions = new ArrayList<>();
  private Instant opensAt;
  private Instant closesAt;
  private Audience audience;
  private boolean anonymous;
  private ResultsVisibility resultsVisibility;
  private TestActor by = TestActor.admin("test-admin");

  private final TestItem editing;

  ItemBuilder(ModuleTestKit kit, String kind) {
    this.kit = kit;
    this.kind = kind;
    this.editing = null;
  }

  /** An edit of an item: starts from the item as it is. */
  ItemBuilder(ModuleTestKit kit, TestItem item) {
    this.kit = kit;
    this.editing = item;
    var i = item.item();
    this.kind = i.kind();
    this.title = i.title();
    this.description = i.description();
    this.fields.putAll(i.fields());
    this.questions.addAll(i.questions());
    this.opensAt = i.opensAt();
    this.closesAt = i.closesAt();
    this.audience = i.audience();
    this.anonymous = i.anonymous();
    this.resultsVisibility = i.resultsVisibility();
  }

  /**
   * @param value the title
   * @return this builder
   * @since 1.0
   */
  public ItemBuilder title(String value) {
    this.title = value;
    return this;
  }

  /**
   * @param value the description
   * @return this builder
   * @since 1.0
   */
  public ItemBuilder description(String value) {
    this.description = value;
    return this;
  }

  /**
   * @param name one of the kind's own fields
   * @param value its value
   * @return this builder
   * @since 1.0
   */
  public ItemBuilder field(String name, String value) {
    fields.put(name, value);
    return this;
  }

  /**
   * @param question a question, built with {@code FormField.builder(…).buildUnchecked()} to test
   *     refusals
   * @return this builder
   * @since 1.0
   */
  public ItemBuilder question(FormField question) {
    questions.add(question);
    return this;
  }

  /**
   * @param time when it opens, China Standard Time; null for "when published"
   * @return this builder
   * @since 1.0
   */
  public ItemBuilder opens(LocalDateTime time) {
    this.opensAt = time == null ? null : ModuleTestKit.instant(time);
    return this;
  }

  /**
   * @param time when it closes, China Standard Time; null for "when closed by hand"
   * @return this builder
   * @since 1.0
   */
  public ItemBuilder closes(LocalDateTime time) {
    this.closesAt = time == null ? null : ModuleTestKit.instant(time);
    return this;
  }

  /**
   * @param value who it is for
   * @return this builder
   * @since 1.0
   */
  public ItemBuilder audience(Audience value) {
    this.audience = value;
    return this;
  }

  /**
   * Actions on it are stored without the actor.
   *
   * @return this builder
   * @since 1.0
   */
  public ItemBuilder anonymous() {
    this.anonymous = true;
    return this;
  }

  /**
   * @param value when members see its tallies
   * @return this builder
   * @since 1.0
   */
  public ItemBuilder resultsVisibility(ResultsVisibility value) {
    this.resultsVisibility = value;
    return this;
  }

  /**
   * @param actor who creates it (default a tenant admin of the kit's union)
   * @return this builder
   * @since 1.0
   */
  public ItemBuilder by(TestActor actor) {
    this.by = actor;
    return this;
  }

  /**
   * @param value the questions, in place of those the builder has
   * @return this builder
   * @since 1.0
   */
  public ItemBuilder questions(List<FormField> value) {
    questions.clear();
    questions.addAll(value);
    return this;
  }

  /**
   * @param value whether answers are anonymous
   * @return this builder
   * @since 1.0
   */
  public ItemBuilder anonymous(boolean value) {
    anonymous = value;
    return this;
  }

  /**
   * Saves an edit made with {@link ModuleTestKit#edit(TestItem)}, as the server would: the kind's
   * checks, then {@code ItemDecisions.editProblems} — a published item keeps its questions and
   * anonymity once anybody acted on it; a closed one never changes.
   *
   * @return the item
   * @throws Refused with every problem
   * @throws IllegalStateException when the builder did not come from {@code edit}
   * @since 1.0
   */
  public TestItem save() {
    if (editing == null) {
      throw new IllegalStateException("save() saves an edit; create() saves a new item");
    }
    return kit.saveEdit(editing, draft(), by);
  }

  private ItemDraft draft() {
    return new ItemDraft(
        title,
        description,
        fields,
        questions,
        opensAt,
        closesAt,
        audience,
        anonymous,
        resultsVisibility);
  }

  /**
   * Saves the item as a draft.
   *
   * @return the item
   * @throws Refused with every problem, when the platform would refuse it
   * @throws ActionRefused when the creator's roles may not manage items of the kind
   * @since 1.0
   */
  public TestItem create() {
    if (editing != null) {
      throw new IllegalStateException("create() saves a new item; save() saves an edit");
    }
    return kit.saveDraft(kind, draft(), by);
  }
}
