package org.unionhub.tenant.people;

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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.Session;
import org.unionhub.platform.tenancy.TenantScope;
import org.unionhub.tenant.OutboxRows;
import org.unionhub.tenant.Tenant;
import org.unionhub.tenant.groups.GroupDirectory;

/**
 * The transactional outbox that mirrors accounts to Keycloak users, shaped like the tenants' group
 * sync (ADR 7): a change enqueues the account in its own transaction; {@link #syncDue(int)} claims
 * due rows for a lease, reconciles each user outside any transaction, issues a set-up link when one
 * was asked for, and records success or schedules a retry with growing delays.
 *
 * <p>Whoever writes a row locks it first ({@link #enqueue} and {@link #finish} load it {@code FOR
 * UPDATE}, {@link #claim} selects it {@code FOR UPDATE SKIP LOCKED}): an attempt that read the row
 * before a new change committed would otherwise write the old change sequence back over the new one
 * on flush, and that change would never reach Keycloak. The lock does not re-read a row the
 * transaction already holds in its persistence context, so callers must not load the row before
 * {@link #enqueue}.
 */
@ApplicationScoped
public class PersonSyncService {

  private static final Logger LOG = Logger.getLogger(PersonSyncService.class.getName());

  /** How long a claimed row is left to the node that claimed it. */
  static final Duration LEASE = Duration.ofSeconds(60);

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Inject Clock clock;
  @Inject UserDirectory users;
  @Inject GroupDirectory groups;
  @Inject TenantScope scope;
  @Inject PersonSyncService self;

  /**
   * A claimed row. Public, as are the types of every intercepted method (see GroupSyncService).
   *
   * @param personId the account
   * @param seq its change sequence when claimed
   */
  public record Claim(UUID personId, long seq) {}

  /**
   * What one sync needs of an account.
   *
   * @param wanted the state the user should have
   * @param setupRequested whether a set-up link is to be issued
   */
  public record Work(UserReconciler.Wanted wanted, boolean setupRequested) {}

  /**
   * Records that every account of a union changed (it was deactivated or activated again), in the
   * caller's transaction, whose scope must reach the union: one statement for all of them, where a
   * row at a time flushed the growing session once per person. Rows of the union's people loaded in
   * this transaction would be stale afterwards; none are.
   *
   * @param tenant the union
   * @return how many accounts were recorded
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int enqueueAllOf(String tenant) {
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    Session session = em.unwrap(Session.class);
    session.flush();
    return session.doReturningWork(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "insert into person_sync"
                      + " (person_id, change_seq, synced_seq, attempts, next_attempt_at)"
                      + " select id, 1, 0, 0, ? from person where tenant_id = ?"
                      + " on conflict (person_id) do update"
                      + " set change_seq = person_sync.change_seq + 1, attempts = 0,"
                      + " next_attempt_at = excluded.next_attempt_at")) {
            statement.setObject(1, now);
            statement.setString(2, tenant);
            return statement.executeUpdate();
          }
        });
  }

  /**
   * Records that an account changed, in the caller's transaction.
   *
   * @param personId the account
   * @return its outbox row
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public PersonSync enqueue(UUID personId) {
    Instant now = clock.instant();
    OutboxRows.ensure(em, "person_sync", "person_id", personId, now);
    PersonSync row = em.find(PersonSync.class, personId, LockModeType.PESSIMISTIC_WRITE);
    row.changed(now);
    return row;
  }

  /**
   * Syncs up to {@code limit} due accounts.
   *
   * @param limit the most to sync in this call
   * @return how many were synced successfully
   */
  public int syncDue(int limit) {
    int done = 0;
    for (Claim claim : self.claim(limit)) {
      String error = null;
      try {
        Work work = self.work(claim.personId());
        if (work != null) {
          String id = UserReconciler.reconcile(work.wanted(), users, groups);
          UserDirectory.SetupLink link = work.setupRequested() ? users.setupLink(id) : null;
          self.linked(claim.personId(), id, link);
          LOG.log(
              Level.INFO,
              "Keycloak user {0} synced at change {1}",
              new Object[] {work.wanted().username(), claim.seq()});
        }
      } catch (RuntimeException e) {
        error = e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.log(
            Level.WARNING,
            "Keycloak user of account " + claim.personId() + " not synced; will retry",
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
    List<Object> ids =
        em.createNativeQuery(
                "select person_id from person_sync where change_seq > synced_seq"
                    + " and next_attempt_at <= ?1 order by next_attempt_at limit ?2"
                    + " for update skip locked")
            .setParameter(1, now)
            .setParameter(2, limit)
            .getResultList();
    var claims = new ArrayList<Claim>();
    for (Object id : ids) {
      UUID uuid = id instanceof UUID u ? u : UUID.fromString(id.toString());
      PersonSync row = em.find(PersonSync.class, uuid);
      row.lease(now.plus(LEASE));
      claims.add(new Claim(uuid, row.getChangeSeq()));
    }
    return claims;
  }

  /**
   * @param personId an account
   * @return what the user should be now, or null when the account is gone
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Work work(UUID personId) {
    scope.limitTo(Set.of(TenantScope.ALL), null);
    Person p = em.find(Person.class, personId);
    if (p == null) {
      return null;
    }
    Tenant tenant = em.find(Tenant.class, p.getTenantId());
    boolean active = tenant != null && tenant.view().active();
    return new Work(
        new UserReconciler.Wanted(
            p.getId().toString(),
            p.getUsername(),
            p.getName(),
            p.getMobile(),
            p.getEmail(),
            p.getTenantId(),
            p.getRoles(),
            p.isEnabled() && active,
            p.getKeycloakId()),
        p.isSetupRequested());
  }

  /**
   * Records the Keycloak user's id and the set-up link issued, if any.
   *
   * @param personId the account
   * @param keycloakId the user's id
   * @param link the link, or null
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void linked(UUID personId, String keycloakId, UserDirectory.SetupLink link) {
    scope.limitTo(Set.of(TenantScope.ALL), null);
    Person p = em.find(Person.class, personId);
    if (p == null) {
      return;
    }
    if (!keycloakId.equals(p.getKeycloakId())) {
      p.linked(keycloakId);
    }
    if (link != null) {
      p.setupLinkIssued(link.url(), link.expires());
    }
  }

  /**
   * Records the outcome of one attempt.
   *
   * @param claim what was claimed
   * @param error why it failed, or null when it succeeded
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void finish(Claim claim, String error) {
    PersonSync row = em.find(PersonSync.class, claim.personId(), LockModeType.PESSIMISTIC_WRITE);
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
