package org.unionhub.sdk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.unionhub.sdk.action.ActionType;
import org.unionhub.sdk.action.Target;
import org.unionhub.sdk.conversation.ConversationSpec;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.item.ItemKind;
import org.unionhub.sdk.membership.MemberAdmission;
import org.unionhub.sdk.rules.RuleScenario;
import org.unionhub.sdk.settings.Setting;
import org.unionhub.sdk.settings.SettingType;
import org.unionhub.sdk.tally.Tally;
import org.unionhub.sdk.workflow.WorkflowDefinition;

/**
 * What a module is, as data: the platform checks it when the application starts, renders the
 * service hall, forms, worklists and consoles from it, and builds the module's rule base from its
 * fact types and default rules. A module combines the shapes it needs:
 *
 * <ul>
 *   <li><b>requests</b> — a member submits a {@linkplain #form() form} that moves through a staff
 *       {@linkplain #workflow() workflow} (enrollment, a suggestion, a consultation);
 *   <li><b>items</b> a union owns, with a window and an audience ({@linkplain #itemKinds() item
 *       kinds}: a survey, a vote);
 *   <li><b>actions</b> by other members that do not move a workflow, optionally once per member
 *       ({@linkplain #actions() action types}: answer, vote, support);
 *   <li><b>tallies</b> kept current as actions arrive ({@linkplain #tallies() read models});
 *   <li>a <b>conversation</b> between a member and staff ({@linkplain #conversation()}).
 * </ul>
 *
 * <p>Made with {@link #builder(String)}; immutable. New properties arrive as builder methods with
 * defaults, so a module written for 1.0 keeps compiling.
 *
 * @since 0.1 (a class with a builder since 1.0)
 */
public final class ModuleDescriptor {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

  private final String id;
  private final String version;
  private final LocalizedText name;
  private final LocalizedText description;
  private final List<FormField> form;
  private final WorkflowDefinition workflow;
  private final List<Class<?>> factTypes;
  private final List<String> defaultRules;
  private final List<Setting> settings;
  private final List<Permission> permissions;
  private final List<RuleScenario> scenarios;
  private final List<String> worklistFields;
  private final List<ItemKind> itemKinds;
  private final List<ActionType> actions;
  private final List<Tally> tallies;
  private final ConversationSpec conversation;
  private final MemberAdmission admission;

  private ModuleDescriptor(Builder b) {
    this.id = b.id;
    this.version = b.version;
    this.name = b.name;
    this.description = b.description;
    this.form = List.copyOf(b.form);
    this.workflow = b.workflow;
    this.factTypes = List.copyOf(b.factTypes);
    this.defaultRules = List.copyOf(b.defaultRules);
    this.settings = List.copyOf(b.settings);
    this.permissions = List.copyOf(b.permissions);
    this.scenarios = List.copyOf(b.scenarios);
    this.worklistFields = List.copyOf(b.worklistFields);
    this.itemKinds = List.copyOf(b.itemKinds);
    this.actions = List.copyOf(b.actions);
    this.tallies = List.copyOf(b.tallies);
    this.conversation = b.conversation;
    this.admission = b.admission;
  }

  /**
   * Starts a descriptor.
   *
   * @param id lower-case module id, {@code [a-z][a-z0-9-]{1,39}}, unique on a platform
   * @return a builder
   * @since 1.0
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * @return a builder holding this descriptor's properties, to derive a changed copy
   * @since 1.0
   */
  public Builder toBuilder() {
    var b = new Builder(id);
    b.version = version;
    b.name = name;
    b.description = description;
    b.form = new ArrayList<>(form);
    b.workflow = workflow;
    b.factTypes = new ArrayList<>(factTypes);
    b.defaultRules = new ArrayList<>(defaultRules);
    b.settings = new ArrayList<>(settings);
    b.permissions = new ArrayList<>(permissions);
    b.scenarios = new ArrayList<>(scenarios);
    b.worklistFields = new ArrayList<>(worklistFields);
    b.itemKinds = new ArrayList<>(itemKinds);
    b.actions = new ArrayList<>(actions);
    b.tallies = new ArrayList<>(tallies);
    b.conversation = conversation;
    b.admission = admission;
    return b;
  }

  /**
   * @return the module id
   * @since 0.1
   */
  public String id() {
    return id;
  }

  /**
   * @return the module's version
   * @since 0.1
   */
  public String version() {
    return version;
  }

  /**
   * @return display name, as the service hall shows it
   * @since 0.1
   */
  public LocalizedText name() {
    return name;
  }

  /**
   * @return one line on what the module offers members, as the service hall shows it; or null
   * @since 1.0
   */
  public LocalizedText description() {
    return description;
  }

  /**
   * @return the request form's fields, in display order; empty for a module without requests
   * @since 0.1
   */
  public List<FormField> form() {
    return form;
  }

