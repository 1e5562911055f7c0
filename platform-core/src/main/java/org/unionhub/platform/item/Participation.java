package org.unionhub.platform.item;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.unionhub.platform.tenancy.TenantScope;

/**
 * That a member took a once-per-member action: unique per target, action and member in the
 * database. Written by {@link ActionService} with a native insert; read through this entity.
 */
@Entity
@Table(name = "module_participation")
@Cacheable(false)
@Filter(name = TenantScope.FILTER, condition = "tenant_id in (:" + TenantScope.TENANTS + ")")
public class Participation {

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private String tenantId;

  @Column(name = "target_id", nullable = false, updatable = false)
  private UUID targetId;

  @Column(name = "action_type", nullable = false, updatable = false)
  private String actionType;

  @Column(nullable = false, updatable = false)
  private String member;

  @Column(name = "taken_on", nullable = false, updatable = false)
  private LocalDate takenOn;

  protected Participation() {}

  public UUID getId() {
    return id;
  }

  public String getTenantId() {
    return tenantId;
  }

  public UUID getTargetId() {
    return targetId;
  }

  public String getActionType() {
    return actionType;
  }

  public String getMember() {
    return member;
  }

  public LocalDate getTakenOn() {
    return takenOn;
  }
}
