package org.unionhub.tenant.config;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.unionhub.platform.config.ConfigLayer;
import org.unionhub.platform.config.ConfigLayerJson;
import org.unionhub.platform.config.ConfigProblem;
import org.unionhub.platform.config.ConfigRefusedException;
import org.unionhub.platform.config.ConfigurationAdmin.PushChange;
import org.unionhub.platform.config.ConfigurationAdmin.PushStatus;
import org.unionhub.platform.config.PublishedLayer;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.sdk.ServiceModuleFactory;

/**
 * Push-down: what a push would change below a tenant, and the push itself — a durable job that
 * removes descendants' overrides of the pushed items in batches (optionally locking them first),
 * resumes after a restart and reports the unions it reached.
 */
@ApplicationScoped
public class ConfigPush {

  private static final Logger LOG = Logger.getLogger(ConfigPush.class.getName());

  @Inject ConfigStore store;
  @Inject TenantDirectory tenants;

  @Resource ManagedExecutorService executor;

  @Inject ConfigAccess access;
  @Inject EffectiveConfigurations configurations;
  @Inject ConfigDrafts drafts;
  @Inject ConfigPublishing publishing;

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
    access.requireAdmin(caller, tenantCode);
    access.module(moduleId);
    configurations.refresh(true);
    PublishedLayer own = configurations.layer(tenantCode, moduleId);
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
      PublishedLayer theirs = configurations.layer(t.code(), moduleId);
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
    ServiceModuleFactory module = access.module(moduleId);
    if (lock) {
      PublishedLayer own = configurations.layer(tenantCode, moduleId);
      if (own != null) {
        var locks = new LinkedHashSet<>(own.layer().locks());
        items(own.layer()).stream().filter(i -> !i.startsWith("rules.")).forEach(locks::add);
        if (!locks.equals(own.layer().locks())) {
          ConfigLayer l = own.layer();
          publishing.publishLayer(
              caller.username(),
              tenantCode,
              module,
              new ConfigLayer(l.enabled(), l.settings(), l.form(), l.workflow(), l.rules(), locks),
              ProblemText.of("config.push-with-lock").bilingual(),
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
            ServiceModuleFactory module = access.module(push.module());
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
      configurations.refresh(true);
      PublishedLayer theirs = configurations.layer(tenant, module.getId());
      if (theirs == null) {
        store.markPushed(push.id(), tenant, "reached", null);
        return;
      }
      ConfigLayer layer = without(theirs.layer(), items);
      List<ConfigProblem> problems = drafts.publishProblems(tenant, module, layer);
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
              ProblemText.of("config.pushed-down-by", from).bilingual())
          .isPresent()) {
        configurations.refresh(true);
        publishing.prepareSubtree(tenant, module);
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
    if (!access.mayAdminister(caller, status.tenant())) {
      throw new NotVisibleException("job");
    }
    return status;
  }
}
