package org.unionhub.tenant.members;

/** The identity provider's users, as far as membership needs them. */
public interface MemberDirectory {

  /**
   * Makes the user's account match their membership.
   *
   * @param username the user
   * @param tenantCode the union they are a member of, or null when they are no member
   * @param leftTenant a union whose group they must leave, or null
   */
  void apply(String username, String tenantCode, String leftTenant);
}
