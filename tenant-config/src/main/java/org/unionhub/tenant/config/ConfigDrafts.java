package org.unionhub.tenant.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.unionhub.platform.config.ConfigLayer;
import org.unionhub.platform.config.ConfigLayerJson;
import org.unionhub.platform.config.ConfigProblem;
import org.unionhub.platform.config.ConfigRefusedException;
import org.unionhub.platform.config.ConfigResolver;
import org.unionhub.platform.config.ConfigurationAdmin.Editable;
import org.unionhub.platform.config.EffectiveConfig;
import org.unionhub.platform.config.PublishedLayer;
import org.unionhub.platform.config.ScenarioResult;
import org.unionhub.platform.module.ModuleRegistry;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.rules.RuleCompilationException;
import org.unionhub.platform.rules.RuleEngine;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.workflow.RequestLifecycle;
import org.unionhub.sdk.ServiceModuleFactory;

/**
 * Reading and editing a tenant's configuration: effective modules, the draft an admin edits with
 * its problems, saving and discarding it, the checks a publish runs (types, bounds, locks, rules,
 * scenarios).
 */
@ApplicationScoped
public class ConfigDrafts {

  @Inject ConfigStore store;
  @Inject ModuleRegistry modules;
  @Inject RequestLifecycle lifecycle;
  @Inject RuleEngine ruleEngine;
  @Inject Clock clock;

  @Inject ConfigAccess access;
  @Inject EffectiveConfigurations configurations;

  /**
   * @param caller the caller
   * @param tenantCode a tenant
   * @return every module's effective configuration for the tenant
   */
  public List<EffectiveConfig> effectiveModules(Caller caller, String tenantCode) {
    access.requireRead(caller, tenantCode);
    configurations.refresh(false);
    return modules.all().stream().map(m -> configurations.effective(tenantCode, m)).toList();
  }

  /**
   * @param caller the caller
   * @param tenantCode a tenant
   * @param moduleId a module
   * @return the module's effective configuration for the tenant
   */
  public EffectiveConfig effective(Caller caller, String tenantCode, String moduleId) {
    access.requireRead(caller, tenantCode);
    configurations.refresh(false);
    return configurations.effective(tenantCode, access.module(moduleId));
  }

  /**
   * @param caller an admin of the tenant
   * @param tenantCode the tenant
   * @param moduleId the module
   * @return what the admin edits
   */
  public Editable editable(Caller caller, String tenantCode, String moduleId) {
    access.requireAdmin(caller, tenantCode);
    configurations.refresh(false);
    ServiceModuleFactory module = access.module(moduleId);
    PublishedLayer published = configurations.layer(tenantCode, moduleId);
    Optional<ConfigDraft> draft = store.draft(tenantCode, moduleId);
    ConfigLayer layer =
        draft
            .map(d -> ConfigLayerJson.read(d.getDocument()).layer())
            .orElse(published == null ? ConfigLayer.EMPTY : published.layer());
    return new Editable(
        tenantCode,
        draft.isPresent(),
        published == null ? 0 : published.number(),
        layer,
        check(tenantCode, module, layer));
  }

  /** Checks a candidate layer of a tenant against its ancestors' layers in force. */
  ConfigResolver.Resolution check(
      String tenantCode, ServiceModuleFactory module, ConfigLayer layer) {
    var ancestors = new ArrayList<PublishedLayer>();
    for (String code : configurations.chain(tenantCode)) {
      if (!code.equals(tenantCode)) {
        PublishedLayer l = configurations.layer(code, module.getId());
        if (l != null) {
          ancestors.add(l);
        }
      }
    }
    return lifecycle
        .resolver()
        .check(
            tenantCode,
            module.descriptor(),
            lifecycle.defaultRules(module),
            ancestors,
            layer,
            access::tenantLabel);
  }

  /**
   * Saves a draft. Malformed JSON is refused and nothing is saved; a well-formed draft is saved
   * even when it would not publish yet, and its problems come back with it.
   *
   * @param caller an admin of the tenant
   * @param tenantCode the tenant
   * @param moduleId the module
   * @param document the layer as JSON
   * @return the saved draft and its check
   */
  public Editable saveDraft(
      Caller caller, String tenantCode, String moduleId, JsonObject document) {
    access.requireAdmin(caller, tenantCode);
    ServiceModuleFactory module = access.module(moduleId);
    ConfigLayerJson.Read read = ConfigLayerJson.read(document);
    if (!read.problems().isEmpty()) {
      throw new ConfigRefusedException(read.problems());
    }
    store.saveDraft(
        caller.username(), tenantCode, moduleId, ConfigLayerJson.write(read.layer()).toString());
    return editable(caller, tenantCode, moduleId);
  }

