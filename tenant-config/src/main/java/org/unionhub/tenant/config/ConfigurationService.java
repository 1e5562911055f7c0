package org.unionhub.tenant.config;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.unionhub.platform.config.ConfigLayer;
import org.unionhub.platform.config.ConfigLayerJson;
import org.unionhub.platform.config.ConfigProblem;
import org.unionhub.platform.config.ConfigRefusedException;
import org.unionhub.platform.config.ConfigResolver;
import org.unionhub.platform.config.ConfigurationAdmin;
import org.unionhub.platform.config.ConfigurationSource;
import org.unionhub.platform.config.EffectiveConfig;
import org.unionhub.platform.config.PublishedLayer;
import org.unionhub.platform.config.ScenarioResult;
import org.unionhub.platform.module.ModuleRegistry;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.rules.RuleCompilationException;
import org.unionhub.platform.rules.RuleEngine;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.platform.tenancy.Visibility;
import org.unionhub.platform.workflow.RequestLifecycle;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.ServiceModuleFactory;

/**
 * Inherited, versioned configuration: effective configurations served from memory, drafts,
 * validated publishing, rollback, diff, export and import, and push-down to descendants.
 *
 * <p>The published layers in force are held in memory and refreshed from the database at most once
 * a second (a cheap {@code max(id)} query), so a version published on another node takes effect
 * here within about a second. An effective configuration is cached per tenant and module together
 * with the layers it was resolved from; a lookup checks those few layers are still the ones in
 * force, so a publish anywhere above a tenant takes effect on its next lookup without a sweep of
 * the cache.
 */
@ApplicationScoped
public class ConfigurationService implements ConfigurationSource, ConfigurationAdmin {

  private static final Logger LOG = Logger.getLogger(ConfigurationService.class.getName());
  private static final long REFRESH_NANOS = 1_000_000_000L;

  @Inject ConfigStore store;
  @Inject TenantDirectory tenants;
  @Inject ModuleRegistry modules;
  @Inject RequestLifecycle lifecycle;
  @Inject RuleEngine ruleEngine;
  @Inject Visibility visibility;
  @Inject Clock clock;

  @Resource ManagedExecutorService executor;

  /** The layers in force and the effective configurations resolved from them. */
  private final EffectiveConfigCache configs = new EffectiveConfigCache();

  private volatile int seenMaxId = -1;
  private volatile long lastCheck;

  // ---------------------------------------------------------------- effective configuration

  @Override
  public Optional<EffectiveConfig> effective(String tenantCode, String moduleId) {
    Optional<ServiceModuleFactory> module = modules.find(moduleId);
    if (module.isEmpty() || tenants.find(tenantCode).isEmpty()) {
      return Optional.empty();
    }
    refresh(false);
    return Optional.of(effective(tenantCode, module.get()));
  }

  private EffectiveConfig effective(String tenantCode, ServiceModuleFactory module) {
    return configs.effective(
        tenantCode,
        module.getId(),
        chain(tenantCode),
        (tenant, layers) ->
            lifecycle
                .resolver()
                .resolve(tenant, module.descriptor(), lifecycle.defaultRules(module), layers));
  }

  /** The tenant's ancestors and itself, root first. */
  List<String> chain(String tenantCode) {
    return EffectiveConfigCache.chain(tenantCode, tenants);
  }

  /**
   * Brings the layers in force up to date with the database.
   *
   * @param force check now rather than at most once a second
   */
  public void refresh(boolean force) {
    long now = System.nanoTime();
    if (!force && seenMaxId >= 0 && now - lastCheck < REFRESH_NANOS) {
      return;
    }
    synchronized (this) {
      if (!force && seenMaxId >= 0 && System.nanoTime() - lastCheck < REFRESH_NANOS) {
        return;
      }
      lastCheck = System.nanoTime();
      int max = store.maxVersionId();
      if (max == seenMaxId) {
        return;
      }
      for (ConfigVersion v : store.publishedAfter(seenMaxId)) {
        configs.offer(
            v.getModule(),
            new PublishedLayer(
                v.getTenantCode(),
                v.getNumber(),
                v.getId(),
                ConfigLayerJson.read(v.getDocument()).layer()));
      }
      seenMaxId = max;
    }
  }

  // ---------------------------------------------------------------- who may do what

