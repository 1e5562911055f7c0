package org.unionhub.platform.request;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.ParamDef;
import org.hibernate.type.SqlTypes;
import org.unionhub.platform.tenancy.TenantScope;
import org.unionhub.sdk.workflow.State;

/**
 * A request submitted to a module of a tenant.
 *
 * <p>Declares the tenant filter that every tenant-owned entity carries (docs/adr/0009): on in every
 * session, it hides rows outside the scope {@link TenantScope#limitTo} set, from queries and loads
 * by id alike, and hides everything until a scope is set. Like the row-level policy, it lets a
 * submitter read their own requests.
 */
@Entity
@Table(name = "service_request")
@Cacheable(false)
@FilterDef(
    name = TenantScope.FILTER,
    parameters = {
      @ParamDef(
          name = TenantScope.TENANTS,
          type = String.class,
          resolver = TenantScope.Unset.class),
      @ParamDef(name = TenantScope.USER, type = String.class, resolver = TenantScope.Unset.class)
    },
    autoEnabled = true,
    applyToLoadByKey = true)
@Filter(
    name = TenantScope.FILTER,
    condition =
        "(tenant_id in (:" + TenantScope.TENANTS + ") or submitted_by = :" + TenantScope.USER + ")")
public class ServiceRequest {

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private String tenantId;

  @Column(nullable = false, updatable = false)
  private String module;

  @Column(nullable = false)
  private String state;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  private String data;

  @Column(name = "submitted_by", nullable = false, updatable = false)
  private String submittedBy;

  @Column(name = "submitted_at", nullable = false, updatable = false)
  private Instant submittedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "due_date")
  private LocalDate dueDate;

  @Column(name = "idempotency_key", updatable = false)
  private String idempotencyKey;

  @Column(name = "config_version", nullable = false)
  private int configVersion;

  @Column(name = "flagged_reason")
  private String flaggedReason;

  @Column(name = "escalated_to")
  private String escalatedTo;

  /** When it reached a terminal state of its module's workflow; null while open (ADR 27). */
  @Column(name = "finished_at")
  private Instant finishedAt;

  @Version private int version;

  protected ServiceRequest() {}

  ServiceRequest(
      String tenantId,
      String module,
      State state,
      String data,
      String submittedBy,
      Instant now,
      LocalDate dueDate,
      String idempotencyKey,
      int configVersion) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.module = module;
    this.state = state.name();
    this.finishedAt = state.terminal() ? now : null;
    this.data = data;
    this.submittedBy = submittedBy;
    this.submittedAt = now;
    this.updatedAt = now;
    this.dueDate = dueDate;
    this.idempotencyKey = idempotencyKey;
    this.configVersion = configVersion;
  }

  void moveTo(State newState, LocalDate newDueDate, Instant now, int handledUnder) {
    this.configVersion = handledUnder;
    this.state = newState.name();
    if (!newState.terminal()) {
      this.finishedAt = null;
    } else if (finishedAt == null) {
      this.finishedAt = now;
    }
    this.dueDate = newDueDate;
    this.updatedAt = now;
  }

  /**
   * The deadline passed: the union above handles it from now on.
   *
   * @param tenantCode the union it was escalated to
   * @param now the moment
   */
  public void escalate(String tenantCode, Instant now) {
    this.escalatedTo = tenantCode;
    this.updatedAt = now;
  }

  void flag(String reason) {
    this.flaggedReason =
        flaggedReason == null || flaggedReason.isBlank() ? reason : flaggedReason + "; " + reason;
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

  public String getState() {
    return state;
  }

  /**
   * @return the form data as a JSON object
   */
  public String getData() {
    return data;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public int getConfigVersion() {
    return configVersion;
  }

  public String getFlaggedReason() {
    return flaggedReason;
  }

  /**
   * @return the tenant the overdue request was escalated to, or null
   */
  public String getEscalatedTo() {
    return escalatedTo;
  }

  /**
   * @return when it reached a terminal state, or null while it is still to be handled
   */
  public Instant getFinishedAt() {
    return finishedAt;
  }

  public int getVersion() {
    return version;
  }
}
