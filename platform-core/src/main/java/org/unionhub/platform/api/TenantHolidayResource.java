package org.unionhub.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.unionhub.platform.calendar.CalendarService;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantView;

/** A tenant's local holidays: its own, and those it inherits from the unions above it. */
@Path("/tenants/{tenant}/holidays")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TenantHolidayResource {

  @Inject Caller caller;
  @Inject CalendarService service;
  @Inject TenantDirectory tenants;

  /**
   * A local holiday as the tenant sees it.
   *
   * @param date {@code yyyy-MM-dd}
   * @param name what the day is
   * @param tenant the code of the union that declared it
   * @param tenantName that union's name
   * @param inherited whether a union above declared it
   */
  public record HolidayDto(
      String date, String name, String tenant, String tenantName, boolean inherited) {}

  /**
   * The holidays of a tenant.
   *
   * @param tenant the tenant asked about
   * @param holidays by date
   */
  public record HolidaysDto(String tenant, List<HolidayDto> holidays) {}

  /**
   * An added holiday.
   *
   * @param holiday the holiday
   * @param warnings why it may change nothing
   */
  public record AddedDto(HolidayDto holiday, List<ApiError.Item> warnings) {}

  @GET
  @Operation(
      summary = "Local holidays of a tenant, own and inherited",
      description =
          "Officers who may see the tenant (its own or an ancestor's staff and admins); 404"
              + " otherwise. year filters by year.")
  public HolidaysDto list(@PathParam("tenant") String tenant, @QueryParam("year") Integer year) {
    return new HolidaysDto(
        tenant,
        service.holidays(caller, tenant).stream()
            .filter(h -> year == null || h.date().getYear() == year)
            .map(
                h ->
                    new HolidayDto(
                        h.date().toString(),
                        h.name(),
                        h.sourceTenant(),
                        name(h.sourceTenant()),
                        h.inherited()))
            .toList());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a local holiday to a tenant (its admins or an ancestor's)",
      description =
          "Body {\"date\":\"2027-03-15\",\"name\":\"…\"}. It applies to the tenant and every union"
              + " below it, also on national make-up workdays. 201; 422 with every problem; 409 when"
              + " the tenant has one on that date; 403 for staff; 404 for a tenant the caller"
              + " cannot see.")
  public Response add(
      @PathParam("tenant") String tenant,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = RequestBodies.NewHoliday.class)))
          JsonObject body,
      @Context UriInfo uri) {
    Bodies.check(body, Map.of("date", Bodies.text(40), "name", Bodies.text(1000)));
    String date = body == null ? null : CalendarResource.text(body, "date");
    String name = body == null ? null : CalendarResource.text(body, "name");
    CalendarService.Added added = service.addHoliday(caller, tenant, date, name);
    var h = added.holiday();
    return Response.created(uri.getAbsolutePathBuilder().path(h.date().toString()).build())
        .entity(
            new AddedDto(
                new HolidayDto(
                    h.date().toString(), h.name(), h.tenantCode(), name(h.tenantCode()), false),
                CalendarResource.items(added.warnings())))
        .build();
  }

  @DELETE
  @Path("{date}")
  @Operation(
      summary = "Remove a tenant's own local holiday",
      description =
          "204; 409 for an inherited one (remove it where it was declared); 404 for none.")
  public Response remove(@PathParam("tenant") String tenant, @PathParam("date") String date) {
    service.removeHoliday(caller, tenant, date);
    return Response.noContent().build();
  }

  private String name(String code) {
    return tenants.find(code).map(TenantView::name).orElse(code);
  }
}
