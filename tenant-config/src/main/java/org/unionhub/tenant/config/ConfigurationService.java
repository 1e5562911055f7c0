package org.unionhub.tenant.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.function.Predicate;
import org.unionhub.platform.config.ConfigLayer;
import org.unionhub.platform.config.ConfigProblem;
import org.unionhub.platform.config.ConfigurationAdmin;
import org.unionhub.platform.config.EffectiveConfig;
import org.unionhub.platform.config.ScenarioResult;
import org.unionhub.platform.security.Caller;

/**
 * The {@link ConfigurationAdmin} port of the runtime, answered by the classes that do each job:
 *
 * <ul>
 *   <li>{@link EffectiveConfigurations} — effective configurations from memory (also the {@code
 *       ConfigurationSource} requests use);
 *   <li>{@link ConfigAccess} — who may read and change a tenant's configuration;
 *   <li>{@link ConfigDrafts} — reading, drafting and the checks before a publish;
 *   <li>{@link ConfigPublishing} — publish, rollback, versions, diff;
 *   <li>{@link ConfigExchange} — export and import;
 *   <li>{@link ConfigPush} — push-down to descendants as a durable job.
 * </ul>
 */
@ApplicationScoped
public class ConfigurationService implements ConfigurationAdmin {

  /** The format name export files carry. */
  public static final String FORMAT = ConfigExchange.FORMAT;

  @Inject ConfigAccess access;
  @Inject ConfigDrafts drafts;
  @Inject ConfigPublishing publishing;
  @Inject ConfigExchange exchange;
  @Inject ConfigPush pushes;

  @Override
  public boolean mayAdminister(Caller caller, String tenant) {
    return access.mayAdminister(caller, tenant);
  }

  @Override
  public List<EffectiveConfig> effectiveModules(Caller caller, String tenant) {
    return drafts.effectiveModules(caller, tenant);
  }

  @Override
  public EffectiveConfig effective(Caller caller, String tenant, String module) {
    return drafts.effective(caller, tenant, module);
  }

  @Override
  public Editable editable(Caller caller, String tenant, String module) {
    return drafts.editable(caller, tenant, module);
  }

  @Override
  public Editable saveDraft(Caller caller, String tenant, String module, JsonObject layer) {
    return drafts.saveDraft(caller, tenant, module, layer);
  }

  @Override
  public Editable saveDraftChecked(
      Caller caller,
      String tenant,
      String module,
      ConfigLayer layer,
      Predicate<ConfigProblem> blocking) {
    return drafts.saveDraftChecked(caller, tenant, module, layer, blocking);
  }

  @Override
  public void discardDraft(Caller caller, String tenant, String module) {
    drafts.discardDraft(caller, tenant, module);
  }

  @Override
  public VersionInfo publish(Caller caller, String tenant, String module, String note) {
    return publishing.publish(caller, tenant, module, note);
  }

  @Override
  public VersionInfo rollback(Caller caller, String tenant, String module, int number) {
    return publishing.rollback(caller, tenant, module, number);
  }

  @Override
  public List<VersionInfo> versions(Caller caller, String tenant, String module) {
    return publishing.versions(caller, tenant, module);
  }

  @Override
  public VersionInfo version(Caller caller, String tenant, String module, int number) {
    return publishing.version(caller, tenant, module, number);
  }

  @Override
  public List<Change> diff(
      Caller caller, String tenant, String module, int number, Integer against) {
    return publishing.diff(caller, tenant, module, number, against);
  }

  @Override
  public List<PushChange> pushPreview(Caller caller, String tenant, String module) {
    return pushes.pushPreview(caller, tenant, module);
  }

  @Override
  public PushStatus startPush(Caller caller, String tenant, String module, boolean lock) {
    return pushes.startPush(caller, tenant, module, lock);
  }

  @Override
  public PushStatus push(Caller caller, String id) {
    return pushes.push(caller, id);
  }

  @Override
  public List<ScenarioResult> testScenarios(
      Caller caller, String tenant, String module, ConfigLayer.RuleLayer extra) {
    return drafts.testScenarios(caller, tenant, module, extra);
  }

  @Override
  public JsonObject export(Caller caller, String tenant) {
    return exchange.export(caller, tenant);
  }

  @Override
  public List<VersionInfo> importFile(Caller caller, String tenant, JsonObject file) {
    return exchange.importFile(caller, tenant, file);
  }
}
