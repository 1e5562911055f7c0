package org.unionhub.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.unionhub.platform.item.ItemService;
import org.unionhub.platform.security.Caller;

/** The items open to the caller, across unions and modules: what the service hall lists. */
@Path("/items")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OpenItemsResource {

  @Inject Caller caller;
  @Inject ItemService items;

  @GET
  @Operation(
      summary = "Published items open to the caller",
      description =
          "Those of the caller's unions and every union above them (for their subtree's"
              + " members) and those for everyone logged in; a pushed copy replaces its original."
              + " `taken` says whether the caller already took part.")
  public List<JsonObject> visible(@QueryParam("module") String module) {
    return items.visible(caller, module == null || module.isBlank() ? null : module).stream()
        .map(v -> ItemResource.dto(v.item(), false, v.taken()))
        .toList();
  }
}
