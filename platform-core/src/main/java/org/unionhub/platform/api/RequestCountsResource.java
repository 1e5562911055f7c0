package org.unionhub.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.unionhub.platform.request.RequestCounts;
import org.unionhub.platform.security.Caller;

/** Counts of a tenant's and its descendants' requests, by state, with how many are overdue. */
@Path("/tenants/{tenant}/request-counts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RequestCountsResource {

  @Inject Caller caller;
  @Inject RequestCounts counts;

  @GET
  @Operation(
      summary = "Requests of a tenant and its descendants by state, open and overdue",
      description =
          "For officers of the tenant or an ancestor: per module that takes requests (or only"
              + " `module`), the number in every state of its workflow, those not in a terminal"
              + " state (`open`) and those of them past their due date (`overdue`, China Standard"
              + " Time). 404 when the tenant or module is unknown or not the caller's.")
  public RequestCounts.Counts counts(
      @PathParam("tenant") String tenant, @QueryParam("module") String module) {
    return counts.of(caller, tenant, module == null || module.isBlank() ? null : module);
  }
}
