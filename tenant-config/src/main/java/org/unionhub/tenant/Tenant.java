package org.unionhub.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.unionhub.platform.tenancy.TenantLevel;
import org.unionhub.platform.tenancy.TenantView;

/** A union in the tree. Its code is a stable identifier that never changes. */
@Entity
@Table(name = "tenant")
public class Tenant {

  @Id
  @Column(length = 64, updatable = false)
  private String code;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20, updatable = false)
  private TenantLevel level;

  @Column(name = "parent_code", length = 64)
  private String parentCode;

  @Column(nullable = false)
  private boolean active;

  /** A grassroots union's employer (GB 32100-2015), unique among active tenants. */
  @Column(name = "credit_code", length = 18)
  private String creditCode;

  protected Tenant() {}

  /**
   * A new tenant; the caller has checked the tree rules.
   *
   * @param code its stable code
   * @param name its name
   * @param level its level
   * @param parentCode its parent's code
   */
  public Tenant(String code, String name, TenantLevel level, String parentCode) {
    this.code = code;
    this.name = name;
    this.level = level;
    this.parentCode = parentCode;
    this.active = true;
  }

  /**
   * @param name the new name
   */
  public void rename(String name) {
    this.name = name;
  }

  /**
   * @param parentCode the new parent's code
   */
  public void moveTo(String parentCode) {
    this.parentCode = parentCode;
  }

  /**
   * @param active whether the tenant takes new requests
   */
  /**
   * @param creditCode the employer's unified social credit code, or null for none
   */
  public void setCreditCode(String creditCode) {
    this.creditCode = creditCode;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public TenantLevel getLevel() {
    return level;
  }

  public String getParentCode() {
    return parentCode;
  }

  public boolean isActive() {
    return active;
  }

  /**
   * @return the tenant as the runtime sees it
   */
  public TenantView view() {
    return new TenantView(code, name, level, parentCode, active, creditCode);
  }
}
