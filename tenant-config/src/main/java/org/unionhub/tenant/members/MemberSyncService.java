package org.unionhub.tenant.members;

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
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.unionhub.platform.membership.MemberAccounts;
import org.unionhub.platform.tenancy.TenantScope;

/**
 * The outbox that mirrors memberships to Keycloak: {@link #changed} records a change in the
 * membership's transaction; {@link #syncDue} claims due rows with {@code SKIP LOCKED}, reads the
 * person's current membership, applies it to Keycloak outside any transaction, and records success
 * or schedules a retry. Rows are locked before they are written, as in {@link
 * org.unionhub.tenant.people.PersonSyncService}: an attempt must not write back a stale change
 * sequence.
 */
@ApplicationScoped
public class MemberSyncService implements MemberAccounts {

  private static final Logger LOG = Logger.getLogger(MemberSyncService.class.getName());
  static final Duration LEASE = Duration.ofSeconds(60);

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Inject Clock clock;
  @Inject MemberDirectory directory;
  @Inject TenantScope scope;
  @Inject MemberSyncService self;

  /**
   * A claimed row. Public: Weld's proxies cannot intercept methods naming package-private types.
   *
   * @param username the person
   * @param seq the change sequence when claimed
   * @param leftTenant a union whose group they leave, or null
   */
  public record Claim(String username, long seq, String leftTenant) {}

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void changed(String username, String leftTenant) {
    Instant now = clock.instant();
    MemberSync row = em.find(MemberSync.class, username, LockModeType.PESSIMISTIC_WRITE);
    if (row == null) {
      row = new MemberSync(username, now);
      em.persist(row);
    }
    row.changed(leftTenant, now);
  }

  /**
   * @param limit the most people to sync in this call
   * @return how many were synced
   */
  public int syncDue(int limit) {
    int done = 0;
    for (Claim claim : self.claim(limit)) {
      String error = null;
      try {
        String tenant = self.currentUnion(claim.username());
        directory.apply(claim.username(), tenant, claim.leftTenant());
        LOG.info(
            "Keycloak account of "
                + claim.username()
                + " synced: "
                + (tenant == null ? "no member" : "member of " + tenant));
      } catch (RuntimeException e) {
        error = e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.log(Level.WARNING, "member account " + claim.username() + " not synced; will retry", e);
      }
      self.finish(claim, error);
      if (error == null) {
        done++;
      }
    }
    return done;
  }

  /**
   * @param limit the most rows
   * @return the claims
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Claim> claim(int limit) {
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<Object> names =
        em.createNativeQuery(
                "select username from member_sync where change_seq > synced_seq"
                    + " and next_attempt_at <= ?1 order by next_attempt_at limit ?2"
                    + " for update skip locked")
            .setParameter(1, now)
            .setParameter(2, limit)
            .getResultList();
    var claims = new ArrayList<Claim>();
    for (Object name : names) {
      MemberSync row = em.find(MemberSync.class, name.toString());
      row.lease(now.plus(LEASE));
      claims.add(new Claim(row.getUsername(), row.getChangeSeq(), row.getLeftTenant()));
    }
    return claims;
  }

  /**
   * @param username a person
   * @return the union of their current membership, or null
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public String currentUnion(String username) {
    scope.limitTo(Set.of(TenantScope.ALL), null);
    return em.createQuery(
            "select m.tenantId from Membership m where m.username = :u and m.status = 'ACTIVE'",
            String.class)
        .setParameter("u", username)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  /**
   * @param claim what was claimed
   * @param error why it failed, or null
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void finish(Claim claim, String error) {
    MemberSync row = em.find(MemberSync.class, claim.username(), LockModeType.PESSIMISTIC_WRITE);
    if (row == null) {
      return;
    }
    if (error == null) {
      row.synced(claim.seq(), clock.instant());
    } else {
      row.failed(clock.instant(), error);
    }
  }
}
