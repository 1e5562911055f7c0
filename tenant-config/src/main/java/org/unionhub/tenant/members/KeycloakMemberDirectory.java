package org.unionhub.tenant.members;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientBuilder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.unionhub.tenant.groups.GroupDirectory;

/**
 * Members' accounts in UnionHub's Keycloak realm, as the service account of {@code unionhub-admin}
 * (manage-users): the realm role {@code member} and membership of the union's group.
 */
@ApplicationScoped
public class KeycloakMemberDirectory implements MemberDirectory {

  static final String MEMBER_ROLE = "member";

  @Inject GroupDirectory groups;

  private volatile Keycloak keycloak;
  private volatile String realmName;

  private RealmResource realm() {
    Keycloak k = keycloak;
    if (k == null) {
      synchronized (this) {
        if (keycloak == null) {
          String secret = System.getProperty("unionhub.keycloak.admin-secret");
          if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("unionhub.keycloak.admin-secret is not set");
          }
          String url =
              System.getProperty(
                      "unionhub.oidc.provider-url", "http://localhost:8180/realms/unionhub")
                  .replaceAll("/+$", "");
          int at = url.lastIndexOf("/realms/");
          realmName = url.substring(at + "/realms/".length());
          keycloak =
              KeycloakBuilder.builder()
                  .serverUrl(url.substring(0, at))
                  .realm(realmName)
                  .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                  .clientId(System.getProperty("unionhub.keycloak.admin-client", "unionhub-admin"))
                  .clientSecret(secret)
                  .resteasyClient(
                      ClientBuilder.newBuilder()
                          .connectTimeout(5, TimeUnit.SECONDS)
                          .readTimeout(15, TimeUnit.SECONDS)
                          .register(new JacksonProvider(), 100)
                          .build())
                  .build();
        }
        k = keycloak;
      }
    }
    return k.realm(realmName);
  }

  @Override
  public void apply(String username, String tenantCode, String leftTenant) {
    RealmResource realm = realm();
    List<UserRepresentation> found = realm.users().search(username, true);
    if (found.isEmpty()) {
      throw new IllegalStateException("no Keycloak user '" + username + "'");
    }
    UserResource user = realm.users().get(found.get(0).getId());
    // Role representations come from the user's own mappings: that needs view-users and
    // manage-users only, not view-realm.
    List<RoleRepresentation> held =
        user.roles().realmLevel().listAll().stream()
            .filter(r -> MEMBER_ROLE.equals(r.getName()))
            .toList();
    if (leftTenant != null && !leftTenant.equals(tenantCode)) {
      groups.findByTenant(leftTenant).ifPresent(g -> user.leaveGroup(g.id()));
    }
    if (tenantCode == null) {
      if (!held.isEmpty()) {
        user.roles().realmLevel().remove(held);
      }
      return;
    }
    if (held.isEmpty()) {
      List<RoleRepresentation> available =
          user.roles().realmLevel().listAvailable().stream()
              .filter(r -> MEMBER_ROLE.equals(r.getName()))
              .toList();
      if (available.isEmpty()) {
        throw new IllegalStateException("the realm has no role '" + MEMBER_ROLE + "' to map");
      }
      user.roles().realmLevel().add(available);
    }
    String groupId =
        groups
            .findByTenant(tenantCode)
            .orElseThrow(
                () -> new IllegalStateException("no Keycloak group of union " + tenantCode))
            .id();
    user.joinGroup(groupId);
  }

  @PreDestroy
  void close() {
    Keycloak k = keycloak;
    if (k != null) {
      k.close();
    }
  }
}
