package org.unionhub.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.unionhub.platform.membership.MembershipService;
import org.unionhub.platform.personal.Masks;
import org.unionhub.platform.personal.PersonalData;
import org.unionhub.platform.security.Caller;

/** The member register of a union's subtree, for its staff and admins. */
@Path("/tenants/{code}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MemberRegisterResource {

  @Inject Caller caller;
  @Inject MembershipService memberships;
  @Inject PersonalData personal;

  @GET
  @Path("members")
  @Operation(
      summary = "Current members of the union and the unions below it",
      description =
          "`q`: the start of a name, a member number, or the last 1–4 characters of an ID number."
              + " ID and mobile numbers are masked.")
  public JsonObject register(
      @PathParam("code") String code,
      @QueryParam("q") String q,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    var items = Json.createArrayBuilder();
    memberships
        .register(caller, code, q, limit)
        .forEach(
            m ->
                items.add(
                    Json.createObjectBuilder()
                        .add("id", m.getId().toString())
                        .add("memberNumber", m.getMemberNumber())
                        .add("name", m.getName())
                        .add(
                            "idNumber",
                            Masks.idNumber(personal.open("idNumber", m.getIdNumberSealed())))
                        .add(
                            "mobile",
                            m.getMobileSealed() == null
                                ? ""
                                : Masks.mobile(personal.open("mobile", m.getMobileSealed())))
                        .add("tenant", m.getTenantId())
                        .add("joinedOn", m.getJoinedOn().toString())));
    return Json.createObjectBuilder().add("items", items).build();
  }

  @GET
  @Path("member-counts")
  @Operation(summary = "Current members per union of the subtree")
  public JsonObject counts(@PathParam("code") String code) {
    var out = Json.createObjectBuilder();
    long total = 0;
    var per = Json.createObjectBuilder();
    for (var e : memberships.counts(caller, code).entrySet()) {
      per.add(e.getKey(), e.getValue());
      total += e.getValue();
    }
    return out.add("total", total).add("perUnion", per).build();
  }

  @GET
  @Path("members/{id}/identifiers")
  @Operation(summary = "A member's full ID and mobile numbers, for tenant admins; audited")
  public JsonObject reveal(@PathParam("code") String code, @PathParam("id") String id) {
    var revealed = memberships.reveal(caller, UUID.fromString(id));
    return Json.createObjectBuilder()
        .add("idNumber", revealed.get("idNumber"))
        .add("mobile", revealed.get("mobile") == null ? "" : revealed.get("mobile"))
        .build();
  }
}
