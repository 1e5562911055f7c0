package org.unionhub.platform.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.unionhub.platform.config.ConfigLayer.FieldLayer;
import org.unionhub.platform.config.ConfigLayer.SettingLayer;
import org.unionhub.platform.config.ConfigLayer.StepLayer;
import org.unionhub.platform.config.EffectiveConfig.EffectiveField;
import org.unionhub.platform.config.EffectiveConfig.EffectiveRule;
import org.unionhub.platform.config.EffectiveConfig.EffectiveScenario;
import org.unionhub.platform.config.EffectiveConfig.EffectiveSetting;
import org.unionhub.platform.config.EffectiveConfig.EffectiveStep;
import org.unionhub.platform.config.EffectiveConfig.Origin;
import org.unionhub.platform.config.EffectiveConfig.Provenance;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.rules.RuleCompilationException;
import org.unionhub.platform.rules.RuleProblem;
import org.unionhub.platform.rules.RuleSandbox;
import org.unionhub.platform.rules.RuleSet;
import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.ModuleDescriptor;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.rules.RuleScenario;
import org.unionhub.sdk.settings.Setting;
import org.unionhub.sdk.workflow.State;
import org.unionhub.sdk.workflow.Transition;
import org.unionhub.sdk.workflow.WorkflowDefinition;

/**
 * Resolves a tenant's effective configuration from the module's defaults and the layers of the
 * tenant's ancestors and its own, root first, and says what is wrong with a layer about to be
 * published.
 *
 * <p>Resolution never fails: an item in a published layer that no longer fits (an ancestor locked
 * it or narrowed its bounds after it was published) is passed over and the inherited value stays in
 * force. Validation reports those same items for the layer being published, each with its path, the
 * bound or lock at fault and the tenant that set it.
 */
public final class ConfigResolver {

  /** Roles a tenant may give a step. */
  public static final List<Role> STEP_ROLES = List.of(Role.STAFF, Role.TENANT_ADMIN);

  private static final Pattern ADDED_NAME = Pattern.compile("[a-z][a-zA-Z0-9]{1,39}");
  private static final int MAX_ADDED_LENGTH = 2000;
  private static final int MAX_ORDER = 999;

  /** Most parse results kept; the same few layers are read for thousands of tenants. */
  private static final int MEMO_LIMIT = 10_000;

  private final java.util.concurrent.ConcurrentMap<String, Object> memo =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Function<ModuleDescriptor, RuleSandbox> sandboxes;
  private final DecisionTables tables;

  /**
   * @param sandboxes the rule sandbox of each module
   * @param tables renders decision tables to DRL
   */
  public ConfigResolver(Function<ModuleDescriptor, RuleSandbox> sandboxes, DecisionTables tables) {
    this.sandboxes = sandboxes;
    this.tables = tables;
  }

  /** A resolver with a sandbox per module and decision tables rendered from the fixed template. */
  public ConfigResolver() {
    this(RuleSandbox::forModule, DecisionTableLayers.INSTANCE);
  }

  /**
   * The effective configuration and, for the last layer, what is wrong with it.
   *
   * @param config the configuration
   * @param problems the last layer's problems, empty when it may be published
   */
  public record Resolution(EffectiveConfig config, List<ConfigProblem> problems) {}

  /**
   * Resolves the effective configuration.
   *
   * @param tenantCode the tenant resolved for; the last layer is its own when its tenant code is
   *     this one
   * @param module the module
   * @param defaultRules the module's default DRL texts
   * @param chain the published layers, root first
   * @return the effective configuration
   */
  public EffectiveConfig resolve(
      String tenantCode,
      ModuleDescriptor module,
      List<String> defaultRules,
      List<PublishedLayer> chain) {
    return new Walk(tenantCode, module, defaultRules, chain, false, code -> code).run().config();
  }

  /**
   * Resolves with a candidate layer last and checks it as publishing does (apart from scenarios,
   * which need the module's code to run).
   *
   * @param tenantCode the tenant whose candidate is checked
   * @param module the module
   * @param defaultRules the module's default DRL texts
   * @param ancestors the ancestors' published layers, root first
   * @param candidate the tenant's draft
   * @return the configuration the candidate would give and its problems
   */
  public Resolution check(
      String tenantCode,
      ModuleDescriptor module,
      List<String> defaultRules,
      List<PublishedLayer> ancestors,
      ConfigLayer candidate) {
    return check(tenantCode, module, defaultRules, ancestors, candidate, code -> code);
  }

