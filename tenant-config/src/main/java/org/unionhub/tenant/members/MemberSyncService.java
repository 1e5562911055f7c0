package org.unionhub.tenant.members;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.Session;
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
    // One statement, on every approval that admits a member: it creates the row or counts one more
    // change on it under the row's lock, and a second first change of the same account waits for
    // the first's row instead of failing on its key (a 500 under load, BENCHMARKS.md, session 10).
    // Plain JDBC (no flush, no bulk-statement bookkeeping): the row has no tenant scope and refers
    // to nothing this transaction wrote. The values are those of a new row after one change.
    Instant now = clock.instant();
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement statement = connection.prepareStatement(CHANGED)) {
                statement.setString(1, username);
                statement.setString(2, leftTenant);
                statement.setObject(3, now.atOffset(ZoneOffset.UTC));
                statement.executeUpdate();
              }
            });
  }

  private static final String CHANGED =
      "insert into member_sync"
          + " (username, left_tenant, change_seq, synced_seq, attempts, next_attempt_at)"
          + " values (?, ?, 1, 0, 0, ?)"
          + " on conflict (username) do update set change_seq = member_sync.change_seq + 1,"
          + " left_tenant = coalesce(excluded.left_tenant, member_sync.left_tenant),"
          + " attempts = 0, next_attempt_at = excluded.next_attempt_at";

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
