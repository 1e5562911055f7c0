package org.unionhub.sdk;

import java.util.Set;

/**
 * Something a module lets people do beyond workflow transitions, held by roles. The platform
 * enforces the permissions it knows (such as {@link #REVEAL_IDENTIFIERS}); a platform admin holds
 * every permission.
 *
 * @param name lower-case name, {@code [a-z][a-z0-9.-]{1,63}}
 * @param label what the permission allows, for the admin console
 * @param roles the roles that hold it
 * @since 0.2 (roles as {@link Role} since 1.0)
 */
public record Permission(String name, LocalizedText label, Set<Role> roles) {

  /**
   * Seeing a request's full ID numbers instead of masked ones; every use is audited.
   *
   * @since 0.2
   */
  public static final String REVEAL_IDENTIFIERS = "reveal-identifiers";

  /**
   * Copies the roles; null becomes empty.
   *
   * @since 0.2
   */
  public Permission {
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }

  /**
   * Whether a caller with these roles holds the permission.
   *
   * @param callerRoles the caller's roles
   * @return true for a platform admin or a caller holding one of the permission's roles
   * @since 1.0
   */
  public boolean heldBy(Set<Role> callerRoles) {
    return callerRoles.contains(Role.PLATFORM_ADMIN)
        || roles.stream().anyMatch(callerRoles::contains);
  }
}
