package org.unionhub.tenant.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.unionhub.tenant.groups.GroupDirectory;

class UserReconcilerTest {

  /** Users in memory, with the rule Keycloak enforces: usernames are unique. */
  static final class InMemoryUsers implements UserDirectory {
    final Map<String, User> users = new LinkedHashMap<>();
    final Map<String, Set<String>> groups = new HashMap<>();
    final Map<String, Set<String>> roles = new HashMap<>();
    final Set<String> loggedOut = new HashSet<>();
    int writes;

    @Override
    public Optional<User> findByUsername(String username) {
      return users.values().stream().filter(u -> u.username().equals(username)).findFirst();
    }

    @Override
    public Optional<User> findById(String id) {
      return Optional.ofNullable(users.get(id));
    }

    @Override
    public String create(User user) {
      if (findByUsername(user.username()).isPresent()) {
        throw new IllegalStateException("409");
      }
      String id = UUID.randomUUID().toString();
      users.put(
          id,
          new User(
              id,
              user.username(),
              user.name(),
              user.mobile(),
              user.email(),
              user.enabled(),
              user.attributes()));
      writes++;
      return id;
    }

    @Override
    public void update(User user) {
      users.put(user.id(), user);
      writes++;
    }

    @Override
    public Set<String> tenantGroups(String id) {
      return Set.copyOf(groups.getOrDefault(id, Set.of()));
    }

    @Override
    public void joinGroup(String id, String groupId) {
      groups.computeIfAbsent(id, k -> new HashSet<>()).add(groupId);
      writes++;
    }

    @Override
    public void leaveGroup(String id, String groupId) {
      groups.get(id).remove(groupId);
      writes++;
    }

    @Override
    public Set<String> realmRoles(String id) {
      return Set.copyOf(roles.getOrDefault(id, Set.of()));
    }

    @Override
    public void addRealmRoles(String id, Set<String> add) {
      roles.computeIfAbsent(id, k -> new HashSet<>()).addAll(add);
      writes++;
    }

    @Override
    public void removeRealmRoles(String id, Set<String> remove) {
      roles.get(id).removeAll(remove);
      writes++;
    }

    @Override
    public void logout(String id) {
      loggedOut.add(id);
    }

    @Override
    public void delete(String id) {
      users.remove(id);
    }

    @Override
    public SetupLink setupLink(String id) {
      return new SetupLink("http://kc/action-token?key=" + id, Instant.EPOCH);
    }

    @Override
    public java.util.List<Unmanaged> unmanaged(Set<String> roles) {
      return java.util.List.of();
    }
  }

  private static final GroupDirectory GROUPS =
      new GroupDirectory() {
        @Override
        public Optional<Group> findByTenant(String tenantCode) {
          return tenantCode.equals("missing")
              ? Optional.empty()
              : Optional.of(new Group("g-" + tenantCode, "/" + tenantCode, Map.of()));
        }

        @Override
        public Group create(String parentId, String name, Map<String, String> attributes) {
          throw new UnsupportedOperationException();
        }

        @Override
        public void move(String id, String parentId) {
          throw new UnsupportedOperationException();
        }

        @Override
        public void setAttributes(String id, Map<String, String> attributes) {
          throw new UnsupportedOperationException();
        }
      };

  private final InMemoryUsers users = new InMemoryUsers();
  private final String personId = UUID.randomUUID().toString();

  private UserReconciler.Wanted wanted(
      String tenant, Set<String> roles, boolean enabled, String kc) {
    return new UserReconciler.Wanted(
        personId, "li.ming", "李明", "13800138000", null, tenant, roles, enabled, kc);
  }

  @Test
  void aNewAccountBecomesAUserInItsUnionsGroupWithItsRoles() {
    String id =
        UserReconciler.reconcile(wanted("gd-sz-ns", Set.of("staff"), true, null), users, GROUPS);
    assertThat(users.users.get(id).attributes()).containsEntry(UserDirectory.PERSON_ID, personId);
    assertThat(users.users.get(id).mobile()).isEqualTo("13800138000");
    assertThat(users.groups.get(id)).containsExactly("g-gd-sz-ns");
    assertThat(users.roles.get(id)).containsExactly("staff");
    assertThat(users.loggedOut).isEmpty();
  }

