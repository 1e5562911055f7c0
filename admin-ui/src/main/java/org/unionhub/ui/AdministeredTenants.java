package org.unionhub.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.unionhub.platform.config.ConfigurationAdmin;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.platform.tenancy.Visibility;

/**
 * The unions the caller administers, parents first, worked out once per request: the admin pages'
 * union pickers read it several times while rendering.
 */
@RequestScoped
public class AdministeredTenants {

  @Inject Caller caller;
  @Inject ConfigurationAdmin admin;
  @Inject TenantDirectory tenants;
  @Inject Visibility visibility;

  private List<TenantView> all;

  /**
   * @return the unions the caller administers, parents first
   */
  public List<TenantView> all() {
    if (all == null) {
      var scope = visibility.requestScope(caller);
      all =
          tenants.all().stream()
              .filter(t -> scope.contains(t.code()) && admin.mayAdminister(caller, t.code()))
              .toList();
    }
    return all;
  }
}
