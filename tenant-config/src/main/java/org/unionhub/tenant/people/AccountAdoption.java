package org.unionhub.tenant.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.unionhub.platform.audit.AuditTrail;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantScope;
import org.unionhub.tenant.admin.TenantTree;

/**
 * Takes officers made directly in Keycloak (an operator's console, an identity provider's first
 * login) into UnionHub's People list, so that their union's admins see, change and disable them
 * like anyone else (ADR 0026). Keycloak answers, in one call to UnionHub's extension, which
 * accounts hold a role UnionHub manages (staff, tenant admin) without being UnionHub's; each one
 * that is in exactly one union's group becomes a person of that union, linked to its Keycloak id,
 * audited as created by {@code keycloak}, and handed to the person outbox, which marks the account
 * as UnionHub's. An account in no or several union groups is left for an operator (logged): there
 * is no union to put it in without guessing.
 *
 * <p>Run when a People list is asked for, at most every {@link #EVERY_MILLIS} ms per node. Keycloak
 * down: the list shows what is stored, and the adoption happens on a later list.
 */
@ApplicationScoped
public class AccountAdoption {

  private static final Logger LOG = Logger.getLogger(AccountAdoption.class.getName());

  /** The shortest time between two asks to Keycloak on one node. */
  static final long EVERY_MILLIS = 5_000;

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Inject Clock clock;
  @Inject AuditTrail audit;
  @Inject TenantDirectory directory;
  @Inject TenantScope scope;
  @Inject PersonSyncService sync;
  @Inject UserDirectory users;
  @Inject AccountAdoption self;

  private volatile long lastAsked = Long.MIN_VALUE / 2;

  /** Asks Keycloak for officers UnionHub does not know yet and adopts them; never throws. */
  public void adoptNewOfficers() {
    long now = System.nanoTime();
    if (now - lastAsked < EVERY_MILLIS * 1_000_000L) {
      return;
    }
    lastAsked = now;
    List<UserDirectory.Unmanaged> found;
    try {
      found = users.unmanaged(PersonRules.MANAGED_ROLES);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Keycloak not asked for accounts made there", e);
      return;
    }
    if (found.isEmpty()) {
      return;
    }
    try {
      int adopted = self.adopt(found);
      if (adopted > 0) {
        LOG.log(Level.INFO, "{0} account(s) made in Keycloak taken into People", adopted);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "accounts made in Keycloak not taken into People; will retry", e);
    }
  }

  /**
   * @param found accounts Keycloak holds that UnionHub did not make
   * @return how many became people
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int adopt(List<UserDirectory.Unmanaged> found) {
    scope.limitTo(Set.of(TenantScope.ALL), null);
    TenantTree tree = TenantTree.of(directory.all());
    Instant now = clock.instant();
    int adopted = 0;
    for (UserDirectory.Unmanaged u : found) {
      if (u.tenants().size() != 1 || tree.find(u.tenants().get(0)).isEmpty()) {
        LOG.log(
            Level.INFO,
            "Keycloak account {0} holds {1} but is in {2} union groups: not taken into People",
            new Object[] {u.username(), u.roles(), u.tenants().size()});
        continue;
      }
      if (!PersonRules.USERNAME.matcher(u.username()).matches()) {
        LOG.log(
            Level.INFO,
            "Keycloak account {0}: a username UnionHub does not take; not taken into People",
            u.username());
        continue;
      }
      long known =
          em.createQuery(
                  "select count(p) from Person p where p.username = :username"
                      + " or p.keycloakId = :id",
                  Long.class)
              .setParameter("username", u.username())
              .setParameter("id", u.id())
              .getSingleResult();
      if (known > 0) {
        continue;
      }
      String name = u.name() == null || u.name().isBlank() ? u.username() : u.name().strip();
      String mobile =
          u.mobile() != null && PersonRules.MOBILE.matcher(u.mobile()).matches()
              ? u.mobile()
              : null;
      String email =
          u.email() != null
                  && u.email().length() <= 254
                  && PersonRules.EMAIL.matcher(u.email()).matches()
              ? u.email()
              : null;
      Person person =
          Person.adopted(
              u.tenants().get(0),
              u.username(),
              name.substring(0, Math.min(name.length(), PersonRules.MAX_NAME)),
              mobile,
              email,
              u.roles(),
              u.enabled(),
              u.id(),
              now);
      em.persist(person);
      audit.record(
          Person.ADOPTED_BY,
          person.getTenantId(),
          PeopleService.SUBJECT,
          "adopt",
          null,
          PeopleService.json(person));
      sync.enqueue(person.getId());
      adopted++;
    }
    return adopted;
  }
}