  @Test
  void repeatingItChangesNothingAndAMoveLeavesTheOldGroup() {
    String id =
        UserReconciler.reconcile(wanted("gd-sz-ns", Set.of("staff"), true, null), users, GROUPS);
    int writes = users.writes;
    assertThat(
            UserReconciler.reconcile(wanted("gd-sz-ns", Set.of("staff"), true, id), users, GROUPS))
        .isEqualTo(id);
    assertThat(users.writes).isEqualTo(writes);
    UserReconciler.reconcile(wanted("gd-sz-ft", Set.of("tenant-admin"), true, id), users, GROUPS);
    assertThat(users.groups.get(id)).containsExactly("g-gd-sz-ft");
    assertThat(users.roles.get(id)).containsExactly("tenant-admin");
  }

  @Test
  void rolesUnionHubDoesNotManageAreLeftAlone() {
    String id =
        UserReconciler.reconcile(wanted("gd-sz-ns", Set.of("staff"), true, null), users, GROUPS);
    users.roles.get(id).add("member");
    UserReconciler.reconcile(wanted("gd-sz-ns", Set.of("tenant-admin"), true, id), users, GROUPS);
    assertThat(users.roles.get(id)).containsExactlyInAnyOrder("member", "tenant-admin");
  }

  @Test
  void aDisabledAccountIsADisabledUserWhoseSessionsEnd() {
    String id =
        UserReconciler.reconcile(wanted("gd-sz-ns", Set.of("staff"), true, null), users, GROUPS);
    UserReconciler.reconcile(wanted("gd-sz-ns", Set.of("staff"), false, id), users, GROUPS);
    assertThat(users.users.get(id).enabled()).isFalse();
    assertThat(users.loggedOut).containsExactly(id);
  }

  @Test
  void aUserOfThatNameThatUnionHubDoesNotManageIsNeverTakenOver() {
    users.create(new UserDirectory.User(null, "li.ming", "别人", null, null, true, Map.of()));
    assertThatThrownBy(
            () ->
                UserReconciler.reconcile(
                    wanted("gd-sz-ns", Set.of("staff"), true, null), users, GROUPS))
        .isInstanceOf(UserReconciler.UsernameClashException.class);
  }

  @Test
  void anAccountMadeInKeycloakIsTakenOverOnlyWhenAdoptedByItsId() {
    String made =
        users.create(new UserDirectory.User(null, "li.ming", "李明", null, null, true, Map.of()));
    assertThatThrownBy(
            () ->
                UserReconciler.reconcile(
                    wanted("gd-sz-ns", Set.of("staff"), true, UUID.randomUUID().toString()),
                    users,
                    GROUPS))
        .as("another id: not the adopted account")
        .isInstanceOf(UserReconciler.UsernameClashException.class);
    assertThat(
            UserReconciler.reconcile(
                wanted("gd-sz-ns", Set.of("staff"), true, made), users, GROUPS))
        .isEqualTo(made);
    assertThat(users.users.get(made).attributes()).containsEntry(UserDirectory.PERSON_ID, personId);
    assertThat(users.users.get(made).mobile()).isEqualTo("13800138000");
    assertThat(users.groups.get(made)).containsExactly("g-gd-sz-ns");
    int writes = users.writes;
    UserReconciler.reconcile(wanted("gd-sz-ns", Set.of("staff"), true, made), users, GROUPS);
    assertThat(users.writes).as("once adopted, a repeat changes nothing").isEqualTo(writes);
  }

  @Test
  void aUnionWhoseGroupIsNotInKeycloakYetFailsForARetry() {
    assertThatThrownBy(
            () ->
                UserReconciler.reconcile(
                    wanted("missing", Set.of("staff"), true, null), users, GROUPS))
        .hasMessageContaining("not in Keycloak yet");
  }
}
