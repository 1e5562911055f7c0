package org.unionhub.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.unionhub.platform.security.Caller;
import org.unionhub.sdk.Role;

/** Who is logged in, and logging out. */
@Named
@RequestScoped
public class SessionBean {

  @Inject Caller caller;

  public boolean isLoggedIn() {
    return !caller.username().equals("anonymous");
  }

  /**
   * @return whether the caller administers tenants (tenant or platform admin): the admin console
   */
  public boolean isAdmin() {
    return caller.hasRole(Role.TENANT_ADMIN) || caller.hasRole(Role.PLATFORM_ADMIN);
  }

  public String getUsername() {
    return caller.username();
  }

  /**
   * Ends the session and goes home.
   *
   * @throws IOException when the redirect fails
   * @throws ServletException when the container cannot log out
   */
  public void logout() throws IOException, ServletException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/");
  }
}
