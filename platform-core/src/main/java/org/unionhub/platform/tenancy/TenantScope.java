package org.unionhub.platform.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.hibernate.Session;

/**
 * Sets the tenant scope of the current transaction on both walls at once (docs/adr/0009):
 * Hibernate's tenant filter on the transaction's session, and PostgreSQL's row-level security. Rows
 * of tenants outside the scope are invisible to every query and load by id of the session, and,
 * through the database, to every statement of the transaction however it was written. Without a
 * call, a transaction sees no tenant-owned row at all. UnionHub runs on PostgreSQL only (the
 * launcher's embedded default too, ADR 13): on a database without {@code set_config} this fails
 * rather than run with one wall.
 */
@ApplicationScoped
public class TenantScope {

  /** The scope of the platform itself (timers, migrations): every tenant. */
  public static final String ALL = "*";

  /** The Hibernate filter on every tenant-owned entity. */
  public static final String FILTER = "tenantScope";

  /** The filter's parameter: the tenant codes in scope. */
  public static final String TENANTS = "tenants";

  /** The filter's parameter: the user whose own requests stay visible. */
  public static final String USER = "submitter";

  /**
   * What the filter's parameters hold until a scope is set: no tenant and no user has an empty
   * code, so nothing is visible — the same as the row-level policies without a scope.
   */
  public static final class Unset implements Supplier<String> {
    @Override
    public String get() {
      return "";
    }
  }

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  /** How PostgreSQL plans the statements of a transaction (ADR 27, ADR 28). */
  public enum Plans {
    /**
     * For the values of each execution: lists and pages, whose best plan depends on which tenants
     * are in scope and how many rows they hold (a district's page read its whole district under a
     * generic plan: 300 ms instead of 3). The default.
     */
    PER_EXECUTION,
    /**
     * PostgreSQL's plan cache: for use cases whose statements find rows by key and insert, whatever
     * the scope (a submission, reading or acting on one request, the timer poller, which has no
     * tenant list). Planning each of those anew cost more than running it.
     */
    CACHED
  }

  /**
   * Limits the current transaction to these tenants, plus the caller's own submissions, with
   * statements planned for their values ({@link Plans#PER_EXECUTION}). Call at the start of each
   * use case, inside its transaction; a later call replaces the scope.
   *
   * @param tenants tenant codes, or a set containing only {@link #ALL}
   * @param user the user name whose own requests stay visible, or null
   */
  public void limitTo(Collection<String> tenants, String user) {
    limitTo(tenants, user, Plans.PER_EXECUTION);
  }

  /**
   * Limits the current transaction to these tenants, plus the caller's own submissions; a later
   * call replaces the scope and the planning.
   *
   * @param tenants tenant codes, or a set containing only {@link #ALL}
   * @param user the user name whose own requests stay visible, or null
   * @param plans how the transaction's statements are planned
   */
  public void limitTo(Collection<String> tenants, String user, Plans plans) {
    Session session = em.unwrap(Session.class);
    if (tenants.size() == 1 && tenants.contains(ALL)) {
      session.disableFilter(FILTER);
    } else {
      session
          .enableFilter(FILTER)
          .setParameterList(TENANTS, tenants.isEmpty() ? List.of("") : List.copyOf(tenants))
          .setParameter(USER, user == null ? "" : user);
    }
    String tenantList = String.join(",", new TreeSet<>(tenants));
    String userName = user == null ? "" : user;
    String planMode = plans == Plans.CACHED ? "auto" : "force_custom_plan";
    // Plain JDBC on the session's connection (same transaction, same round trip): a native query
    // through Hibernate resolved a result-set mapping from the driver's metadata on every call,
    // about half of this method's time under load (BENCHMARKS.md, session 5). A native query also
    // flushed pending changes first, so that they were written under the scope they were made in;
    // doWork does not, hence the explicit flush.
    if (session.isDirty()) {
      session.flush();
    }
    session.doWork(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(SET_SCOPE)) {
            statement.setString(1, tenantList);
            statement.setString(2, userName);
            statement.setString(3, planMode);
            try (ResultSet result = statement.executeQuery()) {
              if (!result.next()) {
                throw new SQLException("set_config returned no row");
              }
            }
          }
        });
  }

  // plan_cache_mode for this transaction: force_custom_plan (PER_EXECUTION) or auto, PostgreSQL's
  // default (CACHED). Under the submit-and-approve load with custom plans everywhere, planning took
  // 44 % of PostgreSQL's statement time (a submission's idempotency look-up: 117 µs to plan, 17 µs
  // to run). BENCHMARKS.md, session 11.
  private static final String SET_SCOPE =
      "select set_config('unionhub.tenants', ?, true), set_config('unionhub.user', ?, true),"
          + " set_config('plan_cache_mode', ?, true)";
}
