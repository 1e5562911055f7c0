package org.unionhub.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.unionhub.platform.people.AccountErasure;
import org.unionhub.platform.people.PeopleRefusedException;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.security.Caller;

/** The caller's own account. */
@Path("/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  @Inject Caller caller;
  @Inject AccountErasure erasure;

  @POST
  @Path("erasure")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Erase my account and personal data (PIPL Art. 47)",
      description =
          "Body {\"confirm\": \"<the caller's own username>\"}. The caller's requests keep their union, state, dates and"
              + " handling history under a pseudonym and lose their form data; the login account"
              + " is deleted from Keycloak right after; the erasure is audited under the pseudonym."
              + " 200 with {pseudonym, requests}; 403 for union staff and admins (their union's"
              + " admin closes their account); 422 without the confirmation.")
  @RequestBody(description = "the confirmation", required = true)
  @APIResponse(responseCode = "200", description = "erased")
  @APIResponse(responseCode = "403", description = "union staff and admins")
  @APIResponse(responseCode = "422", description = "not confirmed")
  public AccountErasure.Outcome erase(JsonObject body) {
    JsonObject input = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
    JsonValue confirm = input.get("confirm");
    if (!(confirm instanceof JsonString name)
        || !name.getString().equals(caller.username())
        || input.size() != 1) {
      throw new PeopleRefusedException(
          List.of(
              new FieldError(
                  "confirm",
                  "NOT_CONFIRMED",
                  ProblemText.of("api.confirm-with-confirm-your-username"))));
    }
    return erasure.erase(caller);
  }
}