  /**
   * Like {@link #check(String, ModuleDescriptor, List, List, ConfigLayer)}, with the unions that
   * set a lock or a bound named in the problems as {@code tenantName} gives them (say, "广东省总工会
   * (gd)" instead of "gd"): problems are read by union staff, not by programmers.
   *
   * @param tenantCode the tenant whose candidate is checked
   * @param module the module
   * @param defaultRules the module's default DRL texts
   * @param ancestors the ancestors' published layers, root first
   * @param candidate the tenant's draft
   * @param tenantName how to name a tenant, given its code, in the problems' messages
   * @return the configuration the candidate would give and its problems
   */
  public Resolution check(
      String tenantCode,
      ModuleDescriptor module,
      List<String> defaultRules,
      List<PublishedLayer> ancestors,
      ConfigLayer candidate,
      Function<String, String> tenantName) {
    var chain = new ArrayList<>(ancestors);
    chain.add(new PublishedLayer(tenantCode, 0, 0, candidate));
    return new Walk(tenantCode, module, defaultRules, chain, true, tenantName).run();
  }

  /** Turns a decision table (JSON text) into DRL for a module; a port filled by the rules code. */
  public interface DecisionTables {
    /** Refuses every table. */
    DecisionTables NONE =
        (module, json) -> {
          throw new RuleCompilationException(
              List.of(new RuleProblem(0, 0, "decision tables are not supported")));
        };

    /**
     * @param module the module whose facts the table tests
     * @param json the table
     * @return the DRL rendered from the table
     * @throws RuleCompilationException when the table is not valid
     */
    String render(ModuleDescriptor module, String json);
  }

  /** One resolution: state that builds up layer by layer. */
  private final class Walk {
    private final String tenantCode;
    private final ModuleDescriptor module;
    private final List<String> defaultRules;
    private final List<PublishedLayer> chain;
    private final boolean checkLast;
    private final Function<String, String> tenantName;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Map<String, String> lockedBy = new HashMap<>();

    private boolean enabled = true;
    private Provenance enabledFrom = Provenance.MODULE;
    private final Map<String, EffectiveSetting> settings = new LinkedHashMap<>();
    private final Map<String, EffectiveField> fields = new LinkedHashMap<>();
    private final Map<String, EffectiveStep> steps = new LinkedHashMap<>();
    private final List<RuleSource> ruleSources = new ArrayList<>();
    private final Map<String, EffectiveScenario> scenarios = new LinkedHashMap<>();

    /** A DRL source of the composed set and the rules it defines. */
    private record RuleSource(
        String packageName, String text, List<String> names, String source, Integer version) {}

    Walk(
        String tenantCode,
        ModuleDescriptor module,
        List<String> defaultRules,
        List<PublishedLayer> chain,
        boolean checkLast,
        Function<String, String> tenantName) {
      this.tenantName = tenantName;
      this.tenantCode = tenantCode;
      this.module = module;
      this.defaultRules = defaultRules;
      this.chain = chain;
      this.checkLast = checkLast;
    }

    Resolution run() {
      start();
      long version = 0;
      for (int i = 0; i < chain.size(); i++) {
        PublishedLayer layer = chain.get(i);
        boolean checked = checkLast && i == chain.size() - 1;
        Origin origin = layer.tenantCode().equals(tenantCode) ? Origin.OWN : Origin.INHERITED;
        var from =
            new Provenance(
                layer.tenantCode(), layer.number() == 0 ? null : layer.number(), origin, null);
        apply(layer, from, checked);
        version = Math.max(version, layer.versionId());
      }
      var config =
          new EffectiveConfig(
              tenantCode,
              module,
              version,
              enabled,
              enabledFrom,
              settings,
              fields.values().stream()
                  .sorted(Comparator.comparingInt(EffectiveField::order))
                  .toList(),
              steps,
              workflow(),
              rules(),
              ruleSet(),
              List.copyOf(scenarios.values()),
              List.copyOf(chain));
      return new Resolution(config, List.copyOf(problems));
    }

