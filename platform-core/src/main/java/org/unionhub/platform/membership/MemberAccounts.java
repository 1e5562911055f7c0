package org.unionhub.platform.membership;

/**
 * Port to the identity provider: a member's {@code member} role and their union's group follow
 * their membership. Implementations record the change in the caller's transaction (an outbox) and
 * apply it later with retries, so that a membership commits while Keycloak is down.
 */
public interface MemberAccounts {

  /**
   * @param username the member
   * @param leftTenant the union whose group they leave, or null
   */
  void changed(String username, String leftTenant);
}
