package org.unionhub.platform.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One audit record.
 *
 * @param id its id
 * @param occurredAt when the change was made
 * @param actor who made it
 * @param tenantCode the tenant it concerns, null for platform-wide changes
 * @param subject what changed
 * @param action what was done
 * @param before the state before, JSON text, or null
 * @param after the state after, JSON text, or null
 */
public record AuditEntry(
    UUID id,
    Instant occurredAt,
    String actor,
    String tenantCode,
    String subject,
    String action,
    String before,
    String after) {}
