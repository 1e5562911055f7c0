package org.unionhub.tenant.groups;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.GroupsResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.GroupRepresentation;

/**
 * The groups of UnionHub's Keycloak realm, changed through Keycloak's admin REST API as the service
 * account of the confidential client {@code unionhub-admin} (client credentials; realm management
 * roles query-groups, view-users, manage-users).
 *
 * <p>Configuration, system properties that configure.cli sets: {@code unionhub.oidc.provider-url}
 * (the realm's URL, which the OIDC client uses too), {@code unionhub.keycloak.admin-client} and
 * {@code unionhub.keycloak.admin-secret}.
 *
 * <p>The admin client runs on the RESTEasy client and Jackson that WildFly gives every JAX-RS
 * deployment; the WAR carries only Keycloak's own two jars.
 */
@ApplicationScoped
public class KeycloakGroupDirectory implements GroupDirectory {

  private volatile Keycloak keycloak;
  private volatile String realm;

  /** The realm URL split into server and realm: {@code http://host:8180/realms/unionhub}. */
  record Realm(String server, String name) {
    static Realm of(String providerUrl) {
      String url = providerUrl.replaceAll("/+$", "");
      int at = url.lastIndexOf("/realms/");
      if (at < 0) {
        throw new IllegalStateException(
            "unionhub.oidc.provider-url must end in /realms/<realm>: " + providerUrl);
      }
      return new Realm(url.substring(0, at), url.substring(at + "/realms/".length()));
    }
  }

  private GroupsResource groups() {
    return realm().groups();
  }

  /**
   * @return the realm in Keycloak's admin API, as the service account; also used for users
   */
  public RealmResource realm() {
    return client().realm(realm);
  }

  /**
   * @return the realm's URL, {@code http://host:8180/realms/unionhub}
   */
  public String realmUrl() {
    return System.getProperty("unionhub.oidc.provider-url", "http://localhost:8180/realms/unionhub")
        .replaceAll("/+$", "");
  }

  /**
   * @return a current access token of the service account
   */
  public String accessToken() {
    return client().tokenManager().getAccessTokenString();
  }

  private Keycloak client() {
    Keycloak k = keycloak;
    if (k == null) {
      synchronized (this) {
        if (keycloak == null) {
          String secret = System.getProperty("unionhub.keycloak.admin-secret");
          if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(
                "unionhub.keycloak.admin-secret is not set; tenant groups cannot be synchronised");
          }
          Realm r =
              Realm.of(
                  System.getProperty(
                      "unionhub.oidc.provider-url", "http://localhost:8180/realms/unionhub"));
          var http =
              ClientBuilder.newBuilder()
                  .connectTimeout(5, TimeUnit.SECONDS)
                  .readTimeout(15, TimeUnit.SECONDS)
                  .register(new JacksonProvider(), 100)
                  .build();
          realm = r.name();
          keycloak =
              KeycloakBuilder.builder()
                  .serverUrl(r.server())
                  .realm(r.name())
                  .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                  .clientId(System.getProperty("unionhub.keycloak.admin-client", "unionhub-admin"))
                  .clientSecret(secret)
                  .resteasyClient(http)
                  .build();
        }
        k = keycloak;
      }
    }
    return k;
  }

  @Override
  public Optional<Group> findByTenant(String tenantCode) {
    return groups()
        .query(GroupReconciler.TENANT_CODE + ":" + tenantCode, false, 0, 10, false)
        .stream()
        .filter(g -> tenantCode.equals(first(g.getAttributes(), GroupReconciler.TENANT_CODE)))
        .findFirst()
        .map(KeycloakGroupDirectory::group);
  }

  @Override
  public Group create(String parentId, String name, Map<String, String> attributes) {
    var rep = new GroupRepresentation();
    rep.setName(name);
    rep.setAttributes(multi(attributes));
    try (Response response =
        parentId == null ? groups().add(rep) : groups().group(parentId).subGroup(rep)) {
      String id = CreatedResponseUtil.getCreatedId(response);
      return group(groups().group(id).toRepresentation());
    }
  }

  @Override
  public void move(String id, String parentId) {
    var rep = new GroupRepresentation();
    rep.setId(id);
    rep.setName(groups().group(id).toRepresentation().getName());
    try (Response response =
        parentId == null ? groups().add(rep) : groups().group(parentId).subGroup(rep)) {
      if (response.getStatus() >= 300) {
        throw new IllegalStateException(
            "Keycloak refused to move group " + id + ": HTTP " + response.getStatus());
      }
    }
  }

  @Override
  public void setAttributes(String id, Map<String, String> attributes) {
    GroupRepresentation rep = groups().group(id).toRepresentation();
    var merged = new HashMap<String, List<String>>();
    if (rep.getAttributes() != null) {
      merged.putAll(rep.getAttributes());
    }
    merged.putAll(multi(attributes));
    rep.setAttributes(merged);
    rep.setSubGroups(null);
    groups().group(id).update(rep);
  }

  private static Group group(GroupRepresentation g) {
    var attributes = new HashMap<String, String>();
    if (g.getAttributes() != null) {
      g.getAttributes()
          .forEach(
              (k, v) -> {
                if (v != null && !v.isEmpty()) {
                  attributes.put(k, v.get(0));
                }
              });
    }
    return new Group(g.getId(), g.getPath(), attributes);
  }

  private static String first(Map<String, List<String>> attributes, String name) {
    if (attributes == null || attributes.get(name) == null || attributes.get(name).isEmpty()) {
      return null;
    }
    return attributes.get(name).get(0);
  }

  private static Map<String, List<String>> multi(Map<String, String> attributes) {
    var result = new HashMap<String, List<String>>();
    attributes.forEach((k, v) -> result.put(k, new ArrayList<>(List.of(v))));
    return result;
  }

  @PreDestroy
  void close() {
    Keycloak k = keycloak;
    if (k != null) {
      k.close();
    }
  }
}