  /**
   * @return the request state machine; null for a module without requests (see {@link
   *     #acceptsRequests()})
   * @since 0.1
   */
  public WorkflowDefinition workflow() {
    return workflow;
  }

  /**
   * @return whether members submit requests to the module (it has a workflow)
   * @since 1.0
   */
  public boolean acceptsRequests() {
    return workflow != null;
  }

  /**
   * @return the classes the module's rules may see
   * @since 0.1
   */
  public List<Class<?>> factTypes() {
    return factTypes;
  }

  /**
   * @return class-path resources holding the module's default DRL
   * @since 0.1
   */
  public List<String> defaultRules() {
    return defaultRules;
  }

  /**
   * @return the values tenants may adapt, with types, defaults and bounds
   * @since 0.2
   */
  public List<Setting> settings() {
    return settings;
  }

  /**
   * @return what the module lets people do beyond workflow transitions
   * @since 0.2
   */
  public List<Permission> permissions() {
    return permissions;
  }

  /**
   * @return tests of the default rules; they also gate every tenant's publish
   * @since 0.2
   */
  public List<RuleScenario> scenarios() {
    return scenarios;
  }

  /**
   * @return the form fields staff see for each request in the worklist; when empty, the first form
   *     field
   * @since 0.3
   */
  public List<String> worklistFields() {
    return worklistFields;
  }

  /**
   * @return the kinds of item unions own in this module
   * @since 1.0
   */
  public List<ItemKind> itemKinds() {
    return itemKinds;
  }

  /**
   * @return the actions people take on items or requests
   * @since 1.0
   */
  public List<ActionType> actions() {
    return actions;
  }

  /**
   * @return the read models kept as actions arrive
   * @since 1.0
   */
  public List<Tally> tallies() {
    return tallies;
  }

  /**
   * @return the module's conversations, if it has any
   * @since 1.0
   */
  public Optional<ConversationSpec> conversation() {
    return Optional.ofNullable(conversation);
  }

  /**
   * @return which state of the request workflow makes the submitter a member, if any
   * @since 1.0
   */
  public Optional<MemberAdmission> admission() {
    return Optional.ofNullable(admission);
  }

  /**
   * @param kindName an item kind's name
   * @return the kind, empty when the module has none of that name
   * @since 1.0
   */
  public Optional<ItemKind> itemKind(String kindName) {
    return itemKinds.stream().filter(k -> k.name().equals(kindName)).findFirst();
  }

  /**
   * @param actionName an action type's name
   * @return the action type, empty when the module has none of that name
   * @since 1.0
   */
  public Optional<ActionType> action(String actionName) {
    return actions.stream().filter(a -> a.name().equals(actionName)).findFirst();
  }

  /**
   * @param tallyName a tally's name
   * @return the tally, empty when the module has none of that name
   * @since 1.0
   */
  public Optional<Tally> tally(String tallyName) {
    return tallies.stream().filter(t -> t.name().equals(tallyName)).findFirst();
  }

  /**
   * @return the worklist's fields as form fields, in order
   * @since 0.3
   */
  public List<FormField> worklistForm() {
    if (worklistFields.isEmpty()) {
      return form.isEmpty() ? List.of() : List.of(form.get(0));
    }
    return worklistFields.stream().map(this::field).filter(Objects::nonNull).toList();
  }

  /**
   * @param key a setting key
   * @return the setting, or null
   * @since 0.2
   */
  public Setting setting(String key) {
    return settings.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
  }

  /**
   * @param permissionName a permission's name
   * @return the permission, or null
   * @since 0.2
   */
  public Permission permission(String permissionName) {
    return permissions.stream()
        .filter(p -> p.name().equals(permissionName))
        .findFirst()
        .orElse(null);
  }

  /**
   * @param fieldName a request form field's name
   * @return the field, or null
   * @since 0.1
   */
  public FormField field(String fieldName) {
    return form.stream().filter(f -> f.name().equals(fieldName)).findFirst().orElse(null);
  }