  /**
   * @param caller the caller
   * @param tenantCode a tenant
   * @return whether the caller may read the tenant's configuration
   */
  public boolean mayRead(Caller caller, String tenantCode) {
    Optional<TenantView> tenant = tenants.find(tenantCode);
    if (tenant.isEmpty()) {
      return false;
    }
    if (caller.isUnionOfficer()) {
      return visibility.requestScope(caller).contains(tenantCode);
    }
    return tenant.get().active();
  }

  /**
   * @param caller the caller
   * @param tenantCode a tenant
   * @return whether the caller administers the tenant (an admin of it or an ancestor)
   */
  public boolean mayAdminister(Caller caller, String tenantCode) {
    if (tenants.find(tenantCode).isEmpty()) {
      return false;
    }
    if (caller.hasRole(Role.PLATFORM_ADMIN)) {
      return true;
    }
    return caller.hasRole(Role.TENANT_ADMIN)
        && visibility.requestScope(caller).contains(tenantCode);
  }

  private void requireRead(Caller caller, String tenantCode) {
    if (!mayRead(caller, tenantCode)) {
      throw new NotVisibleException("tenant");
    }
  }

  private void requireAdmin(Caller caller, String tenantCode) {
    requireRead(caller, tenantCode);
    if (!mayAdminister(caller, tenantCode)) {
      throw new NotAllowedException("only tenant admins of this union or above may change it");
    }
  }

  private ServiceModuleFactory module(String moduleId) {
    return modules.find(moduleId).orElseThrow(() -> new NotVisibleException("module"));
  }

  // ---------------------------------------------------------------- reading

  /**
   * @param caller the caller
   * @param tenantCode a tenant
   * @return every module's effective configuration for the tenant
   */
  public List<EffectiveConfig> effectiveModules(Caller caller, String tenantCode) {
    requireRead(caller, tenantCode);
    refresh(false);
    return modules.all().stream().map(m -> effective(tenantCode, m)).toList();
  }

  /**
   * @param caller the caller
   * @param tenantCode a tenant
   * @param moduleId a module
   * @return the module's effective configuration for the tenant
   */
  public EffectiveConfig effective(Caller caller, String tenantCode, String moduleId) {
    requireRead(caller, tenantCode);
    refresh(false);
    return effective(tenantCode, module(moduleId));
  }

