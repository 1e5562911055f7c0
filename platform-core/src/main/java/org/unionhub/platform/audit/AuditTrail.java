package org.unionhub.platform.audit;

/**
 * Port: the append-only record of administrative changes (tenants, configuration, rules, calendar).
 * Implemented by tenant-config. Records join the caller's transaction, so a change and its audit
 * record are written together or not at all; the application can add records but never alter or
 * delete them.
 */
public interface AuditTrail {

  /**
   * Records one change.
   *
   * @param actor the username of who made the change
   * @param tenantCode the tenant the change concerns, or null for platform-wide changes
   * @param subject what changed, for example {@code tenant}, {@code config:enrollment}, {@code
   *     calendar:2027}
   * @param action what was done, for example {@code create}, {@code publish}, {@code rollback}
   * @param before the state before, as JSON text, or null when there was none
   * @param after the state after, as JSON text, or null when it was removed
   */
  void record(
      String actor, String tenantCode, String subject, String action, String before, String after);
}
