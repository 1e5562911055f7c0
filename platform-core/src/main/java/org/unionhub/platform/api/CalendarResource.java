package org.unionhub.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.unionhub.platform.calendar.CalendarService;
import org.unionhub.platform.calendar.DueDate;
import org.unionhub.platform.calendar.NationalEntry;
import org.unionhub.platform.calendar.ScheduleValidator;
import org.unionhub.platform.calendar.WorkingCalendar;
import org.unionhub.platform.calendar.YearSummary;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;

/** Deadlines in working days, and the national schedules (statutory holidays, 调休) behind them. */
@Path("/calendar")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

  /** The longest deadline the API computes, in working days. */
  static final int MAX_WORKING_DAYS = 500;

  @Inject WorkingCalendar calendar;
  @Inject CalendarService service;
  @Inject TenantDirectory tenants;
  @Inject Caller caller;

  /**
   * A due date.
   *
   * @param dueDate the date
   * @param calendarIncomplete whether the count crossed a year without a national schedule, where
   *     only weekends were skipped
   * @param unscheduledYears those years
   * @param warnings one per such year, for people
   */
  public record DueDateDto(
      String dueDate,
      boolean calendarIncomplete,
      List<Integer> unscheduledYears,
      List<ApiError.Item> warnings) {

    static DueDateDto of(DueDate d) {
      return new DueDateDto(
          d.date().toString(),
          !d.complete(),
          List.copyOf(d.unscheduledYears()),
          d.unscheduledYears().stream()
              .map(
                  y ->
                      new ApiError.Item(
                          null,
                          null,
                          null,
                          "NO_NATIONAL_SCHEDULE",
                          ProblemText.of("api.no-national-schedule-for-yet-only", y)))
              .toList());
    }
  }

  /**
   * A year with a national schedule.
   *
   * @param year the year
   * @param holidays how many HOLIDAY entries
   * @param workdays how many make-up WORKDAY entries
   * @param version the schedule's version, also its ETag
   * @param updatedBy who last replaced it ({@code system}: the built-in schedule)
   * @param updatedAt when
   */
  public record YearDto(
      int year, int holidays, int workdays, int version, String updatedBy, String updatedAt) {
    static YearDto of(YearSummary s) {
      return new YearDto(
          s.year(),
          s.holidays(),
          s.workdays(),
          s.version(),
          s.updatedBy(),
          s.updatedAt() == null ? null : s.updatedAt().toString());
    }
  }

  /**
   * A year's national schedule.
   *
   * @param year the year
   * @param version its version
   * @param updatedBy who last replaced it
   * @param updatedAt when
   * @param entries the entries, by date
   * @param warnings after a replacement: what was accepted but is probably not meant
   */
  public record ScheduleDto(
      int year,
      int version,
      String updatedBy,
      String updatedAt,
      List<EntryDto> entries,
      List<ApiError.Item> warnings) {}

  /**
   * One entry.
   *
   * @param date {@code yyyy-MM-dd}
   * @param kind {@code HOLIDAY} or {@code WORKDAY}
   * @param name what the day is
   */
  public record EntryDto(String date, String kind, String name) {
    static EntryDto of(NationalEntry e) {
      return new EntryDto(e.date().toString(), e.kind().name(), e.name());
    }
  }

  /**
   * The years list.
   *
   * @param years the years with a national schedule, ascending
   */
  public record YearsDto(List<YearDto> years) {}

  @GET
  @Path("due-date")
  @Operation(
      summary = "The Nth working day after a date, for a tenant",
      description =
          "Statutory holidays and make-up workdays (调休) of the State Council's schedule count, and"
              + " the local holidays of the tenant and of every union above it; the start date"
              + " itself never does. calendarIncomplete is true when the count crossed a year"
              + " without a national schedule (there only weekends were skipped).")
  public Response dueDate(
      @QueryParam("tenant") String tenant,
      @QueryParam("start") String start,
      @QueryParam("workingDays") String workingDays) {
    var errors = new ArrayList<ApiError.Item>();
    if (tenant == null || tenant.isBlank()) {
      errors.add(
          new ApiError.Item(
              "tenant", null, null, "REQUIRED", ProblemText.of("api.tenant-is-required")));
    }
    LocalDate from = null;
    try {
      from = LocalDate.parse(start == null ? "" : start);
    } catch (DateTimeParseException e) {
      errors.add(
          new ApiError.Item(
              "start", null, null, "INVALID_DATE", ProblemText.of("api.start-must-be-yyyy-mm-dd")));
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
              ProblemText.of("api.workingdays-must-be-1-to", MAX_WORKING_DAYS)));
    }
    if (!errors.isEmpty()) {
      return ErrorMappers.error(Response.Status.BAD_REQUEST, new ApiError(errors));
    }
    if (tenants.find(tenant).isEmpty()) {
      throw new NotVisibleException("tenant");
    }
    return Response.ok(DueDateDto.of(calendar.dueDate(tenant, from, days))).build();
  }

  @GET
  @Path("years")
  @Operation(
      summary = "Years that have a national schedule",
      description =
          "After the last of them every weekday counts as a working day: enter next year's"
              + " schedule as soon as the State Council publishes it.")
  public YearsDto years() {
    return new YearsDto(service.years().stream().map(YearDto::of).toList());
  }

  @GET
  @Path("years/{year}")
  @Operation(
      summary = "A year's national schedule",
      description = "404 when the year has none. The ETag is the schedule's version.")
  public Response year(@PathParam("year") String year) {
    int y = parseYear(year);
    return service
        .year(y)
        .map(
            s ->
                Response.ok(
                        new ScheduleDto(
                            y,
                            s.summary().version(),
                            s.summary().updatedBy(),
                            s.summary().updatedAt() == null
                                ? null
                                : s.summary().updatedAt().toString(),
                            s.entries().stream().map(EntryDto::of).toList(),
                            List.of()))
                    .tag(Etags.of(s.summary().version()))
                    .build())
        .orElseGet(
            () ->
                ErrorMappers.error(
                    Response.Status.NOT_FOUND,
                    ApiError.of(
                        "NO_SCHEDULE", ProblemText.of("api.no-national-schedule-for-yet", y))));
  }

  @PUT
  @Path("years/{year}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace a year's national schedule (platform admins)",
      description =
          "Body {\"entries\":[{\"date\":\"2027-01-01\",\"kind\":\"HOLIDAY\",\"name\":\"元旦\"},...]};"
              + " kind HOLIDAY (a day off) or WORKDAY (a weekend day worked, 调休). 422 lists every"
              + " problem (entries[i].date, .kind, .name) and stores nothing; 200 may carry"
              + " warnings. Optional If-Match with the ETag of GET (\"0\" when the year has none"
              + " yet): 409 when someone else changed it first.")
  public Response replace(
      @PathParam("year") String year,
      @HeaderParam("If-Match") String ifMatch,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = RequestBodies.Schedule.class)))
          JsonObject body) {
    int y = parseYear(year);
    Integer expected = ifMatch == null || ifMatch.isBlank() ? null : Etags.version(ifMatch);
    CalendarService.Replaced replaced = service.replaceYear(caller, y, drafts(body), expected);
    YearSummary s = replaced.summary();
    return Response.ok(
            new ScheduleDto(
                y,
                s.version(),
                s.updatedBy(),
                s.updatedAt() == null ? null : s.updatedAt().toString(),
                replaced.entries().stream().map(EntryDto::of).toList(),
                items(replaced.warnings())))
        .tag(Etags.of(s.version()))
        .build();
  }

  static List<ApiError.Item> items(List<FieldError> problems) {
    return problems.stream()
        .map(f -> new ApiError.Item(f.field(), null, null, f.code(), f.message()))
        .toList();
  }

  private static int parseYear(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new NotVisibleException("year");
    }
  }

  private static List<ScheduleValidator.Draft> drafts(JsonObject body) {
    JsonValue entries = body == null ? null : body.get("entries");
    if (!(entries instanceof JsonArray array)) {
      return null;
    }
    var drafts = new ArrayList<ScheduleValidator.Draft>();
    for (JsonValue v : array) {
      if (v instanceof JsonObject o) {
        drafts.add(new ScheduleValidator.Draft(text(o, "date"), text(o, "kind"), text(o, "name")));
      } else {
        drafts.add(new ScheduleValidator.Draft(null, null, null));
      }
    }
    return drafts;
  }

  static String text(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return v instanceof JsonString s ? s.getString() : v.toString();
  }
}