  /**
   * @param caller an admin of the tenant
   * @param tenantCode the tenant
   * @param moduleId the module
   * @return what the admin edits
   */
  public Editable editable(Caller caller, String tenantCode, String moduleId) {
    requireAdmin(caller, tenantCode);
    refresh(false);
    ServiceModuleFactory module = module(moduleId);
    PublishedLayer published = configs.layer(tenantCode, moduleId);
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
  private ConfigResolver.Resolution check(
      String tenantCode, ServiceModuleFactory module, ConfigLayer layer) {
    var ancestors = new ArrayList<PublishedLayer>();
    for (String code : chain(tenantCode)) {
      if (!code.equals(tenantCode)) {
        PublishedLayer l = configs.layer(code, module.getId());
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
            this::tenantLabel);
  }

  /** A union as problems name it: "广东省总工会 (gd)", or the code alone if it is unknown. */
  private String tenantLabel(String code) {
    return tenants.find(code).map(t -> t.name() + " (" + code + ")").orElse(code);
  }

  // ---------------------------------------------------------------- editing and publishing

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
    requireAdmin(caller, tenantCode);
    ServiceModuleFactory module = module(moduleId);
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
    requireAdmin(caller, tenantCode);
    ServiceModuleFactory module = module(moduleId);
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
    requireAdmin(caller, tenantCode);
    module(moduleId);
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
                "场景“"
                    + result.name()
                    + "”（"
                    + result.source()
                    + "）未通过 (scenario '"
                    + result.name()
                    + "' of "
                    + result.source()
                    + " failed): "
                    + result.detail()));
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
    ServiceModuleFactory module = module(moduleId);
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
    requireAdmin(caller, tenantCode);
    ServiceModuleFactory module = module(moduleId);
    refresh(true);
    ConfigLayer layer = editable(caller, tenantCode, moduleId).layer();
    return publishLayer(caller.username(), tenantCode, module, layer, note, null, "publish");
  }

  private VersionInfo publishLayer(
      String actor,
      String tenantCode,
      ServiceModuleFactory module,
      ConfigLayer layer,
      String note,
      Integer restoredFrom,
      String action) {
    List<ConfigProblem> problems = publishProblems(tenantCode, module, layer);
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
    refresh(true);
    prepareSubtree(tenantCode, module);
    return info(version);
  }

  /**
   * Compiles, in the background, the rule sets of every tenant below a publish, so that no member's
   * submission waits for the compiler. Tenants with the same effective rules share one KieBase, so
   * a large subtree usually compiles a handful.
   */
  private void prepareSubtree(String tenantCode, ServiceModuleFactory module) {
    Runnable work =
        () -> {
          for (String code : tenants.subtree(tenantCode)) {
            try {
              ruleEngine.prepare(effective(code, module).ruleSet());
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
    requireAdmin(caller, tenantCode);
    ServiceModuleFactory module = module(moduleId);
    refresh(true);
    ConfigVersion old =
        store
            .version(tenantCode, moduleId, number)
            .orElseThrow(() -> new NotVisibleException("version"));
    return publishLayer(
        caller.username(),
        tenantCode,
        module,
        ConfigLayerJson.read(old.getDocument()).layer(),
        "回滚到第 " + number + " 版 (rollback to version " + number + ")",
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
    requireAdmin(caller, tenantCode);
    module(moduleId);
    return store.versions(tenantCode, moduleId).stream().map(ConfigurationService::info).toList();
  }

  /**
   * @param caller an admin
   * @param tenantCode the tenant
   * @param moduleId the module
   * @param number a version number
   * @return that version
   */
  public VersionInfo version(Caller caller, String tenantCode, String moduleId, int number) {
    requireAdmin(caller, tenantCode);
    module(moduleId);
    return store
        .version(tenantCode, moduleId, number)
        .map(ConfigurationService::info)
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
            ? editable(caller, tenantCode, moduleId).layer()
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

  // ---------------------------------------------------------------- export and import

  /** The format name export files carry. */
  public static final String FORMAT = "unionhub-configuration/1";

  /**
   * A tenant's published configuration of every module, as a file another tenant can import.
   *
   * @param caller an admin
   * @param tenantCode the tenant
   * @return the export document
   */
  public JsonObject export(Caller caller, String tenantCode) {
    requireAdmin(caller, tenantCode);
    refresh(true);
    var moduleLayers = Json.createObjectBuilder();
    for (ServiceModuleFactory m : modules.all()) {
      PublishedLayer layer = configs.layer(tenantCode, m.getId());
      if (layer != null) {
        moduleLayers.add(m.getId(), ConfigLayerJson.write(layer.layer()));
      }
    }
    return Json.createObjectBuilder()
        .add("format", FORMAT)
        .add("tenant", tenantCode)
        .add("exportedAt", clock.instant().toString())
        .add("modules", moduleLayers)
        .build();
  }

  /**
   * Imports an export file into a tenant: every module's layer is checked as publishing checks it,
   * every problem of every module is reported at once, and only when there is none is each
   * published as a new version.
   *
   * @param caller an admin of the target tenant
   * @param tenantCode the target tenant
   * @param file the export document
   * @return the versions published
   */
  public List<VersionInfo> importFile(Caller caller, String tenantCode, JsonObject file) {
    requireAdmin(caller, tenantCode);
    refresh(true);
    var problems = new ArrayList<ConfigProblem>();
    if (!FORMAT.equals(file.getString("format", null))) {
      problems.add(
          ConfigProblem.of(
              "format", "UNKNOWN_FORMAT", "不是 UnionHub 配置文件 (not a UnionHub configuration file)"));
    }
    JsonValue list = file.get("modules");
    var layers = new LinkedHashMap<ServiceModuleFactory, ConfigLayer>();
    if (!(list instanceof JsonObject byModule)) {
      problems.add(ConfigProblem.of("modules", "REQUIRED", "缺少模块配置 (no module configuration)"));
    } else {
      for (var entry : byModule.entrySet()) {
        String prefix = "modules." + entry.getKey() + ".";
        Optional<ServiceModuleFactory> module = modules.find(entry.getKey());
        if (module.isEmpty()) {
          problems.add(
              ConfigProblem.of(
                  "modules." + entry.getKey(), "UNKNOWN_MODULE", "平台没有此模块 (no such module here)"));
          continue;
        }
        if (!(entry.getValue() instanceof JsonObject json)) {
          problems.add(
              ConfigProblem.of(
                  "modules." + entry.getKey(),
                  "NOT_AN_OBJECT",
                  "应为 JSON 对象 (must be a JSON object)"));
          continue;
        }
        ConfigLayerJson.Read read = ConfigLayerJson.read(json);
        read.problems().forEach(p -> problems.add(prefixed(prefix, p)));
        publishProblems(tenantCode, module.get(), read.layer())
            .forEach(p -> problems.add(prefixed(prefix, p)));
        layers.put(module.get(), read.layer());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigRefusedException(problems);
    }
    String from = file.getString("tenant", "?");
    var published = new ArrayList<VersionInfo>();
    layers.forEach(
        (module, layer) ->
            published.add(
                publishLayer(
                    caller.username(),
                    tenantCode,
                    module,
                    layer,
                    "从 " + from + " 导入 (imported from " + from + ")",
                    null,
                    "import")));
    return published;
  }

  private static ConfigProblem prefixed(String prefix, ConfigProblem p) {
    return new ConfigProblem(prefix + p.path(), p.code(), p.message(), p.line(), p.column());
  }

  // ---------------------------------------------------------------- push-down

  /**
   * Which descendants a push of the tenant's published configuration would change: those whose own
   * layers override an item the tenant sets.
   *
   * @param caller an admin
   * @param tenantCode the tenant pushing
   * @param moduleId the module
   * @return the descendants that change, parents first
   */
  public List<PushChange> pushPreview(Caller caller, String tenantCode, String moduleId) {
    requireAdmin(caller, tenantCode);
    module(moduleId);
    refresh(true);
    PublishedLayer own = configs.layer(tenantCode, moduleId);
    if (own == null) {
      return List.of();
    }
    Set<String> pushed = items(own.layer());
    Set<String> subtree = tenants.subtree(tenantCode);
    var changes = new ArrayList<PushChange>();
    for (TenantView t : tenants.all()) {
      if (t.code().equals(tenantCode) || !subtree.contains(t.code())) {
        continue;
      }
      PublishedLayer theirs = configs.layer(t.code(), moduleId);
      if (theirs == null) {
        continue;
      }
      var overlap = new ArrayList<>(items(theirs.layer()));
      overlap.retainAll(pushed);
      if (!overlap.isEmpty()) {
        changes.add(new PushChange(t.code(), List.copyOf(overlap)));
      }
    }
    return changes;
  }

  /** The items a layer sets, as paths: what a push hands down and what it clears below. */
  static Set<String> items(ConfigLayer layer) {
    var items = new LinkedHashSet<String>();
    if (layer.enabled() != null) {
      items.add("enabled");
    }
    layer.settings().keySet().forEach(k -> items.add("settings." + k));
    layer.form().keySet().forEach(k -> items.add("form." + k));
    layer.workflow().keySet().forEach(k -> items.add("workflow." + k));
    layer.rules().disable().forEach(k -> items.add("rules.disable." + k));
    return items;
  }

  /** A layer without the given items. */
  static ConfigLayer without(ConfigLayer layer, Collection<String> items) {
    var settings = new LinkedHashMap<>(layer.settings());
    var form = new LinkedHashMap<>(layer.form());
    var workflow = new LinkedHashMap<>(layer.workflow());
    var disable = new ArrayList<>(layer.rules().disable());
    for (String item : items) {
      if (item.startsWith("settings.")) {
        settings.remove(item.substring(9));
      } else if (item.startsWith("form.")) {
        form.remove(item.substring(5));
      } else if (item.startsWith("workflow.")) {
        workflow.remove(item.substring(9));
      } else if (item.startsWith("rules.disable.")) {
        disable.remove(item.substring(14));
      }
    }
    var rules = layer.rules();
    return new ConfigLayer(
        items.contains("enabled") ? null : layer.enabled(),
        settings,
        form,
        workflow,
        new ConfigLayer.RuleLayer(rules.drl(), rules.decisionTable(), disable, rules.scenarios()),
        layer.locks());
  }

  /**
   * Pushes the tenant's published configuration down: every descendant that overrides an item the
   * tenant sets gets a new version without that override, so that it inherits the tenant's value.
   * With {@code lock}, the tenant first publishes a version locking those items, so that no
   * descendant can override them again. The job and its descendants are rows written before the
   * first descendant changes; it runs in the background, one descendant per transaction, and
   * resumes after a restart (ADR 13); {@link #push(String)} reports progress.
   *
   * @param caller an admin
   * @param tenantCode the tenant pushing
   * @param moduleId the module
   * @param lock whether to lock the pushed items
   * @return the job's status
   */
  public PushStatus startPush(Caller caller, String tenantCode, String moduleId, boolean lock) {
    List<PushChange> changes = pushPreview(caller, tenantCode, moduleId);
    ServiceModuleFactory module = module(moduleId);
    if (lock) {
      PublishedLayer own = configs.layer(tenantCode, moduleId);
      if (own != null) {
        var locks = new LinkedHashSet<>(own.layer().locks());
        items(own.layer()).stream().filter(i -> !i.startsWith("rules.")).forEach(locks::add);
        if (!locks.equals(own.layer().locks())) {
          ConfigLayer l = own.layer();
          publishLayer(
              caller.username(),
              tenantCode,
              module,
              new ConfigLayer(l.enabled(), l.settings(), l.form(), l.workflow(), l.rules(), locks),
              "下推并锁定 (push with lock)",
              null,
              "push");
        }
      }
    }
    var targets = new LinkedHashMap<String, List<String>>();
    changes.forEach(c -> targets.put(c.tenant(), c.items()));
    String job = store.createPushJob(caller.username(), tenantCode, moduleId, targets);
    run(job);
    return push(job);
  }

  /**
   * Resumes the push jobs a crash cut short: called once a node is ready. Each descendant is
   * handled at most once however many nodes resume the same job (ConfigStore#publishPushed).
   */
  public void resumePushes() {
    for (String job : store.runningPushJobs()) {
      LOG.info("resuming push " + job);
      run(job);
    }
  }

  /** Works through a job's descendants not yet handled, in the background when it can. */
  private void run(String job) {
    Runnable work =
        () -> {
          try {
            ConfigStore.StoredPush push = store.pushJob(job).orElseThrow();
            ServiceModuleFactory module = module(push.module());
            for (var target : push.pending().entrySet()) {
              pushOne(push, module, target.getKey(), target.getValue());
            }
            store.finishPush(job, false);
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "push " + job + " stopped", e);
            store.finishPush(job, true);
          }
        };
    if (executor != null) {
      executor.submit(work);
    } else {
      work.run();
    }
  }

  private void pushOne(
      ConfigStore.StoredPush push, ServiceModuleFactory module, String tenant, List<String> items) {
    try {
      refresh(true);
      PublishedLayer theirs = configs.layer(tenant, module.getId());
      if (theirs == null) {
        store.markPushed(push.id(), tenant, "reached", null);
        return;
      }
      ConfigLayer layer = without(theirs.layer(), items);
      List<ConfigProblem> problems = publishProblems(tenant, module, layer);
      if (!problems.isEmpty()) {
        throw new ConfigRefusedException(problems);
      }
      String from = push.tenant();
      if (store
          .publishPushed(
              push.id(),
              push.actor(),
              tenant,
              module.getId(),
              ConfigLayerJson.write(layer).toString(),
              "由 " + from + " 下推 (pushed down by " + from + ")")
          .isPresent()) {
        refresh(true);
        prepareSubtree(tenant, module);
      }
    } catch (ConfigRefusedException e) {
      store.markPushed(
          push.id(),
          tenant,
          "failed",
          e.problems().stream()
              .map(ConfigProblem::message)
              .reduce((a, b) -> a + "; " + b)
              .orElse(""));
    }
  }

  /**
   * @param id a push job's id
   * @return its status
   */
  public PushStatus push(String id) {
    return store.pushStatus(id).orElseThrow(() -> new NotVisibleException("job"));
  }

  /**
   * @param caller the caller
   * @param id a push job's id
   * @return its status, when the caller administers the tenant that pushed
   */
  public PushStatus push(Caller caller, String id) {
    PushStatus status = push(id);
    if (!mayAdminister(caller, status.tenant())) {
      throw new NotVisibleException("job");
    }
    return status;
  }

  /**
   * @return how many effective configurations are cached
   */
  public int cachedConfigurations() {
    return configs.cachedConfigurations();
  }
}