    private void start() {
      for (Setting s : module.settings()) {
        settings.put(
            s.key(),
            new EffectiveSetting(
                s, s.defaultValue(), s.min(), s.max(), "module", Provenance.MODULE));
      }
      int order = 0;
      for (FormField f : module.form()) {
        fields.put(f.name(), new EffectiveField(f, false, order += 10, false, Provenance.MODULE));
      }
      List<State> states = module.acceptsRequests() ? module.workflow().states() : List.of();
      for (State s : states) {
        steps.put(
            s.name(),
            new EffectiveStep(
                s, s.includedByDefault(), null, null, null, "module", Provenance.MODULE));
      }
      for (int i = 0; i < defaultRules.size(); i++) {
        String text = defaultRules.get(i);
        ruleSources.add(
            new RuleSource(
                memo("package\u0000" + text, () -> RuleSandbox.packageOf(text)),
                text,
                memo("names\u0000" + text, () -> RuleSandbox.ruleNames(text)),
                "module",
                null));
      }
      for (RuleScenario s : module.scenarios()) {
        scenarios.put(s.name(), new EffectiveScenario(s, "module"));
      }
    }

    private void apply(PublishedLayer published, Provenance from, boolean checked) {
      ConfigLayer layer = published.layer();
      String who = published.tenantCode();
      if (layer.enabled() != null) {
        if (allowed("enabled", checked)) {
          enabled = layer.enabled();
          enabledFrom = from;
        }
      }
      layer.settings().forEach((key, entry) -> applySetting(key, entry, from, checked));
      layer.form().forEach((name, entry) -> applyField(name, entry, from, checked));
      layer.workflow().forEach((name, entry) -> applyStep(name, entry, from, checked));
      applyRules(published, from, checked);
      for (String path : layer.locks()) {
        if (!knownPath(path)) {
          if (checked) {
            problems.add(
                ConfigProblem.of(
                    "locks", "UNKNOWN_ITEM", ProblemText.of("config.nothing-to-lock-at", path)));
          }
          continue;
        }
        lockedBy.putIfAbsent(path, who);
      }
      markLocks();
    }

    /** How a bound's setter is named in a message: the module, or a union by its name. */
    private String named(String boundBy) {
      return boundBy == null || "module".equals(boundBy) ? boundBy : tenantName.apply(boundBy);
    }

    /** Whether an item may be set at this layer; records the refusal when checking. */
    private boolean allowed(String path, boolean checked) {
      String locker = lockedBy.get(path);
      if (locker == null) {
        return true;
      }
      if (checked) {
        problems.add(
            ConfigProblem.of(
                path,
                "LOCKED",
                ProblemText.of("config.locked-by-it-cannot-be-changed", tenantName.apply(locker))));
      }
      return false;
    }

    private void applySetting(String key, SettingLayer entry, Provenance from, boolean checked) {
      String path = "settings." + key;
      EffectiveSetting current = settings.get(key);
      if (current == null) {
        if (checked) {
          problems.add(
              ConfigProblem.of(
                  path,
                  "UNKNOWN_SETTING",
                  ProblemText.of("config.the-module-has-no-such-setting")));
        }
        return;
      }
      if (!allowed(path, checked)) {
        return;
      }
      Setting setting = current.setting();
      String value = current.value();
      Provenance valueFrom = current.from();
      if (entry.value() != null) {
        LocalizedText wrong = setting.check(entry.value(), current.min(), current.max());
        if (wrong != null) {
          if (checked) {
            problems.add(
                ConfigProblem.of(
                    path,
                    current.min() != null || current.max() != null ? "OUT_OF_BOUNDS" : "INVALID",
                    wrong.zh()
                        + boundNote(current.min(), current.max(), named(current.boundBy()), true)
                        + " ("
                        + wrong.en()
                        + boundNote(current.min(), current.max(), named(current.boundBy()), false)
                        + ")"));
          }
        } else {
          value = entry.value().strip();
          valueFrom = from;
        }
      }
      Integer min = current.min();
      Integer max = current.max();
      String boundBy = current.boundBy();
      if (entry.min() != null || entry.max() != null) {
        if (setting.type() != org.unionhub.sdk.settings.SettingType.INTEGER) {
          if (checked) {
            problems.add(
                ConfigProblem.of(
                    path,
                    "NOT_BOUNDABLE",
                    ProblemText.of("config.only-whole-number-settings-have-bounds")));
          }
        } else if (narrows(entry.min(), entry.max(), min, max)) {
          min = entry.min() != null ? entry.min() : min;
          max = entry.max() != null ? entry.max() : max;
          boundBy = from.source();
        } else if (checked) {
          problems.add(
              ConfigProblem.of(
                  path,
                  "BOUNDS_TOO_WIDE",
                  ProblemText.of(
                      "config.bounds-can-only-be-narrowed",
                      boundNote(min, max, named(boundBy), true),
                      boundNote(min, max, named(boundBy), false))));
        }
      }
      settings.put(key, new EffectiveSetting(setting, value, min, max, boundBy, valueFrom));
    }

