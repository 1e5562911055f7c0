package org.unionhub.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.unionhub.platform.PlatformProducers;
import org.unionhub.platform.audit.AuditCursor;
import org.unionhub.platform.audit.AuditEntry;
import org.unionhub.platform.audit.AuditFilter;
import org.unionhub.platform.audit.AuditLog;
import org.unionhub.platform.audit.AuditPage;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.security.Caller;

/** The audit trail of administrative changes. */
@Path("/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  @Inject Caller caller;
  @Inject AuditLog log;

  /**
   * One audit record in the API.
   *
   * @param id id
   * @param occurredAt when
   * @param actor who
   * @param tenant the tenant it concerns, null for platform-wide changes
   * @param subject what changed
   * @param action what was done
   * @param before the state before (JSON), null when there was none
   * @param after the state after (JSON), null when it was removed
   */
  public record AuditDto(
      String id,
      Instant occurredAt,
      String actor,
      String tenant,
      String subject,
      String action,
      JsonValue before,
      JsonValue after) {
    static AuditDto of(AuditEntry e) {
      return new AuditDto(
          e.id().toString(),
          e.occurredAt(),
          e.actor(),
          e.tenantCode(),
          e.subject(),
          e.action(),
          json(e.before()),
          json(e.after()));
    }

    /** Stored as JSON text; anything that is not JSON is shown as a string rather than lost. */
    private static JsonValue json(String text) {
      if (text == null) {
        return null;
      }
      try (var reader = Json.createReader(new StringReader(text))) {
        return reader.readValue();
      } catch (JsonException e) {
        return Json.createValue(text);
      }
    }
  }

  /**
   * An audit page.
   *
   * @param items the records, newest first
   * @param next the cursor of the next page, null on the last
   */
  public record AuditPageDto(List<AuditDto> items, String next) {}

  @GET
  @Operation(
      summary = "Audit records, newest first, keyset-paginated",
      description =
          "Filters: tenant (that tenant and every tenant below it), subject (exact, or a prefix"
              + " before ':'), actor, from and to (yyyy-MM-dd in China Standard Time, both"
              + " inclusive, or ISO-8601 instants). Tenant admins read their unions' subtrees,"
              + " platform admins everything; 403 for anyone else.")
  public Response search(
      @QueryParam("tenant") String tenant,
      @QueryParam("subject") String subject,
      @QueryParam("actor") String actor,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("50") String limit) {
    var errors = new ArrayList<ApiError.Item>();
    Instant start = instant("from", from, false, errors);
    Instant end = instant("to", to, true, errors);
    int size = 0;
    try {
      size = Integer.parseInt(limit.strip());
    } catch (NumberFormatException e) {
      size = -1;
    }
    if (size < 1 || size > AuditLog.MAX_PAGE) {
      errors.add(
          new ApiError.Item(
              "limit",
              null,
              null,
              "OUT_OF_RANGE",
              ProblemText.of("api.limit-must-be-1-to", AuditLog.MAX_PAGE)));
    }
    AuditCursor after = null;
    if (cursor != null && !cursor.isBlank()) {
      try {
        after = AuditCursor.decode(cursor.strip());
      } catch (IllegalArgumentException e) {
        errors.add(new ApiError.Item("cursor", null, null, "INVALID_CURSOR", e.getMessage()));
      }
    }
    if (!errors.isEmpty()) {
      return ErrorMappers.error(Response.Status.BAD_REQUEST, new ApiError(errors));
    }
    var filter =
        new AuditFilter(blankToNull(tenant), blankToNull(subject), blankToNull(actor), start, end);
    AuditPage page = log.search(caller, filter, after, size);
    return Response.ok(
            new AuditPageDto(
                page.items().stream().map(AuditDto::of).toList(),
                page.next() == null ? null : page.next().encode()))
        .build();
  }

  /**
   * A date is a whole day in China Standard Time: {@code from} its start, {@code to} the start of
   * the next day (exclusive).
   */
  private static Instant instant(
      String field, String value, boolean end, List<ApiError.Item> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      if (v.length() == 10) {
        LocalDate day = LocalDate.parse(v);
        return (end ? day.plusDays(1) : day).atStartOfDay(PlatformProducers.ZONE).toInstant();
      }
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      errors.add(
          new ApiError.Item(
              field, null, null, "INVALID_DATE", ProblemText.of("api.must-be-yyyy-mm-dd-or")));
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
