package org.unionhub.tenant.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.unionhub.platform.audit.AuditTrail;
import org.unionhub.platform.config.ConfigurationAdmin;

/** Reads and writes drafts and versions; every write is audited in the same transaction. */
@ApplicationScoped
public class ConfigStore {

  private static final Logger LOG = Logger.getLogger(ConfigStore.class.getName());

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Inject Clock clock;
  @Inject Instance<AuditTrail> audit;

  /**
   * @param tenant a tenant
   * @param module a module
   * @return its draft, if any
   */
  @Transactional
  public Optional<ConfigDraft> draft(String tenant, String module) {
    return Optional.ofNullable(em.find(ConfigDraft.class, new ConfigDraft.Key(tenant, module)));
  }

  /**
   * Saves a draft.
   *
   * @param actor who edits
   * @param tenant the tenant
   * @param module the module
   * @param document the layer JSON
   * @return the saved draft
   */
  @Transactional
  public ConfigDraft saveDraft(String actor, String tenant, String module, String document) {
    ConfigDraft draft = em.find(ConfigDraft.class, new ConfigDraft.Key(tenant, module));
    String before = null;
    if (draft == null) {
      draft = new ConfigDraft(tenant, module);
      draft.edit(document, actor, clock.instant());
      em.persist(draft);
    } else {
      before = draft.getDocument();
      draft.edit(document, actor, clock.instant());
    }
    record(actor, tenant, "config:" + module, "draft", before, document);
    em.flush();
    return draft;
  }

  /**
   * Throws a draft away.
   *
   * @param actor who
   * @param tenant the tenant
   * @param module the module
   * @return whether there was one
   */
  @Transactional
  public boolean discardDraft(String actor, String tenant, String module) {
    ConfigDraft draft = em.find(ConfigDraft.class, new ConfigDraft.Key(tenant, module));
    if (draft == null) {
      return false;
    }
    record(actor, tenant, "config:" + module, "discard-draft", draft.getDocument(), null);
    em.remove(draft);
    return true;
  }

  /**
   * Writes a new version and removes the draft it came from.
   *
   * @param actor who publishes
   * @param tenant the tenant
   * @param module the module
   * @param document the layer JSON
   * @param note why, or null
   * @param restoredFrom the version number this one restores, or null
   * @param action the audit action: publish, rollback, import or push
   * @return the new version
   */
  @Transactional
  public ConfigVersion publish(
      String actor,
      String tenant,
      String module,
      String document,
      String note,
      Integer restoredFrom,
      String action) {
    ConfigVersion previous = latest(tenant, module).orElse(null);
    int number = previous == null ? 1 : previous.getNumber() + 1;
    var version =
        new ConfigVersion(
            tenant, module, number, document, clock.instant(), actor, note, restoredFrom);
    em.persist(version);
    ConfigDraft draft = em.find(ConfigDraft.class, new ConfigDraft.Key(tenant, module));
    if (draft != null) {
      em.remove(draft);
    }
    record(
        actor,
        tenant,
        "config:" + module,
        action,
        previous == null ? null : previous.getDocument(),
        document);
    em.flush();
    return version;
  }

