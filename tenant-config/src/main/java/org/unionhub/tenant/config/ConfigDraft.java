package org.unionhub.tenant.config;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;

/** A tenant's unpublished edits to a module's configuration. */
@Entity
@Table(name = "config_draft")
@IdClass(ConfigDraft.Key.class)
public class ConfigDraft {

  /** The draft's key: tenant and module. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String tenantCode;
    private String module;

    /** For JPA. */
    public Key() {}

    /**
     * @param tenantCode the tenant
     * @param module the module
     */
    public Key(String tenantCode, String module) {
      this.tenantCode = tenantCode;
      this.module = module;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && java.util.Objects.equals(tenantCode, k.tenantCode)
          && java.util.Objects.equals(module, k.module);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(tenantCode, module);
    }
  }

  @Id
  @Column(name = "tenant_code", length = 64)
  private String tenantCode;

  @Id
  @Column(length = 40)
  private String module;

  @Column(nullable = false)
  private String document;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 100)
  private String updatedBy;

  @Version private int version;

  protected ConfigDraft() {}

  ConfigDraft(String tenantCode, String module) {
    this.tenantCode = tenantCode;
    this.module = module;
  }

  void edit(String newDocument, String by, Instant at) {
    this.document = newDocument;
    this.updatedBy = by;
    this.updatedAt = at;
  }

  public String getTenantCode() {
    return tenantCode;
  }

  public String getModule() {
    return module;
  }

  public String getDocument() {
    return document;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  public int getVersion() {
    return version;
  }
}
