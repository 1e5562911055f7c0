package org.unionhub.tenant.config;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.unionhub.platform.config.ConfigLayer;
import org.unionhub.platform.config.ConfigLayerJson;
import org.unionhub.platform.config.ConfigProblem;
import org.unionhub.platform.config.ConfigRefusedException;
import org.unionhub.platform.config.ConfigurationAdmin.Change;
import org.unionhub.platform.config.ConfigurationAdmin.VersionInfo;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.rules.RuleEngine;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.sdk.ServiceModuleFactory;

/**
 * Published versions: publishing a draft after every check, rollback to an earlier version (a new
 * version), the list of versions, one version, and what changed between two.
 */
@ApplicationScoped
public class ConfigPublishing {

  @Inject ConfigStore store;
  @Inject TenantDirectory tenants;
  @Inject RuleEngine ruleEngine;

  @Inject ConfigAccess access;
  @Inject EffectiveConfigurations configurations;
  @Inject ConfigDrafts drafts;

  @Resource ManagedExecutorService executor;

  private static final Logger LOG = Logger.getLogger(ConfigPublishing.class.getName());

  /**
   * Publishes the tenant's draft as a new version.
   *
   * @param caller an admin
   * @param tenantCode the tenant
   * @param moduleId the module
   * @param note why, or null
   * @return the new version
   * @throws ConfigRefusedException with every problem when it cannot be published
   */
  public VersionInfo publish(Caller caller, String tenantCode, String moduleId, String note) {
    access.requireAdmin(caller, tenantCode);
    ServiceModuleFactory module = access.module(moduleId);
    configurations.refresh(true);
    ConfigLayer layer = drafts.editable(caller, tenantCode, moduleId).layer();
    return publishLayer(caller.username(), tenantCode, module, layer, note, null, "publish");
  }

  VersionInfo publishLayer(
      String actor,
      String tenantCode,
      ServiceModuleFactory module,
      ConfigLayer layer,
      String note,
      Integer restoredFrom,
      String action) {
    List<ConfigProblem> problems = drafts.publishProblems(tenantCode, module, layer);
    if (!problems.isEmpty()) {
      throw new ConfigRefusedException(problems);
    }
    ConfigVersion version =
        store.publish(
            actor,
            tenantCode,
            module.getId(),
            ConfigLayerJson.write(layer).toString(),
            note,
            restoredFrom,
            action);
    configurations.refresh(true);
    prepareSubtree(tenantCode, module);
    return info(version);
  }

  /**
   * Compiles, in the background, the rule sets of every tenant below a publish, so that no member's
   * submission waits for the compiler. Tenants with the same effective rules share one KieBase, so
   * a large subtree usually compiles a handful.
   */
  void prepareSubtree(String tenantCode, ServiceModuleFactory module) {
    Runnable work =
        () -> {
          for (String code : tenants.subtree(tenantCode)) {
            try {
              ruleEngine.prepare(configurations.effective(code, module).ruleSet());
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "rules of " + code + " did not compile after a publish", e);
            }
          }
        };
    if (executor != null) {
      executor.submit(work);
    }
  }

  static VersionInfo info(ConfigVersion v) {
    return new VersionInfo(
        v.getTenantCode(),
        v.getModule(),
        v.getNumber(),
        v.getId(),
        v.getPublishedAt(),
        v.getPublishedBy(),
        v.getNote(),
        v.getRestoredFrom(),
        v.getDocument());
  }

  /**
   * Republishes an earlier version as the newest one.
   *
   * @param caller an admin
   * @param tenantCode the tenant
   * @param moduleId the module
   * @param number the version to restore
   * @return the new version
   */
  public VersionInfo rollback(Caller caller, String tenantCode, String moduleId, int number) {
    access.requireAdmin(caller, tenantCode);
    ServiceModuleFactory module = access.module(moduleId);
    configurations.refresh(true);
    ConfigVersion old =
        store
            .version(tenantCode, moduleId, number)
            .orElseThrow(() -> new NotVisibleException("version"));
    return publishLayer(
        caller.username(),
        tenantCode,
        module,
        ConfigLayerJson.read(old.getDocument()).layer(),
        ProblemText.of("config.rollback-to-version", number).bilingual(),
        number,
        "rollback");
  }

  /**
   * @param caller an admin
   * @param tenantCode the tenant
   * @param moduleId the module
   * @return every version, newest first
   */
  public List<VersionInfo> versions(Caller caller, String tenantCode, String moduleId) {
    access.requireAdmin(caller, tenantCode);
    access.module(moduleId);
    return store.versions(tenantCode, moduleId).stream().map(ConfigPublishing::info).toList();
  }

  /**
   * @param caller an admin
   * @param tenantCode the tenant
   * @param moduleId the module
   * @param number a version number
   * @return that version
   */
  public VersionInfo version(Caller caller, String tenantCode, String moduleId, int number) {
    access.requireAdmin(caller, tenantCode);
    access.module(moduleId);
    return store
        .version(tenantCode, moduleId, number)
        .map(ConfigPublishing::info)
        .orElseThrow(() -> new NotVisibleException("version"));
  }

  /**
   * A readable diff between a version and another version or the current draft.
   *
   * @param caller an admin
   * @param tenantCode the tenant
   * @param moduleId the module
   * @param number the older version
   * @param against the newer version, or null for the draft (or the latest version without one)
   * @return the changes from {@code number} to {@code against}, by path
   */
  public List<Change> diff(
      Caller caller, String tenantCode, String moduleId, int number, Integer against) {
    VersionInfo from = version(caller, tenantCode, moduleId, number);
    ConfigLayer to =
        against == null
            ? drafts.editable(caller, tenantCode, moduleId).layer()
            : ConfigLayerJson.read(version(caller, tenantCode, moduleId, against).document())
                .layer();
    return diff(ConfigLayerJson.read(from.document()).layer(), to);
  }

  /**
   * @param before a layer
   * @param after another
   * @return what changed, by path
   */
  public static List<Change> diff(ConfigLayer before, ConfigLayer after) {
    Map<String, String> a = ConfigLayerJson.flatten(before);
    Map<String, String> b = ConfigLayerJson.flatten(after);
    var paths = new java.util.TreeSet<String>();
    paths.addAll(a.keySet());
    paths.addAll(b.keySet());
    var changes = new ArrayList<Change>();
    for (String path : paths) {
      String x = a.get(path);
      String y = b.get(path);
      if (x == null) {
        changes.add(new Change(path, "added", null, y));
      } else if (y == null) {
        changes.add(new Change(path, "removed", x, null));
      } else if (!x.equals(y)) {
        changes.add(new Change(path, "changed", x, y));
      }
    }
    return changes;
  }
}
