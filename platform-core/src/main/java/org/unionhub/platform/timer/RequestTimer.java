package org.unionhub.platform.timer;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.unionhub.platform.request.ServiceRequest;
import org.unionhub.platform.tenancy.TenantScope;

/** A durable timer on a request: a row with a due time, fired once by whichever node claims it. */
@Entity
@Table(name = "request_timer")
@Cacheable(false)
@Filter(name = TenantScope.FILTER, condition = "tenant_id in (:" + TenantScope.TENANTS + ")")
public class RequestTimer {

  /** What a timer does when it fires. */
  public enum Kind {
    /** The deadline is one working day away: record a reminder in the request's history. */
    REMIND,
    /** The deadline passed: escalate the request to the parent union. */
    ESCALATE
  }

  @Id private UUID id;

  @Column(name = "request_id", nullable = false, updatable = false)
  private UUID requestId;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private String tenantId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Kind kind;

  @Column(name = "fire_at", nullable = false, updatable = false)
  private Instant fireAt;

  @Column(name = "fired_at")
  private Instant firedAt;

  @Column(name = "fired_by")
  private String firedBy;

  protected RequestTimer() {}

  public RequestTimer(ServiceRequest request, Kind kind, Instant fireAt) {
    this.id = UUID.randomUUID();
    this.requestId = request.getId();
    this.tenantId = request.getTenantId();
    this.kind = kind;
    this.fireAt = fireAt;
  }

  void fired(Instant at, String node) {
    this.firedAt = at;
    this.firedBy = node;
  }

  public UUID getId() {
    return id;
  }

  public UUID getRequestId() {
    return requestId;
  }

  public Kind getKind() {
    return kind;
  }

  public Instant getFireAt() {
    return fireAt;
  }

  public Instant getFiredAt() {
    return firedAt;
  }

  public String getFiredBy() {
    return firedBy;
  }
}
