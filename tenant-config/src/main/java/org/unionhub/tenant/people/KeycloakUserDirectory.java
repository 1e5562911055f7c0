package org.unionhub.tenant.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.unionhub.platform.json.Json;
import org.unionhub.tenant.groups.GroupReconciler;
import org.unionhub.tenant.groups.KeycloakGroupDirectory;

/**
 * Keycloak's users, through its admin REST API as the same service account as the group sync
 * ({@code unionhub-admin}: manage-users). Set-up links come from UnionHub's own Keycloak extension
 * ({@code keycloak-extensions}, {@code /realms/{realm}/unionhub/users/{id}/setup-link}), which
 * issues Keycloak's execute-actions token for UPDATE_PASSWORD without sending mail.
 */
@ApplicationScoped
public class KeycloakUserDirectory implements UserDirectory {

  // An instance field, not a static one: the client's selector thread keeps the context class
  // loader
  // of the thread that built it, i.e. the application's. Held by a static field of an application
  // class, the client could never be collected, so its thread never ended and kept every class of
  // the application in memory after an undeploy (the IT server ran out of heap after ~20
  // redeploys). Held by the bean, it goes with the application and its thread ends.
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Inject KeycloakGroupDirectory keycloak;

  private RealmResource realm() {
    return keycloak.realm();
  }

  @Override
  public Optional<User> findByUsername(String username) {
    return realm().users().search(username, true).stream()
        .filter(u -> username.equals(u.getUsername()))
        .findFirst()
        .map(KeycloakUserDirectory::user);
  }

  @Override
  public Optional<User> findById(String id) {
    try {
      return Optional.of(user(realm().users().get(id).toRepresentation()));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public String create(User user) {
    var rep = new UserRepresentation();
    rep.setUsername(user.username());
    fill(rep, user, new HashMap<>());
    try (Response response = realm().users().create(rep)) {
      return CreatedResponseUtil.getCreatedId(response);
    }
  }

  @Override
  public void update(User user) {
    UserRepresentation rep = realm().users().get(user.id()).toRepresentation();
    var attributes = new HashMap<String, List<String>>();
    if (rep.getAttributes() != null) {
      attributes.putAll(rep.getAttributes());
    }
    fill(rep, user, attributes);
    realm().users().get(user.id()).update(rep);
  }

  private static void fill(
      UserRepresentation rep, User user, Map<String, List<String>> attributes) {
    rep.setFirstName(user.name());
    // An address a union admin gives is vouched for, as the mobile number is (ADR 0026): the
    // realm asks people who registered themselves to verify theirs.
    if (rep.getId() == null || !java.util.Objects.equals(rep.getEmail(), user.email())) {
      rep.setEmailVerified(user.email() != null);
    }
    rep.setEmail(user.email());
    rep.setEnabled(user.enabled());
    user.attributes().forEach((k, v) -> attributes.put(k, new ArrayList<>(List.of(v))));
    if (user.mobile() == null) {
      attributes.remove("mobile");
    } else {
      attributes.put("mobile", new ArrayList<>(List.of(user.mobile())));
    }
    rep.setAttributes(attributes);
  }

  @Override
  public Set<String> tenantGroups(String id) {
    return realm().users().get(id).groups(0, 1000, false).stream()
        .filter(
            g ->
                g.getAttributes() != null
                    && g.getAttributes().containsKey(GroupReconciler.TENANT_CODE))
        .map(g -> g.getId())
        .collect(Collectors.toSet());
  }

  @Override
  public void joinGroup(String id, String groupId) {
    realm().users().get(id).joinGroup(groupId);
  }

  @Override
  public void leaveGroup(String id, String groupId) {
    realm().users().get(id).leaveGroup(groupId);
  }

  @Override
  public Set<String> realmRoles(String id) {
    return realm().users().get(id).roles().realmLevel().listAll().stream()
        .map(RoleRepresentation::getName)
        .collect(Collectors.toSet());
  }

  // Roles are looked up among the user's available and held roles: that needs view-users only,
  // where reading the realm's roles would need view-realm.
  @Override
  public void addRealmRoles(String id, Set<String> roles) {
    var mapping = realm().users().get(id).roles().realmLevel();
    mapping.add(mapping.listAvailable().stream().filter(r -> roles.contains(r.getName())).toList());
  }

  @Override
  public void removeRealmRoles(String id, Set<String> roles) {
    var mapping = realm().users().get(id).roles().realmLevel();
    mapping.remove(mapping.listAll().stream().filter(r -> roles.contains(r.getName())).toList());
  }

  @Override
  public void logout(String id) {
    realm().users().get(id).logout();
  }

  @Override
  public void delete(String id) {
    try (Response response = realm().users().delete(id)) {
      if (response.getStatus() >= 300 && response.getStatus() != 404) {
        throw new IllegalStateException(
            "Keycloak refused to delete user " + id + ": HTTP " + response.getStatus());
      }
    }
  }

  @Override
  public SetupLink setupLink(String id) {
    var request =
        HttpRequest.newBuilder(
                URI.create(keycloak.realmUrl() + "/unionhub/users/" + id + "/setup-link"))
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", "Bearer " + keycloak.accessToken())
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "Keycloak issued no set-up link: HTTP " + response.statusCode());
      }
      JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
      return new SetupLink(
          body.getString("link"), Instant.ofEpochSecond(body.getJsonNumber("expires").longValue()));
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak issued no set-up link: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public List<Unmanaged> unmanaged(Set<String> roles) {
    var query = new StringBuilder("?groupAttribute=").append(GroupReconciler.TENANT_CODE);
    roles.stream().sorted().forEach(r -> query.append("&role=").append(r));
    var request =
        HttpRequest.newBuilder(
                URI.create(keycloak.realmUrl() + "/unionhub/officers/unmanaged" + query))
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", "Bearer " + keycloak.accessToken())
            .header("Accept", "application/json")
            .GET()
            .build();
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "Keycloak listed no unmanaged accounts: HTTP " + response.statusCode());
      }
      var found = new ArrayList<Unmanaged>();
      for (JsonObject o :
          Json.createReader(new StringReader(response.body()))
              .readArray()
              .getValuesAs(JsonObject.class)) {
        found.add(
            new Unmanaged(
                o.getString("id"),
                o.getString("username"),
                o.getString("firstName", ""),
                o.getString("mobile", "").isEmpty() ? null : o.getString("mobile"),
                o.getString("email", "").isEmpty() ? null : o.getString("email"),
                o.getBoolean("enabled", true),
                o.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream()
                    .map(jakarta.json.JsonString::getString)
                    .collect(Collectors.toSet()),
                o.getJsonArray("tenants").getValuesAs(jakarta.json.JsonString.class).stream()
                    .map(jakarta.json.JsonString::getString)
                    .toList()));
      }
      return found;
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak listed no unmanaged accounts: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static User user(UserRepresentation u) {
    var attributes = new HashMap<String, String>();
    if (u.getAttributes() != null) {
      u.getAttributes()
          .forEach(
              (k, v) -> {
                if (v != null && !v.isEmpty()) {
                  attributes.put(k, v.get(0));
                }
              });
    }
    return new User(
        u.getId(),
        u.getUsername(),
        u.getFirstName(),
        attributes.get("mobile"),
        u.getEmail(),
        Boolean.TRUE.equals(u.isEnabled()),
        attributes);
  }
}