    private void applyField(String name, FieldLayer entry, Provenance from, boolean checked) {
      String path = "form." + name;
      EffectiveField current = fields.get(name);
      if (entry.add() != null) {
        if (current != null && !current.added()) {
          if (checked) {
            problems.add(
                ConfigProblem.of(
                    path,
                    "DUPLICATE_FIELD",
                    ProblemText.of("config.the-module-already-has-this-field")));
          }
          return;
        }
        if (current != null && !allowed(path, checked)) {
          return;
        }
        FormField added = addedField(path, name, entry, checked);
        if (added == null) {
          return;
        }
        int order = entry.order() != null ? entry.order() : 10_000 + fields.size();
        fields.put(
            name,
            new EffectiveField(added, Boolean.TRUE.equals(entry.hidden()), order, true, from));
        return;
      }
      if (current == null) {
        if (checked) {
          problems.add(
              ConfigProblem.of(
                  path, "UNKNOWN_FIELD", ProblemText.of("common.no-such-field-in-this-form")));
        }
        return;
      }
      if (!allowed(path, checked)) {
        return;
      }
      FormField field = current.field();
      boolean moduleRequired = !current.added() && moduleField(name).required();
      boolean hidden = current.hidden();
      if (entry.hidden() != null) {
        if (entry.hidden() && moduleRequired) {
          if (checked) {
            problems.add(
                ConfigProblem.of(
                    path + ".hidden",
                    "MODULE_REQUIRED",
                    ProblemText.of("config.the-module-relies-on-this-field")));
          }
        } else {
          hidden = entry.hidden();
        }
      }
      boolean required = field.required();
      if (entry.required() != null) {
        if (!entry.required() && moduleRequired) {
          if (checked) {
            problems.add(
                ConfigProblem.of(
                    path + ".required",
                    "MODULE_REQUIRED",
                    ProblemText.of("config.the-module-relies-on-this-field-2")));
          }
        } else {
          required = entry.required();
        }
      }
      LocalizedText label = field.label();
      if (entry.label() != null) {
        if (blank(entry.label())) {
          if (checked) {
            problems.add(
                ConfigProblem.of(
                    path + ".label",
                    "REQUIRED",
                    ProblemText.of("config.the-label-cannot-be-empty")));
          }
        } else {
          label = entry.label();
        }
      }
      int order = current.order();
      if (entry.order() != null) {
        if (entry.order() < 0 || entry.order() > MAX_ORDER) {
          if (checked) {
            problems.add(
                ConfigProblem.of(
                    path + ".order",
                    "OUT_OF_BOUNDS",
                    ProblemText.of("config.order-must-be-0-to", MAX_ORDER)));
          }
        } else {
          order = entry.order();
        }
      }
      fields.put(
          name,
          new EffectiveField(
              field.toBuilder().label(label).required(required).buildUnchecked(),
              hidden,
              order,
              current.added(),
              from));
    }

    private FormField moduleField(String name) {
      return module.field(name);
    }

