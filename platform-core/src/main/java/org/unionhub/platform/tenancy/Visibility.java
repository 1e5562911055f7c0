package org.unionhub.platform.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.unionhub.platform.security.Caller;
import org.unionhub.sdk.Role;

/**
 * Whose data a caller may see: union officers see their tenants and all descendants, never siblings
 * or ancestors; platform admins see everything.
 */
@ApplicationScoped
public class Visibility {

  @Inject TenantDirectory directory;

  /**
   * @param caller the caller
   * @return codes of the tenants whose requests the caller may see
   */
  public Set<String> requestScope(Caller caller) {
    if (caller.hasRole(Role.PLATFORM_ADMIN)) {
      return directory.all().stream().map(TenantView::code).collect(Collectors.toSet());
    }
    if (!caller.isUnionOfficer()) {
      return Set.of();
    }
    var scope = new HashSet<String>();
    caller.tenants().forEach(code -> scope.addAll(directory.subtree(code)));
    return scope;
  }
}
