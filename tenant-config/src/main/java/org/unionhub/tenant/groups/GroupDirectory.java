package org.unionhub.tenant.groups;

import java.util.Map;
import java.util.Optional;

/**
 * The identity provider's group tree, as far as the sync needs it. Implemented for Keycloak by
 * {@link KeycloakGroupDirectory}; tests use an in-memory one.
 */
public interface GroupDirectory {

  /**
   * A group.
   *
   * @param id the provider's id
   * @param path the full path, {@code /acftu/gd/gd-sz}
   * @param attributes its attributes, one value each
   */
  record Group(String id, String path, Map<String, String> attributes) {}

  /**
   * @param tenantCode a tenant code
   * @return the group whose {@code tenantCode} attribute is that code, wherever it is
   */
  Optional<Group> findByTenant(String tenantCode);

  /**
   * Creates a group.
   *
   * @param parentId the parent group's id, null for a top-level group
   * @param name the group's name
   * @param attributes its attributes
   * @return the new group
   */
  Group create(String parentId, String name, Map<String, String> attributes);

  /**
   * Moves a group, with its subgroups and members, under another.
   *
   * @param id the group's id
   * @param parentId the new parent's id, null for top level
   */
  void move(String id, String parentId);

  /**
   * Sets attributes, keeping any others the group has.
   *
   * @param id the group's id
   * @param attributes the attributes to set
   */
  void setAttributes(String id, Map<String, String> attributes);
}
