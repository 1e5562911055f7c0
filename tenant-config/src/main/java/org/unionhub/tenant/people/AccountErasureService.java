package org.unionhub.tenant.people;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.unionhub.platform.audit.AuditTrail;
import org.unionhub.platform.health.PlatformReadiness;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.people.AccountErasure;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantScope;

/**
 * Erases a person's account (PIPL Article 47). In one transaction: every request they submitted
 * keeps its union, module, state, dates and handling history (the union's record of its work) but
 * loses its form data and carries a pseudonym instead of the username; the erasure is audited under
 * that pseudonym; and an outbox row asks for the Keycloak account to be deleted, which a poller
 * does with retries (Keycloak down: the erasure waits and lands). The pseudonym is a keyed hash of
 * the username (HMAC-SHA256 with {@code unionhub.pseudonym-key}), so the same person's records
 * share it and nobody without the key can turn it back into a name.
 */
@ApplicationScoped
public class AccountErasureService implements AccountErasure {

  private static final Logger LOG = Logger.getLogger(AccountErasureService.class.getName());

  /** The audit subject. */
  public static final String SUBJECT = "account";

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Inject Clock clock;
  @Inject AuditTrail audit;
  @Inject TenantScope scope;
  @Inject UserDirectory users;
  @Inject PlatformReadiness readiness;
  @Inject AccountErasureService self;
  @Resource ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> task;

  @Override
  @Transactional
  public Outcome erase(Caller caller) {
    if (caller.isUnionOfficer()) {
      throw new NotAllowedException(ProblemText.of("people.union-staff-and-admins-are-closed"));
    }
    String pseudonym = pseudonym(caller.username());
    scope.limitTo(Set.of(TenantScope.ALL), null);
    int requests =
        em.createQuery(
                "update ServiceRequest r set r.data = :empty, r.submittedBy = :pseudonym"
                    + " where r.submittedBy = :username")
            .setParameter("empty", "{}")
            .setParameter("pseudonym", pseudonym)
            .setParameter("username", caller.username())
            .executeUpdate();
    // The request's history names who acted: the member's own steps (submit, withdraw) too.
    em.createQuery("update RequestTransition t set t.actor = :pseudonym where t.actor = :username")
        .setParameter("pseudonym", pseudonym)
        .setParameter("username", caller.username())
        .executeUpdate();
    em.persist(new AccountErasureRow(pseudonym, caller.username(), clock.instant()));
    audit.record(
        pseudonym,
        null,
        SUBJECT,
        "erase",
        null,
        Json.createObjectBuilder()
            .add("pseudonym", pseudonym)
            .add("requestsPseudonymised", requests)
            .build()
            .toString());
    return new Outcome(pseudonym, requests);
  }

  static String pseudonym(String username) {
    String key = System.getProperty("unionhub.pseudonym-key", "unionhub-demo-pseudonym-key");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] hash = mac.doFinal(username.getBytes(StandardCharsets.UTF_8));
      return "erased-" + HexFormat.of().formatHex(hash, 0, 12);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    long seconds = Long.getLong("unionhub.keycloak.sync-seconds", 2);
    task = scheduler.scheduleWithFixedDelay(this::poll, seconds, seconds, TimeUnit.SECONDS);
  }

  void poll() {
    if (!readiness.isReady()) {
      return;
    }
    try {
      for (Claim claim : self.claim(10)) {
        String error = null;
        try {
          users.findByUsername(claim.username()).ifPresent(u -> users.delete(u.id()));
          LOG.log(Level.INFO, "Keycloak account of {0} deleted", claim.pseudonym());
        } catch (RuntimeException e) {
          error = e.getClass().getSimpleName() + ": " + e.getMessage();
          LOG.log(
              Level.WARNING,
              "Keycloak account of " + claim.pseudonym() + " not deleted; will retry",
              e);
        }
        self.finish(claim.id(), error);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "erasing accounts in Keycloak failed; will retry", e);
    }
  }

  /**
   * A claimed erasure (public: see GroupSyncService on Weld's proxies).
   *
   * @param id the row
   * @param username the account to delete
   * @param pseudonym for the log
   */
  public record Claim(UUID id, String username, String pseudonym) {}

  /**
   * @param limit the most rows to claim
   * @return due erasures, leased for a minute
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Claim> claim(int limit) {
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<Object> ids =
        em.createNativeQuery(
                "select id from account_erasure where done_at is null and next_attempt_at <= ?1"
                    + " order by next_attempt_at limit ?2 for update skip locked")
            .setParameter(1, now)
            .setParameter(2, limit)
            .getResultList();
    return ids.stream()
        .map(id -> id instanceof UUID u ? u : UUID.fromString(id.toString()))
        .map(
            id -> {
              AccountErasureRow row = em.find(AccountErasureRow.class, id);
              row.lease(now.plus(AccountErasureRow.lease()));
              return new Claim(row.getId(), row.getUsername(), row.getPseudonym());
            })
        .toList();
  }

  /**
   * @param id an erasure
   * @param error why deleting the account failed, or null when it is gone
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void finish(UUID id, String error) {
    AccountErasureRow row = em.find(AccountErasureRow.class, id);
    if (error == null) {
      row.done(clock.instant());
    } else {
      row.failed(clock.instant(), error);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
