package org.unionhub.tenant.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.unionhub.platform.audit.AuditTrail;

/**
 * Writes audit records in the caller's transaction ({@code MANDATORY}: a change made outside a
 * transaction could commit without its record, so it fails instead).
 */
@ApplicationScoped
public class JpaAuditTrail implements AuditTrail {

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Inject Clock clock;

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      String actor, String tenantCode, String subject, String action, String before, String after) {
    em.persist(
        new AuditRecord(
            clock.instant(),
            required("actor", actor, 100),
            tenantCode == null ? null : bounded("tenantCode", tenantCode, 64),
            required("subject", subject, 100),
            required("action", action, 40),
            before,
            after));
  }

  private static String required(String name, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("audit " + name + " is required");
    }
    return bounded(name, value, max);
  }

  private static String bounded(String name, String value, int max) {
    if (value.length() > max) {
      throw new IllegalStateException("audit " + name + " is longer than " + max);
    }
    return value;
  }
}
