package org.unionhub.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/** Reads the caller from the OIDC token that WildFly's elytron-oidc-client verified. */
@RequestScoped
public class CallerProducer {

  @Inject HttpServletRequest request;

  /** Dependent: a record cannot be proxied, and the token does not change within a request. */
  @Produces
  Caller caller() {
    var context = (OidcSecurityContext) request.getAttribute(OidcSecurityContext.class.getName());
    if (context == null || context.getToken() == null) {
      return new Caller("anonymous", Set.of(), Set.of());
    }
    AccessToken token = context.getToken();
    return Caller.of(
        token.getPreferredUsername(), realmRoles(token), tenants(token.getClaimValue("groups")));
  }

  private static Set<String> realmRoles(AccessToken token) {
    Object realmAccess = token.getClaimValue("realm_access");
    if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
      var result = new HashSet<String>();
      roles.forEach(r -> result.add(String.valueOf(r)));
      return result;
    }
    var access = token.getRealmAccessClaim();
    return access == null ? Set.of() : new HashSet<>(access.getRoles());
  }

  /** Groups come as full paths, {@code /acftu/gd/gd-sz/gd-sz-ft}; the last segment is the code. */
  static Set<String> tenants(Object groupsClaim) {
    var result = new HashSet<String>();
    if (groupsClaim instanceof Collection<?> groups) {
      for (Object g : groups) {
        String path = String.valueOf(g);
        List<String> parts = List.of(path.split("/"));
        if (!parts.isEmpty() && !parts.get(parts.size() - 1).isBlank()) {
          result.add(parts.get(parts.size() - 1));
        }
      }
    }
    return result;
  }
}