    private FormField addedField(String path, String name, FieldLayer entry, boolean checked) {
      var add = entry.add();
      var found = new ArrayList<ConfigProblem>();
      if (!ADDED_NAME.matcher(name).matches()) {
        found.add(
            ConfigProblem.of(
                path, "INVALID_NAME", ProblemText.of("config.name-must-match", ADDED_NAME)));
      }
      if (add.type() == null || add.type() == FieldType.TENANT) {
        found.add(
            ConfigProblem.of(
                path + ".type", "INVALID", ProblemText.of("config.invalid-field-type")));
      }
      if (add.label() == null || blank(add.label())) {
        found.add(
            ConfigProblem.of(
                path + ".label", "REQUIRED", ProblemText.of("config.the-label-cannot-be-empty")));
      }
      if (add.maxLength() < 1 || add.maxLength() > MAX_ADDED_LENGTH) {
        found.add(
            ConfigProblem.of(
                path + ".maxLength",
                "OUT_OF_BOUNDS",
                ProblemText.of("config.maxlength-must-be-1-to", MAX_ADDED_LENGTH)));
      }
      if (add.type() != null && add.type().hasChoices() && add.choices().isEmpty()) {
        found.add(
            ConfigProblem.of(
                path + ".choices", "REQUIRED", ProblemText.of("config.a-choice-needs-choices")));
      }
      if (!found.isEmpty()) {
        if (checked) {
          problems.addAll(found);
        }
        return null;
      }
      return FormField.builder(name, add.type())
          .label(entry.label() != null && !blank(entry.label()) ? entry.label() : add.label())
          .required(Boolean.TRUE.equals(entry.required()))
          .maxLength(add.maxLength())
          .choices(add.choices())
          .buildUnchecked();
    }

    private void applyStep(String name, StepLayer entry, Provenance from, boolean checked) {
      String path = "workflow." + name;
      EffectiveStep current = steps.get(name);
      if (current == null) {
        if (checked) {
          problems.add(
              ConfigProblem.of(
                  path, "UNKNOWN_STEP", ProblemText.of("config.no-such-workflow-step")));
        }
        return;
      }
      if (!allowed(path, checked)) {
        return;
      }
      State state = current.state();
      boolean included = current.included();
      if (entry.included() != null) {
        if (!state.optional()) {
          if (checked) {
            problems.add(
                ConfigProblem.of(
                    path + ".included",
                    "NOT_OPTIONAL",
                    ProblemText.of("config.this-step-is-not-optional")));
          }
        } else {
          included = entry.included();
        }
      }
      Role role = current.role();
      if (entry.role() != null) {
        Role wanted = Role.byId(entry.role()).filter(STEP_ROLES::contains).orElse(null);
        if (wanted == null) {
          if (checked) {
            problems.add(
                ConfigProblem.of(
                    path + ".role",
                    "INVALID",
                    ProblemText.of("config.role-must-be-one-of", STEP_ROLES)));
          }
        } else if (state.terminal()) {
          if (checked) {
            problems.add(
                ConfigProblem.of(
                    path + ".role",
                    "TERMINAL",
                    ProblemText.of("config.nobody-acts-in-a-final-state")));
          }
        } else {
          role = wanted;
        }
      }
      int days = state.workingDays();
      if (entry.workingDays() != null) {
        int wanted = entry.workingDays();
        Integer min = current.min();
        Integer max = current.max();
        boolean tooLow = wanted < (min != null ? min : 0);
        boolean tooHigh = max != null && wanted > max;
        if (state.terminal()) {
          if (checked) {
            problems.add(
                ConfigProblem.of(
                    path + ".workingDays",
                    "TERMINAL",
                    ProblemText.of("config.a-final-state-has-no-deadline")));
          }
        } else if (tooLow || tooHigh || wanted > 365) {
          if (checked) {
            problems.add(
                ConfigProblem.of(
                    path + ".workingDays",
                    "OUT_OF_BOUNDS",
                    ProblemText.of(
                        "config.working-days-is-out-of-bounds",
                        wanted,
                        boundNote(
                            min == null ? 0 : min,
                            max == null ? 365 : max,
                            named(current.boundBy()),
                            true),
                        boundNote(
                            min == null ? 0 : min,
                            max == null ? 365 : max,
                            named(current.boundBy()),
                            false))));
          }
        } else {
          days = wanted;
        }
      }
      Integer min = current.min();
      Integer max = current.max();
      String boundBy = current.boundBy();
      if (entry.min() != null || entry.max() != null) {
        if (narrows(entry.min(), entry.max(), min, max)
            && (entry.min() == null || entry.min() >= 0)
            && (entry.max() == null || entry.max() <= 365)) {
          min = entry.min() != null ? entry.min() : min;
          max = entry.max() != null ? entry.max() : max;
          boundBy = from.source();
        } else if (checked) {
          problems.add(
              ConfigProblem.of(
                  path + ".bounds",
                  "BOUNDS_TOO_WIDE",
                  ProblemText.of(
                      "config.bounds-can-only-be-narrowed",
                      boundNote(min, max, named(boundBy), true),
                      boundNote(min, max, named(boundBy), false))));
        }
      }
      State adapted =
          new State(
              state.name(),
              state.label(),
              state.terminal(),
              days,
              state.skipTo(),
              state.includedByDefault());
      steps.put(name, new EffectiveStep(adapted, included, role, min, max, boundBy, from));
    }

