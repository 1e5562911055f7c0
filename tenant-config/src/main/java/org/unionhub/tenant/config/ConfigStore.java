package org.unionhub.tenant.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.unionhub.platform.audit.AuditTrail;

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
   * @return the highest version id, 0 when nothing was ever published
   */
  @Transactional
  public int maxVersionId() {
    Integer max =
        em.createQuery("select max(v.id) from ConfigVersion v", Integer.class).getSingleResult();
    return max == null ? 0 : max;
  }

  /**
   * @param afterId a version id
   * @return the latest version of each tenant and module among those with a higher id, oldest first
   */
  @Transactional
  public List<ConfigVersion> publishedAfter(int afterId) {
    if (afterId <= 0) {
      return em.createQuery(
              "select v from ConfigVersion v where v.number = (select max(w.number) from"
                  + " ConfigVersion w where w.tenantCode = v.tenantCode and w.module = v.module)"
                  + " order by v.id",
              ConfigVersion.class)
          .getResultList();
    }
    return em.createQuery(
            "select v from ConfigVersion v where v.id > :id order by v.id", ConfigVersion.class)
        .setParameter("id", afterId)
        .getResultList();
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
