package org.unionhub.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.unionhub.platform.people.PeopleAdministration;
import org.unionhub.platform.people.PeopleAdministration.PersonChange;
import org.unionhub.platform.people.PeopleAdministration.PersonView;
import org.unionhub.platform.people.PeopleRefusedException;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.security.Caller;

/** One account of a union's staff or admins. */
@Path("/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

  private static final Set<String> CHANGE_FIELDS =
      Set.of("roles", "tenant", "enabled", "newSetupLink");

  @Inject Caller caller;
  @Inject PeopleAdministration people;

  @GET
  @Path("{id}")
  @Operation(
      summary = "An account",
      description = "404 when it is unknown or outside the caller's reach, alike.")
  @APIResponse(responseCode = "200", description = "the account")
  @APIResponse(responseCode = "404", description = "unknown or not the caller's")
  public PersonView get(@Parameter(description = "the account's id") @PathParam("id") String id) {
    return people.get(caller, id);
  }

  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, TenantResource.MERGE_PATCH})
  @Operation(
      summary = "Change an account",
      description =
          "Body {roles?, tenant?, enabled?, newSetupLink?}: new roles (at most the caller's own),"
              + " a move to another union of the caller's subtree, disable or enable, a new"
              + " one-time set-up link. Admins never disable, demote or move themselves. 404 when"
              + " the account or the new union is unknown or outside the caller's reach; 422 with"
              + " every field problem, nothing changed.")
  @RequestBody(description = "the change", required = true)
  @APIResponse(responseCode = "200", description = "the account after the change")
  @APIResponse(responseCode = "404", description = "unknown or not the caller's")
  @APIResponse(responseCode = "422", description = "field problems")
  public PersonView change(
      @Parameter(description = "the account's id") @PathParam("id") String id, JsonObject body) {
    var problems = new ArrayList<FieldError>();
    JsonObject input = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
    input.keySet().stream()
        .filter(k -> !CHANGE_FIELDS.contains(k))
        .sorted()
        .forEach(
            k ->
                problems.add(
                    new FieldError(k, "UNKNOWN_FIELD", ProblemText.of("api.unknown-field"))));
    Boolean enabled = bool(input, "enabled", problems);
    Boolean link = bool(input, "newSetupLink", problems);
    var change =
        new PersonChange(
            PeopleResource.roles(input, "", problems),
            PeopleResource.text(input, "tenant", "", problems),
            enabled,
            Boolean.TRUE.equals(link));
    if (!problems.isEmpty()) {
      throw new PeopleRefusedException(problems);
    }
    return people.change(caller, id, change);
  }

  private static Boolean bool(JsonObject input, String field, java.util.List<FieldError> problems) {
    JsonValue value = input.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() == JsonValue.ValueType.TRUE) {
      return true;
    }
    if (value.getValueType() == JsonValue.ValueType.FALSE) {
      return false;
    }
    problems.add(
        new FieldError(field, "NOT_BOOLEAN", ProblemText.of("common.must-be-true-or-false")));
    return null;
  }
}