  /**
   * Saves a layer as the draft unless it has problems of a kind that must be fixed first.
   *
   * @param caller an admin
   * @param tenantCode the tenant
   * @param moduleId the module
   * @param layer the layer
   * @param blocking which problems refuse the save
   * @return the saved draft and its check
   * @throws ConfigRefusedException with the blocking problems; nothing is saved then
   */
  public Editable saveDraftChecked(
      Caller caller,
      String tenantCode,
      String moduleId,
      ConfigLayer layer,
      java.util.function.Predicate<ConfigProblem> blocking) {
    access.requireAdmin(caller, tenantCode);
    ServiceModuleFactory module = access.module(moduleId);
    List<ConfigProblem> problems =
        check(tenantCode, module, layer).problems().stream().filter(blocking).toList();
    if (!problems.isEmpty()) {
      throw new ConfigRefusedException(problems);
    }
    store.saveDraft(
        caller.username(), tenantCode, moduleId, ConfigLayerJson.write(layer).toString());
    return editable(caller, tenantCode, moduleId);
  }

  /**
   * Throws the draft away; editing starts again from the published version.
   *
   * @param caller an admin
   * @param tenantCode the tenant
   * @param moduleId the module
   */
  public void discardDraft(Caller caller, String tenantCode, String moduleId) {
    access.requireAdmin(caller, tenantCode);
    access.module(moduleId);
    store.discardDraft(caller.username(), tenantCode, moduleId);
  }

  /**
   * Every problem that keeps a layer from being published: types, bounds, locks, rule text, rule
   * compilation and every scenario of the resulting rule set.
   *
   * @param tenantCode the tenant
   * @param module the module
   * @param layer the candidate layer
   * @return the problems, empty when it may be published
   */
  public List<ConfigProblem> publishProblems(
      String tenantCode, ServiceModuleFactory module, ConfigLayer layer) {
    ConfigResolver.Resolution resolution = check(tenantCode, module, layer);
    var problems = new ArrayList<>(resolution.problems());
    if (problems.stream().anyMatch(p -> p.path().startsWith("rules"))) {
      return problems;
    }
    try {
      ruleEngine.prepare(resolution.config().ruleSet());
    } catch (RuleCompilationException e) {
      e.problems()
          .forEach(
              p ->
                  problems.add(
                      new ConfigProblem(
                          "rules.drl",
                          "RULE_ERROR",
                          p.message(),
                          p.line() > 1 ? p.line() - 1 : null,
                          p.column() > 0 ? p.column() : null)));
      return problems;
    }
    for (ScenarioResult result :
        lifecycle.runScenarios(module, resolution.config(), LocalDate.now(clock))) {
      if (!result.passed()) {
        problems.add(
            ConfigProblem.of(
                "rules.scenarios",
                "SCENARIO_FAILED",
                ProblemText.of(
                    "config.scenario-failed", result.name(), result.source(), result.detail())));
      }
    }
    return problems;
  }

  /**
   * Runs the scenarios of a tenant's draft (or published layer) on demand.
   *
   * @param caller an admin
   * @param tenantCode the tenant
   * @param moduleId the module
   * @param extra scenarios given with the request, run after the others, or an empty layer
   * @return one result per scenario
   */
  public List<ScenarioResult> testScenarios(
      Caller caller, String tenantCode, String moduleId, ConfigLayer.RuleLayer extra) {
    Editable editable = editable(caller, tenantCode, moduleId);
    ServiceModuleFactory module = access.module(moduleId);
    ConfigLayer layer = editable.layer();
    if (!extra.isEmpty()) {
      layer = layer.withRules(extra);
    }
    ConfigResolver.Resolution resolution = check(tenantCode, module, layer);
    if (resolution.problems().stream().anyMatch(p -> p.path().startsWith("rules"))) {
      throw new ConfigRefusedException(
          resolution.problems().stream().filter(p -> p.path().startsWith("rules")).toList());
    }
    return lifecycle.runScenarios(module, resolution.config(), LocalDate.now(clock));
  }
}
