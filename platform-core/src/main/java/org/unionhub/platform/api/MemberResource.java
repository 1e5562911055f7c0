package org.unionhub.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.unionhub.platform.card.QrCodes;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.membership.MemberCardService;
import org.unionhub.platform.membership.Membership;
import org.unionhub.platform.membership.MembershipService;
import org.unionhub.platform.personal.Masks;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantView;

/** The caller's own membership and member card. */
@Path("/members/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MemberResource {

  @Inject Caller caller;
  @Inject MembershipService memberships;
  @Inject MemberCardService cards;
  @Inject TenantDirectory tenants;
  @Inject org.unionhub.platform.membership.TransferService transfers;

  @GET
  @Operation(summary = "The caller's membership with its history; 404 when not a member")
  public JsonObject get() {
    Membership m = memberships.mine(caller).orElseThrow(() -> new NotVisibleException("member"));
    return view(m, memberships, tenants, caller).build();
  }

  static JsonObjectBuilder view(
      Membership m, MembershipService memberships, TenantDirectory tenants, Caller caller) {
    var history = Json.createArrayBuilder();
    memberships
        .history(caller, m.getId())
        .forEach(
            e ->
                history.add(
                    Json.createObjectBuilder()
                        .add("kind", e.getKind())
                        .add("tenant", e.getTenantId())
                        .add("at", e.getOccurredAt().toString())));
    return Json.createObjectBuilder()
        .add("id", m.getId().toString())
        .add("memberNumber", m.getMemberNumber())
        .add("name", Masks.name(m.getName()))
        .add("idNumber", "**************" + m.getIdLast4())
        .add("tenant", m.getTenantId())
        .add("union", tenants.find(m.getTenantId()).map(TenantView::name).orElse(m.getTenantId()))
        .add("status", m.getStatus().name())
        .add("joinedOn", m.getJoinedOn().toString())
        .add("history", history);
  }

  @GET
  @Path("card")
  @Operation(summary = "A fresh card token (valid for a few minutes) for the caller's QR code")
  public Response card() {
    var c = cards.issue(caller);
    return Response.ok(
            Json.createObjectBuilder()
                .add("token", c.token())
                .add("memberNumber", c.memberNumber())
                .add("name", c.name())
                .add("union", c.union())
                .add("expiresAt", c.expiresAt().toString())
                .build())
        .cacheControl(noStore())
        .build();
  }

  @GET
  @Path("card.png")
  @Produces("image/png")
  @Operation(summary = "The caller's card as a QR code image (PNG) carrying a fresh token")
  public Response cardImage() {
    return Response.ok(QrCodes.png(cards.issue(caller).token(), 360))
        .type("image/png")
        .cacheControl(noStore())
        .build();
  }

  @POST
  @Path("card/replace")
  @Operation(summary = "Replace a lost card: the old one fails verification at once, on every node")
  public JsonObject replaceCard() {
    memberships.replaceCard(caller);
    return get();
  }

  @POST
  @Path("leave")
  @Operation(summary = "Leave the union: the membership ends and the card is revoked")
  public JsonObject leave(JsonObject body) {
    String reason =
        body != null && body.containsKey("reason") && !body.isNull("reason")
            ? body.getString("reason", null)
            : null;
    Membership m = memberships.leave(caller, reason);
    return Json.createObjectBuilder()
        .add("memberNumber", m.getMemberNumber())
        .add("status", m.getStatus().name())
        .add("endedOn", m.getEndedOn().toString())
        .build();
  }

  @POST
  @Path("transfers")
  @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Ask to move the caller's membership to another union (a new employer)",
      description = "`{\"toTenant\", \"reason\"?}`; 201; 422 on `toTenant`")
  public Response requestTransfer(JsonObject body) {
    var t =
        transfers.request(
            caller, TransferResource.text(body, "toTenant"), TransferResource.text(body, "reason"));
    return Response.status(Response.Status.CREATED)
        .entity(TransferResource.view(t).build())
        .build();
  }

  @GET
  @Path("transfers")
  @Operation(summary = "The caller's transfers, newest first")
  public JsonObject transfers() {
    return TransferResource.list(transfers.mine(caller));
  }

  private static CacheControl noStore() {
    var c = new CacheControl();
    c.setNoStore(true);
    return c;
  }
}
