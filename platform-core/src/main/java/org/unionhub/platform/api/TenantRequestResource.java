package org.unionhub.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.request.RequestData;
import org.unionhub.platform.request.RequestReading;
import org.unionhub.platform.request.RequestSubmission;
import org.unionhub.platform.request.ServiceRequest;
import org.unionhub.platform.request.WorklistCursor;
import org.unionhub.platform.request.WorklistPage;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantAdministration;

/** One tenant: changes to it, submitting requests to its modules, and its worklist. */
@Path("/tenants/{tenant}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TenantRequestResource {

  @Inject Caller caller;
  @Inject RequestSubmission submission;
  @Inject RequestData requestData;
  @Inject RequestReading reading;
  @Inject TenantAdministration administration;

  /**
   * A worklist page.
   *
   * @param items the requests
   * @param next the cursor for the next page, null on the last
   */
  public record PageDto(List<RequestDto> items, String next) {}

  @PATCH
  @Consumes({MediaType.APPLICATION_JSON, TenantResource.MERGE_PATCH})
  @Operation(
      summary = "Rename, move, deactivate or reactivate a tenant, or record its employer",
      description =
          "Body {name?, parent?, active?, creditCode?}; codes and levels never change; creditCode"
              + " (grassroots only, unique among active tenants) null removes it. Only admins of an"
              + " ancestor (and of the new parent, for a move) or platform admins. 404 when the"
              + " tenant or new parent is unknown or not the caller's; 403 when the caller sees it"
              + " but may not change it; 422 with field errors.")
  public TenantResource.TenantDto change(
      @PathParam("tenant") String code,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = RequestBodies.TenantChange.class)))
          JsonObject body) {
    return TenantResource.TenantDto.of(
        administration.change(caller, code, TenantResource.change(Bodies.required(body))));
  }

  @POST
  @Path("modules/{module}/requests")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Submit a request",
      description =
          "201 with the request; 200 with the earlier request when the Idempotency-Key was used"
              + " before; 422 with field errors.")
  public Response submit(
      @PathParam("tenant") String tenant,
      @PathParam("module") String module,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = RequestBodies.Submission.class)))
          JsonObject body,
      @jakarta.ws.rs.core.Context UriInfo uri) {
    JsonValue data = body == null ? null : body.get("data");
    if (!(data instanceof JsonObject object)) {
      return ErrorMappers.error(
          Response.Status.BAD_REQUEST,
          new ApiError(
              List.of(
                  new ApiError.Item(
                      "data", null, null, "REQUIRED", ProblemText.of("api.body-must-be-data")))));
    }
    String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
    if (key != null && key.length() > 100) {
      throw ApiRefusal.badRequest(
          "Idempotency-Key", "TOO_LONG", ProblemText.of("api.idempotency-key-must-be-at-most"));
    }
    RequestSubmission.Submitted submitted;
    try {
      submitted = submission.submit(caller, tenant, module, object, key);
    } catch (TransactionalException | PersistenceException e) {
      // Two submissions with one key raced; the unique index let one through. Answer with it.
      if (key == null) {
        throw e;
      }
      submitted = submission.submitted(caller, key).orElseThrow(() -> e);
    }
    ServiceRequest r = submitted.request();
    var dto = RequestDto.of(r, requestData.maskedData(r), null);
    var status = submitted.created() ? Response.Status.CREATED : Response.Status.OK;
    return Response.status(status)
        .location(uri.getBaseUriBuilder().path("requests").path(r.getId().toString()).build())
        .tag(Etags.of(r.getVersion()))
        .entity(dto)
        .build();
  }

  @GET
  @Path("requests")
  @Operation(
      summary = "Worklist of a tenant and its descendants, newest first, keyset-paginated",
      description =
          "`open=true` leaves out requests in a terminal state of their module's workflow"
              + " (approved, rejected, ...): what is still to be handled.")
  public PageDto worklist(
      @PathParam("tenant") String tenant,
      @QueryParam("module") String module,
      @QueryParam("state") String state,
      @QueryParam("open") boolean open,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    WorklistPage page =
        reading.worklist(
            caller,
            tenant,
            blankToNull(module),
            blankToNull(state),
            open,
            cursor == null || cursor.isBlank() ? null : WorklistCursor.decode(cursor),
            limit);
    return new PageDto(
        page.items().stream().map(r -> RequestDto.of(r, requestData.maskedData(r), null)).toList(),
        page.next() == null ? null : page.next().encode());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
