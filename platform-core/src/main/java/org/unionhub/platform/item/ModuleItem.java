package org.unionhub.platform.item;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.unionhub.platform.tenancy.TenantScope;

/** An item a union owns in a module (a survey): its definition and state. */
@Entity
@Table(name = "module_item")
@Cacheable(false)
@Filter(name = TenantScope.FILTER, condition = "tenant_id in (:" + TenantScope.TENANTS + ")")
public class ModuleItem {

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private String tenantId;

  @Column(nullable = false, updatable = false)
  private String module;

  @Column(nullable = false, updatable = false)
  private String kind;

  @Column(nullable = false)
  private String title;

  @Column private String description;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  private String fields;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  private String questions;

  @Column(name = "opens_at")
  private Instant opensAt;

  @Column(name = "closes_at")
  private Instant closesAt;

  @Column(nullable = false)
  private String audience;

  @Column(nullable = false)
  private boolean anonymous;

  @Column(name = "results_visibility", nullable = false)
  private String resultsVisibility;

  @Column(nullable = false)
  private String state;

  @Column(name = "origin_id", updatable = false)
  private UUID originId;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private int version;

  protected ModuleItem() {}

  public ModuleItem(
      String tenantId, String module, String kind, UUID originId, String createdBy, Instant now) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.module = module;
    this.kind = kind;
    this.originId = originId;
    this.createdBy = createdBy;
    this.createdAt = now;
    this.updatedAt = now;
    this.state = "DRAFT";
    this.fields = "{}";
    this.questions = "[]";
  }

  /** Sets what an owner edits; the caller checked it. */
  public void define(
      String title,
      String description,
      String fields,
      String questions,
      Instant opensAt,
      Instant closesAt,
      String audience,
      boolean anonymous,
      String resultsVisibility,
      Instant now) {
    this.title = title;
    this.description = description;
    this.fields = fields;
    this.questions = questions;
    this.opensAt = opensAt;
    this.closesAt = closesAt;
    this.audience = audience;
    this.anonymous = anonymous;
    this.resultsVisibility = resultsVisibility;
    this.updatedAt = now;
  }

  public void moveTo(String newState, Instant now) {
    this.state = newState;
    this.updatedAt = now;
  }

  /** Closing early: the close time becomes now. */
  public void closeAt(Instant now) {
    this.closesAt = now;
    moveTo("CLOSED", now);
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

  public String getKind() {
    return kind;
  }

  public String getTitle() {
    return title;
  }

  public String getDescription() {
    return description;
  }

  public String getFields() {
    return fields;
  }

  public String getQuestions() {
    return questions;
  }

  public Instant getOpensAt() {
    return opensAt;
  }

  public Instant getClosesAt() {
    return closesAt;
  }

  public String getAudience() {
    return audience;
  }

  public boolean isAnonymous() {
    return anonymous;
  }

  public String getResultsVisibility() {
    return resultsVisibility;
  }

  public String getState() {
    return state;
  }

  public UUID getOriginId() {
    return originId;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public int getVersion() {
    return version;
  }
}
