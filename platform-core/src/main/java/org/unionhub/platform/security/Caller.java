package org.unionhub.platform.security;

import java.util.Collection;
import java.util.Set;
import org.unionhub.sdk.Role;

/**
 * The authenticated caller of one request.
 *
 * @param username the Keycloak user name
 * @param roles the caller's roles; a logged-in caller also holds {@link Role#WORKER}
 * @param tenants codes of the tenants the caller belongs to (Keycloak groups, last path segment)
 */
public record Caller(String username, Set<Role> roles, Set<String> tenants)
    implements java.io.Serializable {

  public Caller {
    roles = Set.copyOf(roles);
    tenants = Set.copyOf(tenants);
  }

  /**
   * A caller as a token describes it: realm roles the platform does not know are left out, and
   * {@link Role#WORKER} is added.
   *
   * @param username the user name
   * @param roleIds the token's realm roles
   * @param tenants the caller's tenant codes
   * @return the caller
   */
  public static Caller of(String username, Collection<String> roleIds, Set<String> tenants) {
    return new Caller(username, Role.of(roleIds), tenants);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  /**
   * @return whether the caller works for a union (staff, tenant admin or platform admin)
   */
  public boolean isUnionOfficer() {
    return hasRole(Role.STAFF) || hasRole(Role.TENANT_ADMIN) || hasRole(Role.PLATFORM_ADMIN);
  }
}