    private void applyRules(PublishedLayer published, Provenance from, boolean checked) {
      ConfigLayer.RuleLayer rules = published.layer().rules();
      String who = published.tenantCode();
      String packageName = layerPackage(who);
      var sandbox = sandboxes.apply(module);
      var texts = new ArrayList<String>();
      if (rules.drl() != null && !rules.drl().isBlank()) {
        List<RuleProblem> found =
            memo(
                "validate\u0000" + module.id() + "\u0000" + rules.drl(),
                () -> sandbox.validate(rules.drl()));
        if (found.isEmpty()) {
          texts.add(rules.drl());
        } else if (checked) {
          found.forEach(
              p ->
                  problems.add(
                      new ConfigProblem(
                          "rules.drl",
                          "RULE_ERROR",
                          p.message(),
                          p.line() == 0 ? null : p.line(),
                          p.column() == 0 ? null : p.column())));
        }
      }
      if (rules.decisionTable() != null) {
        try {
          String drl = tables.render(module, rules.decisionTable());
          List<RuleProblem> found = sandbox.validate(drl);
          if (found.isEmpty()) {
            texts.add(drl);
          } else if (checked) {
            found.forEach(
                p ->
                    problems.add(
                        ConfigProblem.of("rules.decisionTable", "RULE_ERROR", p.message())));
          }
        } catch (RuleCompilationException e) {
          if (checked) {
            e.problems()
                .forEach(
                    p ->
                        problems.add(
                            ConfigProblem.of("rules.decisionTable", "RULE_ERROR", p.message())));
          }
        }
      }
      var names = new ArrayList<String>();
      var body = new StringBuilder();
      for (String text : texts) {
        names.addAll(memo("names\u0000" + text, () -> RuleSandbox.ruleNames(text)));
        body.append(text).append('\n');
      }
      var duplicates = new HashSet<String>();
      for (String name : names) {
        if (!duplicates.add(name) && checked) {
          problems.add(
              ConfigProblem.of(
                  "rules." + name,
                  "DUPLICATE_RULE",
                  ProblemText.of("config.two-rules-have-this-name")));
        }
      }
      var kept = new ArrayList<String>();
      for (String name : names) {
        if (lockedBy.containsKey("rules." + name) && !allowed("rules." + name, checked)) {
          continue;
        }
        kept.add(name);
      }
      // Rules this layer redefines or disables stop firing in earlier layers; a locked one keeps
      // firing and this layer's rule of that name is suppressed instead (see ruleSet()).
      for (String name : rules.disable()) {
        if (!allowed("rules." + name, checked)) {
          continue;
        }
        if (!definedEarlier(name)) {
          if (checked) {
            problems.add(
                ConfigProblem.of(
                    "rules.disable",
                    "UNKNOWN_RULE",
                    ProblemText.of("config.no-inherited-rule-named", name)));
          }
          continue;
        }
        disabled.add(name);
        disabledAt.put(name, ruleSources.size());
      }
      if (!texts.isEmpty()) {
        String composed;
        try {
          String text = body.toString();
          composed =
              memo(
                  "compose\u0000" + module.id() + "\u0000" + packageName + "\u0000" + text,
                  () -> sandbox.compose(packageName, text));
        } catch (RuleCompilationException e) {
          composed = null;
        }
        if (composed != null) {
          ruleSources.add(new RuleSource(packageName, composed, names, who, from.version()));
          refused.put(ruleSources.size() - 1, new HashSet<>(names));
          refused.get(ruleSources.size() - 1).removeAll(kept);
        }
      }
      for (RuleScenario s : rules.scenarios()) {
        if (s.name() == null || s.name().isBlank() || s.expect() == null) {
          if (checked) {
            problems.add(
                ConfigProblem.of(
                    "rules.scenarios",
                    "INVALID",
                    ProblemText.of("config.a-scenario-needs-a-name-and")));
          }
          continue;
        }
        scenarios.put(s.name(), new EffectiveScenario(s, who));
      }
    }

