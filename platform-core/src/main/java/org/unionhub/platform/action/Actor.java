package org.unionhub.platform.action;

import java.util.Set;
import org.unionhub.sdk.Role;

/**
 * Who takes an action, as far as the decisions need to know.
 *
 * @param username the user name
 * @param roles the roles they hold
 * @param inAudience whether they belong to the target's audience: for an item, a member of the
 *     owning union's subtree (or anyone logged in, for an item open to all); for a request, someone
 *     who may see it
 */
public record Actor(String username, Set<Role> roles, boolean inAudience) {

  public Actor {
    roles = Set.copyOf(roles);
  }
}
