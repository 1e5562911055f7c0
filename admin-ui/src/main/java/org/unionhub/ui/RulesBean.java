package org.unionhub.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionhub.platform.config.ConfigLayer;
import org.unionhub.platform.config.ConfigProblem;
import org.unionhub.platform.config.ConfigRefusedException;
import org.unionhub.platform.config.ConfigurationAdmin;
import org.unionhub.platform.config.EffectiveConfig;
import org.unionhub.platform.config.ScenarioResult;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.module.ModuleRegistry;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.rules.RuleProblem;
import org.unionhub.platform.rules.table.DecisionTableSchema;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.sdk.ServiceModuleFactory;
import org.unionhub.sdk.rules.RuleScenario;
import org.unionhub.ui.rules.DecisionTableEditor;

/**
 * The admin console's rules page: the effective rules with their sources, the tenant's own DRL in
 * the code editor, its decision table in the grid, switching inherited rules off, locking rules for
 * descendants, and test scenarios run on demand and before publishing.
 */
@Named
@ViewScoped
public class RulesBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Caller caller;
  @Inject ConfigurationAdmin admin;
  @Inject AdministeredTenants administered;
  @Inject ModuleRegistry modules;
  @Inject Labels labels;

  private String tenant;
  private String module;
  private boolean draft;
  private String drl;
  private boolean useTable;
  private DecisionTableEditor tableEditor;
  private final List<RuleRow> rules = new ArrayList<>();
  private final List<ScenarioRow> scenarios = new ArrayList<>();
  private final List<RuleProblem> drlProblems = new ArrayList<>();
  private final List<String> otherProblems = new ArrayList<>();
  private final List<Result> results = new ArrayList<>();
  private List<String> keptLocks = List.of();

  /** A rule of the effective set. */
  public static final class RuleRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final String source;
    private final boolean active;
    private final boolean overridden;
    private final String lockedBy;
    private final boolean inherited;
    private boolean disabled;
    private boolean locked;

    RuleRow(EffectiveConfig.EffectiveRule r, String tenant) {
      this.name = r.name();
      this.source = r.source();
      this.active = r.active();
      this.overridden = r.overridden();
      this.lockedBy = r.lockedBy() != null && !r.lockedBy().equals(tenant) ? r.lockedBy() : null;
      this.inherited = !tenant.equals(r.source());
    }

    public String getName() {
      return name;
    }

    public String getSource() {
      return source;
    }

    public boolean isActive() {
      return active;
    }

    public boolean isOverridden() {
      return overridden;
    }

    public String getLockedBy() {
      return lockedBy;
    }

    public boolean isInherited() {
      return inherited;
    }

    public boolean isDisabled() {
      return disabled;
    }

    public void setDisabled(boolean disabled) {
      this.disabled = disabled;
    }

    public boolean isLocked() {
      return locked;
    }

    public void setLocked(boolean locked) {
      this.locked = locked;
    }
  }

  /** A scenario being edited: form values as {@code field=value} lines. */
  public static final class ScenarioRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private String name;
    private String given;
    private String expect = "accepted";
    private String rejected;
    private String source;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getGiven() {
      return given;
    }

    public void setGiven(String given) {
      this.given = given;
    }

    public String getRejected() {
      return rejected;
    }

    public void setRejected(String rejected) {
      this.rejected = rejected;
    }

    public String getExpect() {
      return expect;
    }

    public void setExpect(String expect) {
      this.expect = expect;
    }

    public String getSource() {
      return source;
    }
  }

  /** A scenario's result. */
  public static final class Result implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final String source;
    private final boolean passed;
    private final String detail;

    Result(ScenarioResult r) {
      this.name = r.name();
      this.source = r.source();
      this.passed = r.passed();
      this.detail = r.detail();
    }

    public String getName() {
      return name;
    }

    public String getSource() {
      return source;
    }

    public boolean isPassed() {
      return passed;
    }

    public String getDetail() {
      return detail;
    }
  }

  /** Loads the tenant's rule layer. */
  public void load() {
    List<TenantView> administered = getTenants();
    if (tenant == null || tenant.isBlank()) {
      tenant = administered.isEmpty() ? null : administered.get(0).code();
    }
    if (module == null || module.isBlank()) {
      module = modules.all().isEmpty() ? null : modules.all().get(0).getId();
    }
    if (tenant == null || module == null) {
      return;
    }
    try {
      read(admin.editable(caller, tenant, module));
    } catch (NotVisibleException | NotAllowedException e) {
      tenant = null;
      Messages.error("config.notAllowed");
    }
  }

  private void read(ConfigurationAdmin.Editable e) {
    ConfigLayer own = e.layer();
    draft = e.isDraft();
    drl = own.rules().drl();
    DecisionTableSchema schema = DecisionTableSchema.forModule(factory().descriptor());
    useTable = own.rules().decisionTable() != null;
    tableEditor =
        useTable
            ? DecisionTableEditor.of(
                schema, "{\"decisionTable\":" + own.rules().decisionTable() + "}")
            : DecisionTableEditor.create(schema, tenant + "." + module);
    rules.clear();
    for (EffectiveConfig.EffectiveRule r : e.check().config().rules()) {
      var row = new RuleRow(r, tenant);
      row.disabled = own.rules().disable().contains(r.name());
      row.locked = own.locks("rules." + r.name());
      rules.add(row);
    }
    keptLocks = own.locks().stream().filter(l -> !l.startsWith("rules.")).toList();
    scenarios.clear();
    for (RuleScenario s : own.rules().scenarios()) {
      var row = new ScenarioRow();
      row.name = s.name();
      var given = new StringBuilder();
      s.given().forEach((k, v) -> given.append(k).append('=').append(v).append('\n'));
      row.given = given.toString().strip();
      if (Boolean.TRUE.equals(s.expect().flagged())) {
        row.expect = "flagged";
      } else if (s.expect().rejectedFields() != null && !s.expect().rejectedFields().isEmpty()) {
        row.expect = "rejected";
        row.rejected = String.join(", ", s.expect().rejectedFields());
      }
      row.source = tenant;
      scenarios.add(row);
    }
    showProblems(e.check().problems());
  }

  private ServiceModuleFactory factory() {
    return modules.find(module).orElseThrow(() -> new NotVisibleException("module"));
  }

  private void showProblems(List<ConfigProblem> problems) {
    drlProblems.clear();
    otherProblems.clear();
    for (ConfigProblem p : problems) {
      if (!p.path().startsWith("rules")) {
        continue;
      }
      if (p.path().equals("rules.drl")) {
        drlProblems.add(
            new RuleProblem(
                p.line() == null ? 0 : p.line(),
                p.column() == null ? 0 : p.column(),
                Messages.text(p)));
      } else {
        otherProblems.add(p.path() + ": " + Messages.text(p));
      }
    }
  }

  /** The rule layer the page describes. */
  ConfigLayer.RuleLayer layer() {
    String table = null;
    if (useTable && tableEditor != null) {
      JsonObject wrapped = Json.createReader(new StringReader(tableEditor.toJson())).readObject();
      table = wrapped.getJsonObject("decisionTable").toString();
    }
    var disable =
        rules.stream().filter(r -> r.inherited && r.disabled).map(RuleRow::getName).toList();
    var list = new ArrayList<RuleScenario>();
    for (ScenarioRow row : scenarios) {
      if (row.name == null || row.name.isBlank()) {
        continue;
      }
      Map<String, String> given = new LinkedHashMap<>();
      if (row.given != null) {
        for (String line : row.given.split("\\R")) {
          int eq = line.indexOf('=');
          if (eq > 0) {
            given.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
          }
        }
      }
      RuleScenario.Expectation expectation =
          switch (row.expect == null ? "accepted" : row.expect) {
            case "flagged" -> new RuleScenario.Expectation(null, true, null, null);
            case "rejected" ->
                new RuleScenario.Expectation(
                    row.rejected == null || row.rejected.isBlank()
                        ? List.of("?")
                        : List.of(row.rejected.strip().split("[,，、\\s]+")),
                    null,
                    null,
                    null);
            default -> RuleScenario.Expectation.accepted();
          };
      list.add(new RuleScenario(row.name.strip(), given, expectation));
    }
    return new ConfigLayer.RuleLayer(
        drl == null || drl.isBlank() ? null : drl, table, disable, list);
  }

  private ConfigLayer fullLayer() {
    ConfigLayer current = admin.editable(caller, tenant, module).layer();
    var locks = new java.util.LinkedHashSet<>(keptLocks);
    rules.stream().filter(r -> r.locked).forEach(r -> locks.add("rules." + r.name));
    return new ConfigLayer(
        current.enabled(), current.settings(), current.form(), current.workflow(), layer(), locks);
  }

  /** Saves the rules into the draft; rule problems refuse the save and show where they are. */
  public void save() {
    try {
      read(
          admin.saveDraftChecked(
              caller, tenant, module, fullLayer(), p -> p.path().startsWith("rules")));
      Messages.info("config.saved");
    } catch (ConfigRefusedException e) {
      showProblems(e.problems());
      Messages.error("rules.refused");
    }
  }

  /** Runs every scenario against the rules as edited, without saving. */
  public void test() {
    results.clear();
    try {
      admin.testScenarios(caller, tenant, module, layer()).forEach(r -> results.add(new Result(r)));
      boolean passed = results.stream().allMatch(Result::isPassed);
      if (passed) {
        Messages.info("rules.allPassed", results.size());
      } else {
        Messages.error("rules.someFailed");
      }
    } catch (ConfigRefusedException e) {
      showProblems(e.problems());
      Messages.error("rules.refused");
    }
  }

  /** Saves and publishes. */
  public void publish() {
    try {
      admin.saveDraftChecked(
          caller, tenant, module, fullLayer(), p -> p.path().startsWith("rules"));
      ConfigurationAdmin.VersionInfo v = admin.publish(caller, tenant, module, null);
      load();
      Messages.info("config.published", v.number());
    } catch (ConfigRefusedException e) {
      showProblems(e.problems());
      Messages.error("config.notPublished");
    }
  }

  /** Adds an empty scenario. */
  public void addScenario() {
    var row = new ScenarioRow();
    row.source = tenant;
    scenarios.add(row);
  }

  /**
   * Removes a scenario.
   *
   * @param row the scenario
   */
  public void removeScenario(ScenarioRow row) {
    scenarios.remove(row);
  }

  /**
   * @return the tenants the caller administers
   */
  public List<TenantView> getTenants() {
    return administered.all();
  }

  public List<ServiceModuleFactory> getModules() {
    return modules.all();
  }

  /**
   * @param code a tenant code or {@code module}
   * @return what to show
   */
  public String sourceName(String code) {
    return "module".equals(code) ? Messages.text("config.module") : labels.tenant(code);
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getModule() {
    return module;
  }

  public void setModule(String module) {
    this.module = module;
  }

  public boolean isDraft() {
    return draft;
  }

  public String getDrl() {
    return drl;
  }

  public void setDrl(String drl) {
    this.drl = drl;
  }

  public boolean isUseTable() {
    return useTable;
  }

  public void setUseTable(boolean useTable) {
    this.useTable = useTable;
  }

  public DecisionTableEditor getTableEditor() {
    return tableEditor;
  }

  public List<RuleRow> getRules() {
    return rules;
  }

  public List<ScenarioRow> getScenarios() {
    return scenarios;
  }

  public List<RuleProblem> getDrlProblems() {
    return drlProblems;
  }

  public List<String> getOtherProblems() {
    return otherProblems;
  }

  public List<Result> getResults() {
    return results;
  }
}
