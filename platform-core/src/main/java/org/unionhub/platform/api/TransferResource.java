package org.unionhub.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.membership.Transfer;
import org.unionhub.platform.membership.TransferService;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.security.Caller;

/** Officers decide on transfers of a membership to another union. */
@Path("/member-transfers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TransferResource {

  @Inject Caller caller;
  @Inject TransferService transfers;

  @POST
  @Path("{id}/decisions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Decide on a transfer",
      description =
          "`{\"action\": \"release\" | \"accept\" | \"refuse\", \"reason\"}`: the old union"
              + " releases or refuses first, then the new union accepts or refuses; a refusal"
              + " needs a reason. 409 when the transfer is finished.")
  public JsonObject decide(@PathParam("id") String id, JsonObject body) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotVisibleException("transfer");
    }
    return view(transfers.decide(caller, uuid, text(body, "action"), text(body, "reason"))).build();
  }

  static String text(JsonObject body, String key) {
    return body == null || !body.containsKey(key) || body.isNull(key)
        ? null
        : body.get(key) instanceof jakarta.json.JsonString s ? s.getString() : null;
  }

  static JsonObject list(List<Transfer> items) {
    var array = Json.createArrayBuilder();
    items.forEach(t -> array.add(view(t)));
    return Json.createObjectBuilder().add("items", array).build();
  }

  static JsonObjectBuilder view(Transfer t) {
    var b =
        Json.createObjectBuilder()
            .add("id", t.getId().toString())
            .add("from", t.getFromTenant())
            .add("to", t.getToTenant())
            .add("status", t.getStatus().name())
            .add("requestedAt", t.getRequestedAt().toString());
    if (t.getReason() != null) {
      b.add("reason", t.getReason());
    }
    if (t.getRefusal() != null) {
      b.add("refusal", t.getRefusal());
    }
    return b;
  }
}
