package org.unionhub.tenant;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.unionhub.platform.tenancy.TenantScope;

/**
 * A tenant's own local holiday; the tenants below it inherit it. Behind both tenant walls
 * (docs/adr/0009): Hibernate's tenant filter and row-level security.
 */
@Entity
@Table(name = "tenant_holiday")
@Cacheable(false)
@Filter(name = TenantScope.FILTER, condition = "tenant_id in (:" + TenantScope.TENANTS + ")")
public class TenantHoliday {

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false, length = 64)
  private String tenantId;

  @Column(name = "calendar_date", nullable = false)
  private LocalDate calendarDate;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(name = "created_by", nullable = false, length = 100)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected TenantHoliday() {}

  TenantHoliday(String tenantId, LocalDate date, String name, String createdBy, Instant createdAt) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.calendarDate = date;
    this.name = name;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }
}