  /**
   * @param tenant a tenant
   * @param module a module
   * @return its latest version
   */
  @Transactional
  public Optional<ConfigVersion> latest(String tenant, String module) {
    return em.createQuery(
            "select v from ConfigVersion v where v.tenantCode = :t and v.module = :m"
                + " order by v.number desc",
            ConfigVersion.class)
        .setParameter("t", tenant)
        .setParameter("m", module)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /**
   * @param tenant a tenant
   * @param module a module
   * @return every version, newest first
   */
  @Transactional
  public List<ConfigVersion> versions(String tenant, String module) {
    return em.createQuery(
            "select v from ConfigVersion v where v.tenantCode = :t and v.module = :m"
                + " order by v.number desc",
            ConfigVersion.class)
        .setParameter("t", tenant)
        .setParameter("m", module)
        .getResultList();
  }

  /**
   * @param tenant a tenant
   * @param module a module
   * @param number a version number
   * @return that version
   */
  @Transactional
  public Optional<ConfigVersion> version(String tenant, String module, int number) {
    return em.createQuery(
            "select v from ConfigVersion v where v.tenantCode = :t and v.module = :m"
                + " and v.number = :n",
            ConfigVersion.class)
        .setParameter("t", tenant)
        .setParameter("m", module)
        .setParameter("n", number)
        .getResultStream()
        .findFirst();
  }

  /**
   * The newest change to published configuration. Versions are numbered in commit order by the
   * database ({@code change_seq}, changelog 0025), unlike their ids, which are taken at insert: a
   * version with a lower id may commit after one with a higher id.
   *
   * @return the highest change number, 0 when nothing was published since changelog 0025
   */
  @Transactional
  public long lastChange() {
    Long max =
        em.createQuery("select max(v.changeSeq) from ConfigVersion v", Long.class)
            .getSingleResult();
    return max == null ? 0 : max;
  }

  /**
   * @param afterChange a change number from {@link #lastChange()}, or a negative one for everything
   * @return when negative, the latest version of each tenant and module; otherwise every version
   *     with a higher change number; oldest first
   */
  @Transactional
  public List<ConfigVersion> publishedAfter(long afterChange) {
    if (afterChange < 0) {
      return em.createQuery(
              "select v from ConfigVersion v where v.number = (select max(w.number) from"
                  + " ConfigVersion w where w.tenantCode = v.tenantCode and w.module = v.module)"
                  + " order by v.id",
              ConfigVersion.class)
          .getResultList();
    }
    return em.createQuery(
            "select v from ConfigVersion v where v.changeSeq > :seq order by v.changeSeq",
            ConfigVersion.class)
        .setParameter("seq", afterChange)
        .getResultList();
  }

  // ---------------------------------------------------------------- push jobs (ADR 13)

  /**
   * Writes a push job and every descendant it is to change, before the first of them changes.
   *
   * @param actor who pushes
   * @param tenant the tenant pushing
   * @param module the module
   * @param targets each descendant with the items of its layer the push removes
   * @return the job's id
   */
  @Transactional
  public String createPushJob(
      String actor, String tenant, String module, Map<String, List<String>> targets) {
    String id = UUID.randomUUID().toString();
    em.createNativeQuery(
            "INSERT INTO config_push_job (id, tenant_code, module, actor, total, state,"
                + " started_at) VALUES (?1, ?2, ?3, ?4, ?5, 'running', now())")
        .setParameter(1, id)
        .setParameter(2, tenant)
        .setParameter(3, module)
        .setParameter(4, actor)
        .setParameter(5, targets.size())
        .executeUpdate();
    for (var target : targets.entrySet()) {
      em.createNativeQuery(
              "INSERT INTO config_push_target (job_id, tenant_code, items) VALUES (?1, ?2, ?3)")
          .setParameter(1, id)
          .setParameter(2, target.getKey())
          .setParameter(3, String.join("\n", target.getValue()))
          .executeUpdate();
    }
    return id;
  }

  /**
   * Publishes a pushed descendant's new version and marks the descendant reached, in one
   * transaction; does nothing when the job has reached it already (another node resuming the same
   * job waits for this row and then skips it).
   *
   * @return the new version, or empty when the descendant was handled before
   */
  @Transactional
  public Optional<ConfigVersion> publishPushed(
      String job, String actor, String tenant, String module, String document, String note) {
    List<?> outcome =
        em.createNativeQuery(
                "SELECT outcome FROM config_push_target WHERE job_id = ?1 AND tenant_code = ?2"
                    + " FOR UPDATE")
            .setParameter(1, job)
            .setParameter(2, tenant)
            .getResultList();
    if (outcome.isEmpty() || outcome.get(0) != null) {
      return Optional.empty();
    }
    ConfigVersion version = publish(actor, tenant, module, document, note, null, "push");
    em.createNativeQuery(
            "UPDATE config_push_target SET outcome = 'reached', version = ?3"
                + " WHERE job_id = ?1 AND tenant_code = ?2")
        .setParameter(1, job)
        .setParameter(2, tenant)
        .setParameter(3, version.getNumber())
        .executeUpdate();
    return Optional.of(version);
  }

  /**
   * Marks a descendant handled without a new version: {@code reached} when it no longer had a layer
   * to change, {@code failed} with why when its new layer was refused.
   */
  @Transactional
  public void markPushed(String job, String tenant, String outcome, String failure) {
    em.createNativeQuery(
            "UPDATE config_push_target SET outcome = ?3, failure = ?4"
                + " WHERE job_id = ?1 AND tenant_code = ?2 AND outcome IS NULL")
        .setParameter(1, job)
        .setParameter(2, tenant)
        .setParameter(3, outcome)
        .setParameter(
            4, failure == null ? null : failure.substring(0, Math.min(2000, failure.length())))
        .executeUpdate();
  }

  /**
   * Ends a job: {@code done}, or {@code failed} when a descendant failed or {@code stopped} is
   * given.
   */
  @Transactional
  public void finishPush(String job, boolean stopped) {
    em.createNativeQuery(
            "UPDATE config_push_job SET finished_at = now(), state = CASE WHEN ?2 OR EXISTS"
                + " (SELECT 1 FROM config_push_target t WHERE t.job_id = ?1 AND t.outcome ="
                + " 'failed') THEN 'failed' ELSE 'done' END WHERE id = ?1 AND state = 'running'")
        .setParameter(1, job)
        .setParameter(2, stopped)
        .executeUpdate();
  }

  /** A push job as stored: who pushed what from where, and its descendants still to handle. */
  public record StoredPush(
      String id, String tenant, String module, String actor, Map<String, List<String>> pending) {}

  /**
   * @param job a push job's id
   * @return the job with the descendants it has not handled yet, if it exists
   */
  @Transactional
  public Optional<StoredPush> pushJob(String job) {
    List<?> rows =
        em.createNativeQuery("SELECT tenant_code, module, actor FROM config_push_job WHERE id = ?1")
            .setParameter(1, job)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    var pending = new LinkedHashMap<String, List<String>>();
    for (Object o :
        em.createNativeQuery(
                "SELECT tenant_code, items FROM config_push_target WHERE job_id = ?1"
                    + " AND outcome IS NULL ORDER BY tenant_code")
            .setParameter(1, job)
            .getResultList()) {
      Object[] t = (Object[]) o;
      pending.put((String) t[0], List.of(((String) t[1]).split("\n")));
    }
    return Optional.of(
        new StoredPush(job, (String) row[0], (String) row[1], (String) row[2], pending));
  }

  /**
   * @return the ids of push jobs still running: on a node that just started, those a crash cut
   *     short
   */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<String> runningPushJobs() {
    return em.createNativeQuery(
            "SELECT id FROM config_push_job WHERE state = 'running' ORDER BY started_at")
        .getResultList();
  }

  /**
   * @param job a push job's id
   * @return its status with the descendants reached and those failed, if it exists
   */
  @Transactional
  public Optional<ConfigurationAdmin.PushStatus> pushStatus(String job) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT tenant_code, module, total, state FROM config_push_job WHERE id = ?1")
            .setParameter(1, job)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    var reached = new ArrayList<String>();
    var failures = new ArrayList<String>();
    int done = 0;
    for (Object o :
        em.createNativeQuery(
                "SELECT tenant_code, outcome, failure FROM config_push_target WHERE job_id = ?1"
                    + " AND outcome IS NOT NULL ORDER BY tenant_code")
            .setParameter(1, job)
            .getResultList()) {
      Object[] t = (Object[]) o;
      done++;
      if ("reached".equals(t[1])) {
        reached.add((String) t[0]);
      } else {
        failures.add(t[0] + ": " + t[2]);
      }
    }
    return Optional.of(
        new ConfigurationAdmin.PushStatus(
            job,
            (String) row[0],
            (String) row[1],
            ((Number) row[2]).intValue(),
            done,
            (String) row[3],
            failures,
            reached));
  }

  private void record(
      String actor, String tenant, String subject, String action, String before, String after) {
    if (audit.isResolvable()) {
      audit.get().record(actor, tenant, subject, action, before, after);
    } else {
      LOG.warning("no audit trail is deployed; " + action + " of " + subject + " not audited");
    }
  }
}
