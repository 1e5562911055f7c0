package org.unionhub.keycloak;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.keycloak.authentication.actiontoken.execactions.ExecuteActionsActionToken;
import org.keycloak.common.util.Time;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resources.LoginActionsService;

/**
 * Issues the one-time set-up link of an account: Keycloak's execute-actions token with the action
 * UPDATE_PASSWORD, the same token its admin API e-mails ({@code execute-actions-email}), but
 * returned to the caller instead of mailed, so that UnionHub can show it (demo) or send it by its
 * own channels. Only callers whose token carries realm-management's {@code manage-users} role — the
 * service account of {@code unionhub-admin} — get one. The link is valid for the realm's lifespan
 * of admin-issued action tokens (12 hours by default) and only once.
 */
public class SetupLinkResource implements RealmResourceProvider {

  /** The client whose login pages the link opens. */
  static final String CLIENT = "unionhub";

  private final KeycloakSession session;

  SetupLinkResource(KeycloakSession session) {
    this.session = session;
  }

  @Override
  public Object getResource() {
    return this;
  }

  /**
   * @param userId a user's id
   * @return {@code {"link": ..., "expires": epoch seconds}}
   */
  @POST
  @Path("users/{id}/setup-link")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> setupLink(@PathParam("id") String userId) {
    AuthenticationManager.AuthResult auth =
        new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
    if (auth == null || !mayManageUsers(auth.getToken())) {
      throw new NotAuthorizedException("Bearer");
    }
    RealmModel realm = session.getContext().getRealm();
    UserModel user = session.users().getUserById(realm, userId);
    if (user == null) {
      throw new NotFoundException("user not found");
    }
    int expires = Time.currentTime() + realm.getActionTokenGeneratedByAdminLifespan();
    var token =
        new ExecuteActionsActionToken(
            user.getId(),
            user.getEmail(),
            expires,
            List.of(UserModel.RequiredAction.UPDATE_PASSWORD.name()),
            null,
            CLIENT);
    var uri = session.getContext().getUri();
    String link =
        LoginActionsService.actionTokenProcessor(uri)
            .queryParam(Constants.KEY, token.serialize(session, realm, uri))
            .queryParam(Constants.CLIENT_ID, CLIENT)
            .build(realm.getName())
            .toString();
    return Map.of("link", link, "expires", expires);
  }

  /**
   * The accounts that hold one of the given realm roles directly but were not made by UnionHub (no
   * {@code unionhubPersonId} attribute): officers an operator made in Keycloak's own console, for
   * UnionHub to adopt into its People list. Service accounts are left out. One database query per
   * role, however many members the realm has.
   *
   * @param roles the realm roles UnionHub manages
   * @param groupAttribute the attribute that marks a group as a union's ({@code tenantCode})
   * @return per account: id, username, firstName, email, mobile (verified or not), enabled, the
   *     roles among {@code roles} it holds and the values of {@code groupAttribute} of its groups
   */
  @GET
  @Path("officers/unmanaged")
  @Produces(MediaType.APPLICATION_JSON)
  public List<Map<String, Object>> unmanagedOfficers(
      @QueryParam("role") List<String> roles, @QueryParam("groupAttribute") String groupAttribute) {
    AuthenticationManager.AuthResult auth =
        new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
    if (auth == null || !mayManageUsers(auth.getToken())) {
      throw new NotAuthorizedException("Bearer");
    }
    RealmModel realm = session.getContext().getRealm();
    var found = new LinkedHashMap<String, UserModel>();
    var held = new HashMap<String, Set<String>>();
    for (String name : roles) {
      RoleModel role = realm.getRole(name);
      if (role == null) {
        continue;
      }
      session
          .users()
          .getRoleMembersStream(realm, role)
          .filter(u -> u.getFirstAttribute(PERSON_ID) == null)
          .filter(u -> u.getServiceAccountClientLink() == null)
          .forEach(
              u -> {
                found.putIfAbsent(u.getId(), u);
                held.computeIfAbsent(u.getId(), k -> new TreeSet<>()).add(name);
              });
    }
    var answer = new ArrayList<Map<String, Object>>();
    for (UserModel u : found.values()) {
      var row = new LinkedHashMap<String, Object>();
      row.put("id", u.getId());
      row.put("username", u.getUsername());
      row.put("firstName", u.getFirstName() == null ? "" : u.getFirstName());
      row.put("email", u.getEmail() == null ? "" : u.getEmail());
      String mobile = u.getFirstAttribute(VerifyMobileAction.MOBILE);
      row.put("mobile", mobile == null ? "" : mobile);
      row.put("enabled", u.isEnabled());
      row.put("roles", List.copyOf(held.get(u.getId())));
      row.put(
          "tenants",
          groupAttribute == null
              ? List.of()
              : u.getGroupsStream()
                  .map(g -> g.getFirstAttribute(groupAttribute))
                  .filter(java.util.Objects::nonNull)
                  .toList());
      answer.add(row);
    }
    return answer;
  }

  /** The attribute UnionHub marks its own accounts with. */
  static final String PERSON_ID = "unionhubPersonId";

  static boolean mayManageUsers(AccessToken token) {
    AccessToken.Access access = token.getResourceAccess(Constants.REALM_MANAGEMENT_CLIENT_ID);
    return access != null && access.isUserInRole("manage-users");
  }

  @Override
  public void close() {}
}
