package org.unionhub.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.membership.MembershipService;
import org.unionhub.platform.membership.RegisterExport;
import org.unionhub.platform.personal.Masks;
import org.unionhub.platform.personal.PersonalData;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantView;

/** The member register of a union's subtree, for its staff and admins. */
@Path("/tenants/{tenant}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MemberRegisterResource {

  @Inject Caller caller;
  @Inject MembershipService memberships;
  @Inject org.unionhub.platform.membership.TransferService transfers;
  @Inject PersonalData personal;
  @Inject TenantDirectory tenants;

  @GET
  @Path("members")
  @Operation(
      summary = "Current members of the union and the unions below it",
      description =
          "`q`: the start of a name, a member number, or the last 1–4 characters of an ID number."
              + " ID and mobile numbers are masked.")
  public JsonObject register(
      @PathParam("tenant") String code,
      @QueryParam("q") String q,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    var items = Json.createArrayBuilder();
    memberships
        .register(caller, code, q, Math.min(limit, MembershipService.MAX_PAGE))
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
  @Path("members.xlsx")
  @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  @Operation(
      summary = "The register as a spreadsheet (.xlsx), ID and mobile numbers masked",
      description = "The same members and `q` as the register; `lang=en` for English headers.")
  public jakarta.ws.rs.core.Response export(
      @PathParam("tenant") String code,
      @QueryParam("q") String q,
      @QueryParam("lang") String lang) {
    var rows =
        memberships.register(caller, code, q, MembershipService.MAX_EXPORT).stream()
            .map(
                m ->
                    new RegisterExport.Row(
                        m.getMemberNumber(),
                        m.getName(),
                        Masks.idNumber(personal.open("idNumber", m.getIdNumberSealed())),
                        m.getMobileSealed() == null
                            ? ""
                            : Masks.mobile(personal.open("mobile", m.getMobileSealed())),
                        tenants.find(m.getTenantId()).map(TenantView::name).orElse(m.getTenantId()),
                        m.getJoinedOn().toString()))
            .toList();
    List<String> headers =
        "en".equals(lang)
            ? List.of("Member number", "Name", "ID number", "Mobile", "Union", "Member since")
            : List.of("会员号", "姓名", "证件号码", "手机号码", "工会", "入会日期");
    jakarta.ws.rs.core.StreamingOutput body = out -> RegisterExport.write(headers, rows, out);
    return jakarta.ws.rs.core.Response.ok(body)
        .header("Content-Disposition", "attachment; filename=\"members-" + code + ".xlsx\"")
        .build();
  }

  @GET
  @Path("member-transfers")
  @Operation(summary = "Transfers into or out of the union's subtree still to be decided")
  public JsonObject openTransfers(@PathParam("tenant") String code) {
    return TransferResource.list(transfers.open(caller, code));
  }

  @GET
  @Path("member-counts")
  @Operation(summary = "Current members per union of the subtree")
  public JsonObject counts(@PathParam("tenant") String code) {
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
  public JsonObject reveal(@PathParam("tenant") String code, @PathParam("id") String id) {
    var revealed = memberships.reveal(caller, UUID.fromString(id));
    return Json.createObjectBuilder()
        .add("idNumber", revealed.get("idNumber"))
        .add("mobile", revealed.get("mobile") == null ? "" : revealed.get("mobile"))
        .build();
  }
}