    /** Names disabled by some layer, and the number of sources that existed when it was. */
    private final Set<String> disabled = new HashSet<>();

    private final Map<String, Integer> disabledAt = new HashMap<>();

    /** Per source index, its rules that a lock refused. */
    private final Map<Integer, Set<String>> refused = new HashMap<>();

    private boolean definedEarlier(String name) {
      return ruleSources.stream().anyMatch(s -> s.names().contains(name));
    }

    /** Which source's rule of each name is in force; -1 when disabled. */
    private Map<String, Integer> winners() {
      var winners = new HashMap<String, Integer>();
      for (int i = 0; i < ruleSources.size(); i++) {
        for (String name : ruleSources.get(i).names()) {
          if (refused.getOrDefault(i, Set.of()).contains(name)) {
            continue;
          }
          winners.put(name, i);
        }
      }
      for (String name : disabled) {
        Integer winner = winners.get(name);
        if (winner != null && winner < disabledAt.get(name)) {
          winners.put(name, -1);
        }
      }
      return winners;
    }

    private RuleSet ruleSet() {
      Map<String, Integer> winners = winners();
      var suppressed = new HashSet<String>();
      var stepRules = new HashSet<String>();
      var texts = new ArrayList<String>();
      for (int i = 0; i < ruleSources.size(); i++) {
        RuleSource source = ruleSources.get(i);
        texts.add(source.text());
        String text = source.text();
        Set<String> matching =
            memo("steps\u0000" + text, () -> RuleSandbox.rulesMatching(text, "WorkflowStep"));
        matching.forEach(n -> stepRules.add(RuleSet.key(source.packageName(), n)));
        for (String name : source.names()) {
          if (winners.getOrDefault(name, -1) != i) {
            suppressed.add(RuleSet.key(source.packageName(), name));
          }
        }
      }
      return new RuleSet(texts, suppressed, stepRules);
    }

    private List<EffectiveRule> rules() {
      Map<String, Integer> winners = winners();
      var result = new ArrayList<EffectiveRule>();
      for (int i = 0; i < ruleSources.size(); i++) {
        RuleSource source = ruleSources.get(i);
        for (String name : source.names()) {
          int winner = winners.getOrDefault(name, -1);
          boolean refusedHere = refused.getOrDefault(i, Set.of()).contains(name);
          result.add(
              new EffectiveRule(
                  name,
                  source.source(),
                  source.version(),
                  winner == i,
                  winner > i || refusedHere,
                  lockedBy.get("rules." + name)));
        }
      }
      return result;
    }

    private WorkflowDefinition workflow() {
      WorkflowDefinition base = module.workflow();
      if (base == null) {
        return null;
      }
      var states = new ArrayList<State>();
      for (EffectiveStep step : steps.values()) {
        if (step.included()) {
          states.add(step.state());
        }
      }
      var transitions = new ArrayList<Transition>();
      for (Transition t : base.transitions()) {
        EffectiveStep fromStep = steps.get(t.from());
        if (fromStep == null || !fromStep.included()) {
          continue;
        }
        String to = landing(t.to());
        if (to == null) {
          continue;
        }
        Role role = fromStep.role() != null && t.role() != Role.MEMBER ? fromStep.role() : t.role();
        transitions.add(new Transition(t.action(), t.from(), to, role, t.label()));
      }
      return new WorkflowDefinition(base.initialState(), states, transitions);
    }

