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
  @Column(length = 64)
  private String code;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private TenantLevel level;

  @Column(name = "parent_code", length = 64)
  private String parentCode;

  @Column(nullable = false)
  private boolean active;

  protected Tenant() {}

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

  TenantView view() {
    return new TenantView(code, name, level, parentCode, active);
  }
}
