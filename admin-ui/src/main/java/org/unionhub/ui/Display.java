package org.unionhub.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.unionhub.platform.security.Caller;
import org.unionhub.sdk.Role;

/**
 * How the page is shown: the member's display mode (the elderly-friendly 长辈模式, remembered in a
 * cookie by {@link DisplayPreference}) and which resources the page needs. A page that uses no
 * PrimeFaces component loads neither PrimeFaces' scripts (its components bring those) nor its theme
 * and icon font (this bean tells the template and the {@code primefaces.THEME} parameter), which
 * keeps a member's page light on a mobile network (ADR 15).
 */
@Named
@RequestScoped
public class Display {

  private static final String PRIMEFACES_PACKAGE = "org.primefaces.";

  @Inject Caller caller;

  private Boolean primeFaces;

  /**
   * @return whether the member switched the larger, higher-contrast display on
   */
  public boolean isCare() {
    HttpServletRequest request = request();
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return false;
    }
    for (Cookie cookie : cookies) {
      if (DisplayPreference.COOKIE.equals(cookie.getName())
          && DisplayPreference.ON.equals(cookie.getValue())) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return the address the browser shows for this page (before any forward), to come back to after
   *     switching the display mode
   */
  public String getBack() {
    HttpServletRequest request = request();
    Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
    String uri = forwarded != null ? forwarded.toString() : request.getRequestURI();
    Object query =
        forwarded != null
            ? request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING)
            : request.getQueryString();
    return query == null || query.toString().isEmpty() ? uri : uri + "?" + query;
  }

  /**
   * @return whether the caller handles requests (staff and admins): they get the worklist link
   */
  public boolean isStaff() {
    return caller.hasRole(Role.STAFF)
        || caller.hasRole(Role.TENANT_ADMIN)
        || caller.hasRole(Role.PLATFORM_ADMIN);
  }

  /**
   * @return whether the page being rendered has a PrimeFaces component anywhere in its tree
   */
  public boolean isPrimeFaces() {
    if (primeFaces == null) {
      FacesContext context = FacesContext.getCurrentInstance();
      primeFaces =
          context != null
              && context.getViewRoot() != null
              && containsPrimeFaces(context.getViewRoot());
    }
    return primeFaces;
  }

  /**
   * @return the PrimeFaces theme for this page: none when the page has no PrimeFaces component
   */
  public String getTheme() {
    return isPrimeFaces() ? "saga" : "none";
  }

  private static boolean containsPrimeFaces(UIComponent component) {
    if (component.getClass().getName().startsWith(PRIMEFACES_PACKAGE)) {
      return true;
    }
    var children = component.getFacetsAndChildren();
    while (children.hasNext()) {
      if (containsPrimeFaces(children.next())) {
        return true;
      }
    }
    return false;
  }

  private static HttpServletRequest request() {
    return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
  }
}
