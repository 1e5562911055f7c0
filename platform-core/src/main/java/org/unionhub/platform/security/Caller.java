package org.unionhub.platform.security;

import java.util.Set;

/**
 * The authenticated caller of one request.
 *
 * @param username the Keycloak user name
 * @param roles realm roles
 * @param tenants codes of the tenants the caller belongs to (Keycloak groups, last path segment)
 */
public record Caller(String username, Set<String> roles, Set<String> tenants)
    implements java.io.Serializable {

  public Caller {
    roles = Set.copyOf(roles);
    tenants = Set.copyOf(tenants);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /**
   * @return whether the caller works for a union (staff, tenant admin or platform admin)
   */
  public boolean isUnionOfficer() {
    return hasRole(Role.STAFF) || hasRole(Role.TENANT_ADMIN) || hasRole(Role.PLATFORM_ADMIN);
  }
}
