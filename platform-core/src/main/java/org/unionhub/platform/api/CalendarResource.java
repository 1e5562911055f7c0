package org.unionhub.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.unionhub.platform.calendar.WorkingCalendar;
import org.unionhub.platform.request.NotVisibleException;
import org.unionhub.platform.tenancy.TenantDirectory;

/** Deadlines in working days on China's official calendar. */
@Path("/calendar")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

  /** The longest deadline the API computes, in working days. */
  static final int MAX_WORKING_DAYS = 500;

  @Inject WorkingCalendar calendar;
  @Inject TenantDirectory tenants;

  @GET
  @Path("due-date")
  @Operation(
      summary = "The Nth working day after a date",
      description =
          "Statutory holidays and make-up workdays (调休) of the State Council's schedule count;"
              + " the start date itself never does.")
  public Response dueDate(
      @QueryParam("tenant") String tenant,
      @QueryParam("start") String start,
      @QueryParam("workingDays") String workingDays) {
    var errors = new ArrayList<ApiError.Item>();
    if (tenant == null || tenant.isBlank()) {
      errors.add(
          new ApiError.Item("tenant", null, null, "REQUIRED", "缺少工会代码 (tenant is required)"));
    }
    LocalDate from = null;
    try {
      from = LocalDate.parse(start == null ? "" : start);
    } catch (DateTimeParseException e) {
      errors.add(
          new ApiError.Item(
              "start", null, null, "INVALID_DATE", "日期格式应为 yyyy-MM-dd (start must be yyyy-MM-dd)"));
    }
    int days = 0;
    try {
      days = Integer.parseInt(workingDays == null ? "" : workingDays.strip());
    } catch (NumberFormatException e) {
      days = -1;
    }
    if (days < 1 || days > MAX_WORKING_DAYS) {
      errors.add(
          new ApiError.Item(
              "workingDays",
              null,
              null,
              "OUT_OF_RANGE",
              "工作日数应为 1 到 "
                  + MAX_WORKING_DAYS
                  + " (workingDays must be 1 to "
                  + MAX_WORKING_DAYS
                  + ")"));
    }
    if (!errors.isEmpty()) {
      return ErrorMappers.error(Response.Status.BAD_REQUEST, new ApiError(errors));
    }
    if (tenants.find(tenant).isEmpty()) {
      throw new NotVisibleException("tenant");
    }
    return Response.ok(Map.of("dueDate", calendar.addWorkingDays(from, days).toString())).build();
  }
}
