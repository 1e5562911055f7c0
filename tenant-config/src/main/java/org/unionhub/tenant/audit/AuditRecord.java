package org.unionhub.tenant.audit;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.Immutable;
import org.unionhub.platform.audit.AuditEntry;
import org.unionhub.platform.tenancy.TenantScope;

/**
 * One administrative change. Immutable: Hibernate never updates or deletes it, and on PostgreSQL
 * the application role may only insert and read, and a trigger refuses updates and deletes from
 * anyone. Read behind both tenant walls (docs/adr/0009); platform-wide records (no tenant) only in
 * the platform's scope.
 */
@Entity
@Immutable
@Table(name = "audit_record")
@Cacheable(false)
@Filter(name = TenantScope.FILTER, condition = "tenant_code in (:" + TenantScope.TENANTS + ")")
public class AuditRecord {

  @Id
  @Column(updatable = false)
  private UUID id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(nullable = false, updatable = false, length = 100)
  private String actor;

  @Column(name = "tenant_code", updatable = false, length = 64)
  private String tenantCode;

  @Column(nullable = false, updatable = false, length = 100)
  private String subject;

  @Column(nullable = false, updatable = false, length = 40)
  private String action;

  @Column(name = "before_json", updatable = false)
  private String beforeJson;

  @Column(name = "after_json", updatable = false)
  private String afterJson;

  protected AuditRecord() {}

  AuditRecord(
      Instant occurredAt,
      String actor,
      String tenantCode,
      String subject,
      String action,
      String beforeJson,
      String afterJson) {
    this.id = UUID.randomUUID();
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.tenantCode = tenantCode;
    this.subject = subject;
    this.action = action;
    this.beforeJson = beforeJson;
    this.afterJson = afterJson;
  }

  AuditEntry entry() {
    return new AuditEntry(
        id, occurredAt, actor, tenantCode, subject, action, beforeJson, afterJson);
  }
}
