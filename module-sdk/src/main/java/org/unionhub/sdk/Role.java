package org.unionhub.sdk;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The roles a person can hold on the platform. A module names them wherever it says who may act:
 * workflow transitions, permissions, who creates items, who takes an action, who may read a tally.
 *
 * <p>Roles other than {@link #PLATFORM_ADMIN} and {@link #WORKER} are held <em>in a union</em>:
 * staff of a district act on the district's requests and on those of the unions below it.
 *
 * @since 1.0
 */
public enum Role {
  /** Anyone who has an account and has logged in, member or not (for example, to apply). */
  WORKER("worker"),
  /** A union member. */
  MEMBER("member"),
  /** A union's staff, working its worklist. */
  STAFF("staff"),
  /** A union's administrator: configuration, people, the union's own items. */
  TENANT_ADMIN("tenant-admin"),
  /** The platform's operator; may do anything an administrator of any union may do. */
  PLATFORM_ADMIN("platform-admin");

  private final String id;

  Role(String id) {
    this.id = id;
  }

  /**
   * @return the role's name in tokens, configuration and the API ({@code tenant-admin})
   * @since 1.0
   */
  public String id() {
    return id;
  }

  /**
   * The role with this id.
   *
   * @param id a role id such as {@code staff}
   * @return the role, empty for an unknown id
   * @since 1.0
   */
  public static Optional<Role> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }

  /**
   * The roles among these ids; unknown ids are left out. Every logged-in caller holds {@link
   * #WORKER} as well.
   *
   * @param ids role ids, as a token carries them
   * @return the roles
   * @since 1.0
   */
  public static Set<Role> of(Collection<String> ids) {
    var roles =
        ids.stream()
            .map(Role::byId)
            .flatMap(Optional::stream)
            .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(Role.class)));
    roles.add(WORKER);
    return Set.copyOf(roles);
  }

  @Override
  public String toString() {
    return id;
  }
}