  /**
   * Everything wrong with the descriptor; the platform refuses a module with problems at start-up
   * and names them.
   *
   * @return problems in English, empty when none
   * @since 0.1
   */
  public List<String> problems() {
    var problems = new ArrayList<String>();
    if (id == null || !ID.matcher(id).matches()) {
      problems.add("id '" + id + "' must match " + ID.pattern());
    }
    if (version == null || version.isBlank()) {
      problems.add("version is missing");
    }
    if (name == null) {
      problems.add("name is missing");
    }
    if (workflow != null) {
      problems.addAll(workflow.problems());
    } else if (!form.isEmpty() || !worklistFields.isEmpty()) {
      problems.add("a request form needs a workflow");
    }
    if (workflow == null && itemKinds.isEmpty()) {
      problems.add("the module offers nothing: no workflow for requests and no item kinds");
    }
    var names = new HashSet<String>();
    for (FormField field : form) {
      problems.addAll(field.problems());
      if (!names.add(field.name())) {
        problems.add("form field '" + field.name() + "' is declared twice");
      }
    }
    checkSettings(problems);
    checkPermissions(problems);
    var scenarioNames = new HashSet<String>();
    for (RuleScenario scenario : scenarios) {
      if (scenario.name() == null || scenario.name().isBlank() || scenario.expect() == null) {
        problems.add("a rule scenario needs a name and an expectation");
      } else if (!scenarioNames.add(scenario.name())) {
        problems.add("rule scenario '" + scenario.name() + "' is declared twice");
      }
    }
    var shown = new HashSet<String>();
    for (String fieldName : worklistFields) {
      if (field(fieldName) == null) {
        problems.add("worklist field '" + fieldName + "' is not a form field");
      } else if (!shown.add(fieldName)) {
        problems.add("worklist field '" + fieldName + "' is listed twice");
      }
    }
    for (String resource : defaultRules) {
      if (Objects.requireNonNullElse(resource, "").isBlank()) {
        problems.add("a default rule resource name is blank");
      }
    }
    checkShapes(problems);
    if (admission != null) {
      if (workflow == null) {
        problems.add("member admission needs a request workflow");
      } else {
        problems.addAll(
            admission.problems(
                workflow.states().stream().map(s -> s.name()).toList(),
                form.stream().map(FormField::name).toList()));
      }
    }
    return List.copyOf(problems);
  }

  private void checkSettings(List<String> problems) {
    var keys = new HashSet<String>();
    for (Setting setting : settings) {
      problems.addAll(setting.problems());
      if (!keys.add(setting.key())) {
        problems.add("setting '" + setting.key() + "' is declared twice");
      }
    }
  }

  private void checkPermissions(List<String> problems) {
    var permissionNames = new HashSet<String>();
    for (Permission permission : permissions) {
      if (permission.name() == null || !permission.name().matches("[a-z][a-z0-9.-]{1,63}")) {
        problems.add("permission '" + permission.name() + "' must match [a-z][a-z0-9.-]{1,63}");
      } else if (!permissionNames.add(permission.name())) {
        problems.add("permission '" + permission.name() + "' is declared twice");
      }
    }
  }

  private void checkShapes(List<String> problems) {
    var kinds = new HashSet<String>();
    for (ItemKind kind : itemKinds) {
      problems.addAll(kind.problems());
      if (!kinds.add(kind.name())) {
        problems.add("item kind '" + kind.name() + "' is declared twice");
      }
    }
    var actionNames = new HashSet<String>();
    for (ActionType action : actions) {
      problems.addAll(action.problems());
      if (!actionNames.add(action.name())) {
        problems.add("action '" + action.name() + "' is declared twice");
      }
      checkTarget("action '" + action.name() + "'", action.target(), kinds, problems);
      if (action.payload() == org.unionhub.sdk.action.Payload.ITEM_QUESTIONS
          && action.target() != null
          && itemKind(action.target().itemKind())
              .map(k -> k.questionTypes().isEmpty())
              .orElse(false)) {
        problems.add(
            "action '"
                + action.name()
                + "' answers the questions of item kind '"
                + action.target().itemKind()
                + "', which carries none");
      }
    }
    var tallyNames = new HashSet<String>();
    for (Tally tally : tallies) {
      problems.addAll(tally.problems());
      if (!tallyNames.add(tally.name())) {
        problems.add("tally '" + tally.name() + "' is declared twice");
      }
      if (tally.action() != null && !actionNames.contains(tally.action())) {
        problems.add(
            "tally '" + tally.name() + "' counts undeclared action '" + tally.action() + "'");
      }
      Setting minimum =
          tally.minimumCellSetting() == null ? null : setting(tally.minimumCellSetting());
      if (tally.minimumCellSetting() != null
          && (minimum == null || minimum.type() != SettingType.INTEGER)) {
        problems.add(
            "tally '"
                + tally.name()
                + "' names '"
                + tally.minimumCellSetting()
                + "', which is not an integer setting");
      }
    }
    if (conversation != null) {
      problems.addAll(conversation.problems());
      checkTarget("the conversation", conversation.target(), kinds, problems);
    }
  }

  private void checkTarget(
      String what, Target target, java.util.Set<String> kinds, List<String> problems) {
    if (target == null) {
      return;
    }
    if (target.on() == Target.On.REQUEST && workflow == null) {
      problems.add(what + " is on requests, but the module takes none");
    }
    if (target.on() == Target.On.ITEM && !kinds.contains(target.itemKind())) {
      problems.add(what + " is on undeclared item kind '" + target.itemKind() + "'");
    }
  }

