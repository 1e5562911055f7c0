package org.unionhub.tenant.people;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The identity provider's users, as far as the sync of accounts needs them. Implemented for
 * Keycloak by {@link KeycloakUserDirectory}; tests use an in-memory one.
 */
public interface UserDirectory {

  /** The attribute that ties a Keycloak user to UnionHub's account. */
  String PERSON_ID = "unionhubPersonId";

  /**
   * A user.
   *
   * @param id the provider's id
   * @param username the login name
   * @param name the name (Keycloak's first name)
   * @param mobile the {@code mobile} attribute, or null
   * @param email the e-mail address, or null
   * @param enabled whether the user may log in
   * @param attributes its attributes, one value each
   */
  record User(
      String id,
      String username,
      String name,
      String mobile,
      String email,
      boolean enabled,
      Map<String, String> attributes) {}

  /**
   * A one-time link that lets the user set their password.
   *
   * @param url the link
   * @param expires when it stops working
   */
  record SetupLink(String url, Instant expires) {}

  /**
   * @param username a login name
   * @return the user of that exact name
   */
  Optional<User> findByUsername(String username);

  /**
   * @param id the provider's id
   * @return the user
   */
  Optional<User> findById(String id);

  /**
   * Creates a user with no credentials.
   *
   * @param user what to create (its id is ignored)
   * @return the new user's id
   */
  String create(User user);

  /**
   * Sets name, mobile, e-mail, enabled and the given attributes, keeping any others.
   *
   * @param user the user as wanted
   */
  void update(User user);

  /**
   * @param id a user
   * @return the ids of the tenant groups (groups with a {@code tenantCode}) the user is in
   */
  Set<String> tenantGroups(String id);

  void joinGroup(String id, String groupId);

  void leaveGroup(String id, String groupId);

  /**
   * @param id a user
   * @return the user's realm roles (directly assigned)
   */
  Set<String> realmRoles(String id);

  void addRealmRoles(String id, Set<String> roles);

  void removeRealmRoles(String id, Set<String> roles);

  /**
   * Ends every session of the user.
   *
   * @param id a user
   */
  void logout(String id);

  /**
   * Deletes a user, with their credentials and sessions.
   *
   * @param id a user
   */
  void delete(String id);

  /**
   * Issues a one-time link with which the user sets a password (Keycloak's execute-actions token,
   * action UPDATE_PASSWORD).
   *
   * @param id a user
   * @return the link
   */
  SetupLink setupLink(String id);

  /**
   * An account that holds a role UnionHub manages but was made outside UnionHub (no {@link
   * #PERSON_ID}), for example in Keycloak's own console.
   *
   * @param id Keycloak's id
   * @param username the login name
   * @param name the name (Keycloak's first name)
   * @param mobile the mobile number, or null
   * @param email the e-mail address, or null
   * @param enabled whether the account is enabled
   * @param roles the managed roles it holds
   * @param tenants the codes of the unions whose groups it is in
   */
  record Unmanaged(
      String id,
      String username,
      String name,
      String mobile,
      String email,
      boolean enabled,
      Set<String> roles,
      java.util.List<String> tenants) {}

  /**
   * @param roles the realm roles UnionHub manages
   * @return the accounts holding one of them that UnionHub did not make
   */
  java.util.List<Unmanaged> unmanaged(Set<String> roles);
}
