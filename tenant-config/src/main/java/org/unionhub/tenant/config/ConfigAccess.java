package org.unionhub.tenant.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.unionhub.platform.module.ModuleRegistry;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.platform.tenancy.Visibility;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.ServiceModuleFactory;

/** Who may read and change a tenant's configuration, and the names problems give unions. */
@ApplicationScoped
public class ConfigAccess {

  @Inject TenantDirectory tenants;
  @Inject ModuleRegistry modules;
  @Inject Visibility visibility;

  /**
   * @param caller the caller
   * @param tenantCode a tenant
   * @return whether the caller may read the tenant's configuration
   */
  public boolean mayRead(Caller caller, String tenantCode) {
    Optional<TenantView> tenant = tenants.find(tenantCode);
    if (tenant.isEmpty()) {
      return false;
    }
    if (caller.isUnionOfficer()) {
      return visibility.requestScope(caller).contains(tenantCode);
    }
    return tenant.get().active();
  }

  /**
   * @param caller the caller
   * @param tenantCode a tenant
   * @return whether the caller administers the tenant (an admin of it or an ancestor)
   */
  public boolean mayAdminister(Caller caller, String tenantCode) {
    if (tenants.find(tenantCode).isEmpty()) {
      return false;
    }
    if (caller.hasRole(Role.PLATFORM_ADMIN)) {
      return true;
    }
    return caller.hasRole(Role.TENANT_ADMIN)
        && visibility.requestScope(caller).contains(tenantCode);
  }

  void requireRead(Caller caller, String tenantCode) {
    if (!mayRead(caller, tenantCode)) {
      throw new NotVisibleException("tenant");
    }
  }

  void requireAdmin(Caller caller, String tenantCode) {
    requireRead(caller, tenantCode);
    if (!mayAdminister(caller, tenantCode)) {
      throw new NotAllowedException("only tenant admins of this union or above may change it");
    }
  }

  ServiceModuleFactory module(String moduleId) {
    return modules.find(moduleId).orElseThrow(() -> new NotVisibleException("module"));
  }

  /** A union as problems name it: "广东省总工会 (gd)", or the code alone if it is unknown. */
  String tenantLabel(String code) {
    return tenants.find(code).map(t -> t.name() + " (" + code + ")").orElse(code);
  }
}
