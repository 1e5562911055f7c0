package org.unionhub.platform.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.TreeSet;
import org.hibernate.Session;

/**
 * Sets the tenant scope of the current transaction for PostgreSQL's row-level security, the second
 * wall behind the application's own checks: rows of tenants outside the scope are invisible to
 * every statement of the transaction, however it was written. A no-op on H2, which has no row-level
 * security.
 */
@ApplicationScoped
public class TenantScope {

  /** The scope of the platform itself (timers, migrations): every tenant. */
  public static final String ALL = "*";

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  private volatile Boolean postgres;

  /**
   * Limits the current transaction to these tenants, plus the caller's own submissions.
   *
   * @param tenants tenant codes, or a set containing only {@link #ALL}
   * @param user the user name whose own requests stay visible, or null
   */
  public void limitTo(Collection<String> tenants, String user) {
    if (!isPostgres()) {
      return;
    }
    em.createNativeQuery(
            "select set_config('unionhub.tenants', ?1, true), set_config('unionhub.user', ?2, true)")
        .setParameter(1, String.join(",", new TreeSet<>(tenants)))
        .setParameter(2, user == null ? "" : user)
        .getSingleResult();
  }

  private boolean isPostgres() {
    Boolean p = postgres;
    if (p == null) {
      p =
          em.unwrap(Session.class)
              .doReturningWork(c -> c.getMetaData().getDatabaseProductName().equals("PostgreSQL"));
      postgres = p;
    }
    return p;
  }
}
