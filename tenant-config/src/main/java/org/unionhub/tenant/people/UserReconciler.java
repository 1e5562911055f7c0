package org.unionhub.tenant.people;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.unionhub.tenant.groups.GroupDirectory;

/**
 * Makes one Keycloak user match one account as it is now: the user exists (found by the id UnionHub
 * recorded, else by username), carries the name, mobile, e-mail and the account's id, is a member
 * of exactly the group of the account's union among tenant groups, holds exactly the account's
 * managed roles (other realm roles are left alone), and is enabled only while the account is
 * enabled and its union active; a disabled user's sessions end. Like the group reconciler it
 * depends only on current state: running it twice or after a failure half-way converges.
 */
public final class UserReconciler {

  private UserReconciler() {}

  /**
   * An account as the user should reflect it.
   *
   * @param personId UnionHub's id
   * @param username the login name
   * @param name the name
   * @param mobile the mobile number, or null
   * @param email the e-mail address, or null
   * @param tenant the union's code
   * @param roles the managed roles to hold
   * @param enabled whether the account is enabled and its union active
   * @param keycloakId the user's id, when known from an earlier sync
   */
  public record Wanted(
      String personId,
      String username,
      String name,
      String mobile,
      String email,
      String tenant,
      Set<String> roles,
      boolean enabled,
      String keycloakId) {}

  /** A user of that name exists in Keycloak and is not this account's: never taken over. */
  public static final class UsernameClashException extends RuntimeException {
    UsernameClashException(String username) {
      super("Keycloak already has a user " + username + " that UnionHub does not manage");
    }
  }

  /**
   * @param wanted the account
   * @param users Keycloak's users
   * @param groups Keycloak's groups
   * @return the user's id
   */
  public static String reconcile(Wanted wanted, UserDirectory users, GroupDirectory groups) {
    var attributes = new HashMap<String, String>();
    attributes.put(UserDirectory.PERSON_ID, wanted.personId());
    var user =
        new UserDirectory.User(
            null,
            wanted.username(),
            wanted.name(),
            wanted.mobile(),
            wanted.email(),
            wanted.enabled(),
            attributes);
    var found =
        wanted.keycloakId() == null
            ? users.findByUsername(wanted.username())
            : users.findById(wanted.keycloakId()).or(() -> users.findByUsername(wanted.username()));
    String id;
    if (found.isEmpty()) {
      id = users.create(user);
    } else {
      var existing = found.get();
      String owner = existing.attributes().get(UserDirectory.PERSON_ID);
      // An account made outside UnionHub is taken over only when it was adopted by its id.
      boolean adopted = owner == null && existing.id().equals(wanted.keycloakId());
      if (!adopted && !wanted.personId().equals(owner)) {
        throw new UsernameClashException(wanted.username());
      }
      id = existing.id();
      if (adopted
          || !Objects.equals(existing.name(), wanted.name())
          || !Objects.equals(existing.mobile(), wanted.mobile())
          || !Objects.equals(existing.email(), wanted.email())
          || existing.enabled() != wanted.enabled()) {
        users.update(
            new UserDirectory.User(
                id,
                wanted.username(),
                wanted.name(),
                wanted.mobile(),
                wanted.email(),
                wanted.enabled(),
                attributes));
      }
    }
    String groupId =
        groups
            .findByTenant(wanted.tenant())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the group of tenant " + wanted.tenant() + " is not in Keycloak yet"))
            .id();
    Set<String> memberOf = users.tenantGroups(id);
    if (!memberOf.contains(groupId)) {
      users.joinGroup(id, groupId);
    }
    for (String other : memberOf) {
      if (!other.equals(groupId)) {
        users.leaveGroup(id, other);
      }
    }
    Set<String> held = users.realmRoles(id);
    var add = new HashSet<>(wanted.roles());
    add.removeAll(held);
    var remove = new HashSet<>(PersonRules.MANAGED_ROLES);
    remove.retainAll(held);
    remove.removeAll(wanted.roles());
    if (!add.isEmpty()) {
      users.addRealmRoles(id, add);
    }
    if (!remove.isEmpty()) {
      users.removeRealmRoles(id, remove);
    }
    if (!wanted.enabled()) {
      users.logout(id);
    }
    return id;
  }
}
