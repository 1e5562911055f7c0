package org.unionhub.sdk;

import java.util.List;
import java.util.Set;

/**
 * Something a module lets people do beyond the workflow's transitions, for example reading an
 * applicant's full ID number. The platform shows permissions to admins and grants each to the roles
 * named here.
 *
 * @param name the permission's name, {@code [a-z][a-z0-9.-]{1,63}}, unique in the module
 * @param label what admins see
 * @param roles the roles holding the permission: {@code staff}, {@code tenant-admin}, {@code
 *     member}
 * @since 0.2
 */
public record Permission(String name, LocalizedText label, Set<String> roles) {

  /**
   * The permission to see identifiers (resident ID numbers) unmasked. A module that declares it
   * lets the roles named there ask for a request's full data; every such reveal is audited.
   *
   * @since 0.2
   */
  public static final String REVEAL_IDENTIFIERS = "reveal-identifiers";

  /** The roles a permission may name. */
  public static final List<String> ROLES = List.of("staff", "tenant-admin", "member");

  /**
   * Copies the roles; null becomes empty.
   *
   * @since 0.2
   */
  public Permission {
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }

  /**
   * Whether someone with these roles holds the permission. Platform admins hold every permission.
   *
   * @param callerRoles the caller's roles
   * @return whether the permission is held
   * @since 0.2
   */
  public boolean heldBy(Set<String> callerRoles) {
    return callerRoles.contains("platform-admin") || roles.stream().anyMatch(callerRoles::contains);
  }
}
