package org.unionhub.platform.item;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.unionhub.platform.tenancy.TenantScope;

/**
 * An action as stored. For an anonymous item it has no actor and no instant, only the day, and a
 * random id: nothing ties it to the member's {@link Participation} (docs/adr/0020).
 */
@Entity
@Table(name = "module_action")
@Cacheable(false)
@Filter(name = TenantScope.FILTER, condition = "tenant_id in (:" + TenantScope.TENANTS + ")")
public class StoredAction {

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private String tenantId;

  @Column(nullable = false, updatable = false)
  private String module;

  @Column(name = "target_id", nullable = false, updatable = false)
  private UUID targetId;

  @Column(name = "action_type", nullable = false, updatable = false)
  private String actionType;

  @Column(updatable = false)
  private String actor;

  @Column(name = "acted_on", nullable = false, updatable = false)
  private LocalDate actedOn;

  @Column(name = "acted_at", updatable = false)
  private Instant actedAt;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, updatable = false)
  private String payload;

  protected StoredAction() {}

  /**
   * @param actor the actor, or null for an anonymous item
   * @param actedAt the instant, or null for an anonymous item
   */
  public StoredAction(
      String tenantId,
      String module,
      UUID targetId,
      String actionType,
      String actor,
      LocalDate actedOn,
      Instant actedAt,
      String payload) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.module = module;
    this.targetId = targetId;
    this.actionType = actionType;
    this.actor = actor;
    this.actedOn = actedOn;
    this.actedAt = actedAt;
    this.payload = payload;
  }

  public UUID getId() {
    return id;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getModule() {
    return module;
  }

  public UUID getTargetId() {
    return targetId;
  }

  public String getActionType() {
    return actionType;
  }

  public String getActor() {
    return actor;
  }

  public LocalDate getActedOn() {
    return actedOn;
  }

  public Instant getActedAt() {
    return actedAt;
  }

  public String getPayload() {
    return payload;
  }
}
