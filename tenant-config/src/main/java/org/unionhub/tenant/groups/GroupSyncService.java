package org.unionhub.tenant.groups;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.tenant.OutboxRows;
import org.unionhub.tenant.Tenant;

/**
 * The transactional outbox that mirrors tenant changes to Keycloak groups. A change enqueues its
 * tenant in the change's own transaction; {@link #syncDue(int)} later claims due rows for a lease,
 * reconciles each group with the tenant's current state outside any transaction (no database lock
 * is held while Keycloak is called), and records success or schedules a retry. A node that dies
 * mid-sync leaves the lease to expire; another node retries. Rows are locked before they are
 * written, as in {@link org.unionhub.tenant.people.PersonSyncService}: an attempt must not write
 * back a stale change sequence.
 */
@ApplicationScoped
public class GroupSyncService {

  private static final Logger LOG = Logger.getLogger(GroupSyncService.class.getName());

  /** How long a claimed row is left to the node that claimed it. */
  static final Duration LEASE = Duration.ofSeconds(60);

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Inject Clock clock;
  @Inject GroupDirectory groups;
  @Inject GroupSyncService self;

  /**
   * A claimed row: the tenant and the change sequence it had when claimed. Public, as are the types
   * of every intercepted method: Weld's proxies live in another class loader and cannot intercept
   * (here: begin the transaction of) a method whose signature names a package-private type.
   *
   * @param tenantCode the tenant
   * @param seq its change sequence
   */
  public record Claim(String tenantCode, long seq) {}

  /**
   * Records that a tenant changed, in the caller's transaction.
   *
   * @param tenantCode the tenant
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void enqueue(String tenantCode) {
    Instant now = clock.instant();
    OutboxRows.ensure(em, "group_sync", "tenant_code", tenantCode, now);
    em.find(GroupSync.class, tenantCode, LockModeType.PESSIMISTIC_WRITE).changed(now);
  }

  /**
   * Syncs up to {@code limit} due tenants.
   *
   * @param limit the most to sync in this call
   * @return how many were synced successfully
   */
  public int syncDue(int limit) {
    int done = 0;
    for (Claim claim : self.claim(limit)) {
      List<TenantView> chain = self.chain(claim.tenantCode());
      String error = null;
      try {
        int changes = chain.isEmpty() ? 0 : GroupReconciler.reconcile(chain, groups);
        LOG.log(
            changes > 0 ? Level.INFO : Level.FINE,
            "Keycloak group of tenant {0} synced at change {1} ({2} group changes)",
            new Object[] {claim.tenantCode(), claim.seq(), changes});
      } catch (RuntimeException e) {
        error = e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.log(
            Level.WARNING,
            "Keycloak group of tenant " + claim.tenantCode() + " not synced; will retry",
            e);
      }
      self.finish(claim, error);
      if (error == null) {
        done++;
      }
    }
    return done;
  }

  /**
   * Claims due rows for {@link #LEASE}; {@code SKIP LOCKED} keeps two nodes from claiming one row.
   *
   * @param limit the most rows to claim
   * @return the claims
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Claim> claim(int limit) {
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<Object> codes =
        em.createNativeQuery(
                "select tenant_code from group_sync where change_seq > synced_seq"
                    + " and next_attempt_at <= ?1 order by next_attempt_at limit ?2"
                    + " for update skip locked")
            .setParameter(1, now)
            .setParameter(2, limit)
            .getResultList();
    var claims = new ArrayList<Claim>();
    for (Object code : codes) {
      GroupSync row = em.find(GroupSync.class, code.toString());
      row.lease(now.plus(LEASE));
      claims.add(new Claim(row.getTenantCode(), row.getChangeSeq()));
    }
    return claims;
  }

  /**
   * @param tenantCode a tenant
   * @return the tenant and its ancestors as they are now, root first; empty when it is gone
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<TenantView> chain(String tenantCode) {
    var chain = new ArrayList<TenantView>();
    var seen = new HashSet<String>();
    String code = tenantCode;
    while (code != null && seen.add(code)) {
      Tenant t = em.find(Tenant.class, code);
      if (t == null) {
        return List.of();
      }
      chain.add(t.view());
      code = t.getParentCode();
    }
    Collections.reverse(chain);
    return chain;
  }

  /**
   * Records the outcome of one attempt.
   *
   * @param claim what was claimed
   * @param error why it failed, or null when it succeeded
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void finish(Claim claim, String error) {
    GroupSync row = em.find(GroupSync.class, claim.tenantCode(), LockModeType.PESSIMISTIC_WRITE);
    if (row == null) {
      return;
    }
    Instant now = clock.instant();
    if (error == null) {
      row.synced(claim.seq(), now);
    } else {
      row.failed(now, error);
    }
  }
}
