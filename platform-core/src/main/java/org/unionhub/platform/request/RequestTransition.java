package org.unionhub.platform.request;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.unionhub.platform.tenancy.TenantScope;

/** One step in a request's history: who moved it from where to where, when and why. */
@Entity
@Table(name = "request_transition")
@Cacheable(false)
@Filter(name = TenantScope.FILTER, condition = "tenant_id in (:" + TenantScope.TENANTS + ")")
public class RequestTransition {

  @Id private UUID id;

  @Column(name = "request_id", nullable = false, updatable = false)
  private UUID requestId;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private String tenantId;

  @Column(name = "from_state", updatable = false)
  private String fromState;

  @Column(name = "to_state", nullable = false, updatable = false)
  private String toState;

  @Column(nullable = false, updatable = false)
  private String action;

  @Column(nullable = false, updatable = false)
  private String actor;

  @Column(name = "comment_text", updatable = false)
  private String comment;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(name = "config_version", nullable = false, updatable = false)
  private int configVersion;

  protected RequestTransition() {}

  public RequestTransition(
      ServiceRequest request,
      String fromState,
      String toState,
      String action,
      String actor,
      String comment,
      Instant occurredAt) {
    this.id = UUID.randomUUID();
    this.requestId = request.getId();
    this.tenantId = request.getTenantId();
    this.fromState = fromState;
    this.toState = toState;
    this.action = action;
    this.actor = actor;
    this.comment = comment;
    this.occurredAt = occurredAt;
    this.configVersion = request.getConfigVersion();
  }

  public UUID getRequestId() {
    return requestId;
  }

  public String getFromState() {
    return fromState;
  }

  public String getToState() {
    return toState;
  }

  public String getAction() {
    return action;
  }

  public String getActor() {
    return actor;
  }

  public String getComment() {
    return comment;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public int getConfigVersion() {
    return configVersion;
  }
}
