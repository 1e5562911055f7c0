package org.unionhub.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.request.RequestData;
import org.unionhub.platform.request.RequestReading;
import org.unionhub.platform.request.RequestTransitions;
import org.unionhub.platform.request.ServiceRequest;
import org.unionhub.platform.security.Caller;

/** Reading and acting on one service request. */
@Path("/requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RequestResource {

  @Inject Caller caller;
  @Inject RequestReading reading;
  @Inject RequestData requestData;
  @Inject RequestTransitions transitions;

  @GET
  @Path("{id}")
  @Operation(
      summary = "A request with its history; 404 when the caller may not see it",
      description =
          "ID numbers are masked; `reveal=true` shows them to roles holding the module's"
              + " reveal-identifiers permission (403 otherwise), and the reveal is audited.")
  public Response get(@PathParam("id") String id, @QueryParam("reveal") boolean reveal) {
    var read = reading.withHistory(caller, parseId(id));
    ServiceRequest r = read.request();
    var data = reveal ? requestData.revealedData(caller, r) : requestData.maskedData(r);
    return Response.ok(RequestDto.of(r, data, read.history()))
        .tag(Etags.of(r.getVersion()))
        .build();
  }

  @POST
  @Path("{id}/transitions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Take an action on a request",
      description =
          "Needs If-Match with the request's ETag; 409 with the current state when it is stale.")
  public Response act(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = RequestBodies.Transition.class)))
          JsonObject body) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return ErrorMappers.error(
          Response.Status.PRECONDITION_REQUIRED,
          ApiError.of("IF_MATCH_REQUIRED", ProblemText.of("api.send-the-request-s-etag-in")));
    }
    Bodies.check(body, Map.of("action", Bodies.text(40), "comment", Bodies.text(2000)));
    String action = body == null ? null : text(body, "action");
    if (action == null || action.isBlank()) {
      return ErrorMappers.error(
          Response.Status.BAD_REQUEST,
          new ApiError(
              List.of(
                  new ApiError.Item(
                      "action",
                      null,
                      null,
                      "REQUIRED",
                      ProblemText.of("api.action-is-required")))));
    }
    var acted =
        transitions.act(caller, parseId(id), Etags.version(ifMatch), action, text(body, "comment"));
    ServiceRequest r = acted.request();
    return Response.ok(RequestDto.of(r, requestData.maskedData(r), acted.history()))
        .tag(Etags.of(r.getVersion()))
        .build();
  }

  private static String text(JsonObject body, String key) {
    return body.get(key) instanceof JsonString s ? s.getString() : null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static UUID parseId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotVisibleException("request");
    }
  }
}