  @Override
  public String toString() {
    return "ModuleDescriptor[" + id + " " + version + "]";
  }

  /**
   * Builds a {@link ModuleDescriptor}. Only the id, a version and a name are needed; every list
   * defaults to empty.
   *
   * @since 1.0
   */
  public static final class Builder {
    private final String id;
    private String version;
    private LocalizedText name;
    private LocalizedText description;
    private List<FormField> form = new ArrayList<>();
    private WorkflowDefinition workflow;
    private List<Class<?>> factTypes = new ArrayList<>();
    private List<String> defaultRules = new ArrayList<>();
    private List<Setting> settings = new ArrayList<>();
    private List<Permission> permissions = new ArrayList<>();
    private List<RuleScenario> scenarios = new ArrayList<>();
    private List<String> worklistFields = new ArrayList<>();
    private List<ItemKind> itemKinds = new ArrayList<>();
    private List<ActionType> actions = new ArrayList<>();
    private List<Tally> tallies = new ArrayList<>();
    private ConversationSpec conversation;
    private MemberAdmission admission;

    private Builder(String id) {
      this.id = id;
    }

    /**
     * @param value the module's version
     * @return this builder
     * @since 1.0
     */
    public Builder version(String value) {
      this.version = value;
      return this;
    }

    /**
     * @param value the display name
     * @return this builder
     * @since 1.0
     */
    public Builder name(LocalizedText value) {
      this.name = value;
      return this;
    }

    /**
     * @param value one line on what the module offers members
     * @return this builder
     * @since 1.0
     */
    public Builder description(LocalizedText value) {
      this.description = value;
      return this;
    }

    /**
     * Members submit requests with this form, handled through this workflow.
     *
     * @param fields the form's fields, in display order
     * @param definition the workflow
     * @return this builder
     * @since 1.0
     */
    public Builder requests(List<FormField> fields, WorkflowDefinition definition) {
      this.form = new ArrayList<>(fields);
      this.workflow = definition;
      return this;
    }

    /**
     * @param types the classes the module's rules may see
     * @return this builder
     * @since 1.0
     */
    public Builder factTypes(List<Class<?>> types) {
      this.factTypes = new ArrayList<>(types);
      return this;
    }

    /**
     * @param resources class-path resources holding the default DRL
     * @return this builder
     * @since 1.0
     */
    public Builder defaultRules(List<String> resources) {
      this.defaultRules = new ArrayList<>(resources);
      return this;
    }

    /**
     * @param declared values tenants may adapt
     * @return this builder
     * @since 1.0
     */
    public Builder settings(List<Setting> declared) {
      this.settings = new ArrayList<>(declared);
      return this;
    }

    /**
     * @param declared what the module lets people do beyond transitions
     * @return this builder
     * @since 1.0
     */
    public Builder permissions(List<Permission> declared) {
      this.permissions = new ArrayList<>(declared);
      return this;
    }

    /**
     * @param declared tests of the default rules
     * @return this builder
     * @since 1.0
     */
    public Builder scenarios(List<RuleScenario> declared) {
      this.scenarios = new ArrayList<>(declared);
      return this;
    }

    /**
     * @param fieldNames the form fields staff see in the worklist, in order
     * @return this builder
     * @since 1.0
     */
    public Builder worklistFields(List<String> fieldNames) {
      this.worklistFields = new ArrayList<>(fieldNames);
      return this;
    }

    /**
     * @param kind a kind of item unions own
     * @return this builder
     * @since 1.0
     */
    public Builder itemKind(ItemKind kind) {
      this.itemKinds.add(kind);
      return this;
    }

    /**
     * @param type an action people take
     * @return this builder
     * @since 1.0
     */
    public Builder action(ActionType type) {
      this.actions.add(type);
      return this;
    }

    /**
     * @param readModel a tally kept as actions arrive
     * @return this builder
     * @since 1.0
     */
    public Builder tally(Tally readModel) {
      this.tallies.add(readModel);
      return this;
    }

    /**
     * @param spec the module's conversations
     * @return this builder
     * @since 1.0
     */
    public Builder conversation(ConversationSpec spec) {
      this.conversation = spec;
      return this;
    }

    /**
     * Makes a request entering a state admit its submitter as a member (see {@link
     * MemberAdmission}).
     *
     * @param value the declaration, or null for a module that admits nobody
     * @return this builder
     * @since 1.0
     */
    public Builder admitsMembers(MemberAdmission value) {
      this.admission = value;
      return this;
    }

    /**
     * @return the descriptor; its problems are reported by {@link ModuleDescriptor#problems()} and
     *     refuse the module at start-up
     * @since 1.0
     */
    public ModuleDescriptor build() {
      return new ModuleDescriptor(this);
    }
  }
}
