package org.unionhub.testkit;

import java.util.Set;
import org.unionhub.sdk.Role;

/**
 * Someone who acts in a {@link ModuleTestKit}: their user name, their roles and whether they belong
 * to the kit's union ({@value ModuleTestKit#TENANT}, or a union below it).
 *
 * @param username the user name
 * @param roles the roles they hold ({@link Role#WORKER} is added: everyone logged in holds it)
 * @param inUnion whether they belong to the kit's union or a union below it
 * @since 1.0
 */
public record TestActor(String username, Set<Role> roles, boolean inUnion) {

  /**
   * Copies the roles and adds {@link Role#WORKER}.
   *
   * @since 1.0
   */
  public TestActor {
    var all = new java.util.HashSet<>(roles);
    all.add(Role.WORKER);
    roles = Set.copyOf(all);
  }

  /**
   * @param username the user name
   * @return a member of the kit's union
   * @since 1.0
   */
  public static TestActor member(String username) {
    return new TestActor(username, Set.of(Role.MEMBER), true);
  }

  /**
   * @param username the user name
   * @return a member of another union, outside the kit's union's subtree
   * @since 1.0
   */
  public static TestActor memberElsewhere(String username) {
    return new TestActor(username, Set.of(Role.MEMBER), false);
  }

  /**
   * @param username the user name
   * @return someone who can log in but is no union's member
   * @since 1.0
   */
  public static TestActor worker(String username) {
    return new TestActor(username, Set.of(), false);
  }

  /**
   * @param username the user name
   * @return staff of the kit's union
   * @since 1.0
   */
  public static TestActor staff(String username) {
    return new TestActor(username, Set.of(Role.STAFF), true);
  }

  /**
   * @param username the user name
   * @return a tenant admin of the kit's union
   * @since 1.0
   */
  public static TestActor admin(String username) {
    return new TestActor(username, Set.of(Role.TENANT_ADMIN), true);
  }
}