    /** Where a transition into a state lands when optional steps are left out. */
    private String landing(String state) {
      var seen = new HashSet<String>();
      String current = state;
      while (current != null && seen.add(current)) {
        EffectiveStep step = steps.get(current);
        if (step == null) {
          return null;
        }
        if (step.included()) {
          return current;
        }
        current = step.state().skipTo();
      }
      return null;
    }

    private boolean knownPath(String path) {
      if (path.equals("enabled")) {
        return true;
      }
      int dot = path.indexOf('.');
      if (dot < 0) {
        return false;
      }
      String kind = path.substring(0, dot);
      String name = path.substring(dot + 1);
      return switch (kind) {
        case "settings" -> settings.containsKey(name);
        case "form" -> fields.containsKey(name);
        case "workflow" -> steps.containsKey(name);
        case "rules" -> ruleSources.stream().anyMatch(s -> s.names().contains(name));
        default -> false;
      };
    }

    /** Marks locked items in their provenance, so that every value tells who locked it. */
    private void markLocks() {
      if (!lockedBy.containsKey("enabled") || enabledFrom.lockedBy() != null) {
        // Nothing new to mark for enabled.
      } else {
        enabledFrom = locked(enabledFrom, lockedBy.get("enabled"));
      }
      settings.replaceAll(
          (k, v) -> {
            String locker = lockedBy.get("settings." + k);
            return locker == null || v.from().lockedBy() != null
                ? v
                : new EffectiveSetting(
                    v.setting(),
                    v.value(),
                    v.min(),
                    v.max(),
                    v.boundBy(),
                    locked(v.from(), locker));
          });
      fields.replaceAll(
          (k, v) -> {
            String locker = lockedBy.get("form." + k);
            return locker == null || v.from().lockedBy() != null
                ? v
                : new EffectiveField(
                    v.field(), v.hidden(), v.order(), v.added(), locked(v.from(), locker));
          });
      steps.replaceAll(
          (k, v) -> {
            String locker = lockedBy.get("workflow." + k);
            return locker == null || v.from().lockedBy() != null
                ? v
                : new EffectiveStep(
                    v.state(),
                    v.included(),
                    v.role(),
                    v.min(),
                    v.max(),
                    v.boundBy(),
                    locked(v.from(), locker));
          });
    }

    /**
     * A lock binds descendants only: the tenant that set it still sees its own value as its own,
     * unlocked.
     */
    private Provenance locked(Provenance from, String locker) {
      if (locker.equals(tenantCode)) {
        return from;
      }
      return new Provenance(from.source(), from.version(), from.origin(), locker);
    }
  }

  /**
   * Parsing and checking rule text costs milliseconds, and one ancestor's layer is read for every
   * tenant below it: results are kept by the text they came from (a failed compose is not kept).
   */
  @SuppressWarnings("unchecked")
  private <T> T memo(String key, java.util.function.Supplier<T> compute) {
    Object found = memo.get(key);
    if (found == null) {
      found = compute.get();
      if (memo.size() >= MEMO_LIMIT) {
        memo.clear();
      }
      memo.put(key, found);
    }
    return (T) found;
  }

  /**
   * @param tenantCode a tenant code
   * @return the DRL package the tenant's rule layer is compiled in
   */
  public static String layerPackage(String tenantCode) {
    return "org.unionhub.layer.t_" + tenantCode.replace('-', '_');
  }

  private static boolean narrows(Integer newMin, Integer newMax, Integer min, Integer max) {
    int lower = newMin != null ? newMin : (min != null ? min : Integer.MIN_VALUE);
    int upper = newMax != null ? newMax : (max != null ? max : Integer.MAX_VALUE);
    return lower <= upper && (min == null || lower >= min) && (max == null || upper <= max);
  }

  private static String boundNote(Integer min, Integer max, String boundBy, boolean chinese) {
    if (min == null && max == null) {
      return "";
    }
    String range = (min == null ? "" : min.toString()) + "–" + (max == null ? "" : max.toString());
    String who = "module".equals(boundBy) ? (chinese ? "模块" : "the module") : boundBy;
    return chinese
        ? "（允许范围 " + range + "，由" + who + "设定）"
        : "; allowed " + range + ", set by " + who;
  }

  private static boolean blank(LocalizedText text) {
    return text.zh() == null || text.zh().isBlank() || text.en() == null || text.en().isBlank();
  }
}
