package org.unionhub.platform.audit;

import java.time.Instant;

/**
 * What to look for in the audit trail; null components do not filter.
 *
 * @param tenant records of this tenant and every tenant below it
 * @param subject records whose subject is this or starts with it and a colon ({@code config} finds
 *     {@code config:enrollment})
 * @param actor records made by this user
 * @param from records made at or after this instant
 * @param to records made before this instant
 */
public record AuditFilter(String tenant, String subject, String actor, Instant from, Instant to) {

  /** No filter at all. */
  public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);
}
