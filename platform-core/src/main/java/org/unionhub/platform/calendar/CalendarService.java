package org.unionhub.platform.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.unionhub.platform.audit.AuditTrail;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.platform.tenancy.Visibility;
import org.unionhub.sdk.Role;

/**
 * Use cases of the working-day calendar: reading and replacing a year's national schedule (platform
 * admins), and the local holidays of a tenant (its admins and those of the unions above it; its
 * staff may read them). Every change is audited and reaches the in-memory calendar once committed.
 */
@ApplicationScoped
public class CalendarService {

  /** The first year the calendar takes. */
  public static final int FIRST_YEAR = 2000;

  /** The last year the calendar takes. */
  public static final int LAST_YEAR = 2100;

  @Inject CalendarRepository repository;
  @Inject CalendarLoader loader;
  @Inject WorkingCalendar calendar;
  @Inject TenantDirectory tenants;
  @Inject Visibility visibility;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /**
   * A year's national schedule.
   *
   * @param summary the year
   * @param entries its entries, by date
   */
  public record YearSchedule(YearSummary summary, List<NationalEntry> entries) {}

  /**
   * A replaced schedule.
   *
   * @param summary the year afterwards
   * @param entries its entries, by date
   * @param warnings what was accepted but is probably not meant
   */
  public record Replaced(
      YearSummary summary, List<NationalEntry> entries, List<FieldError> warnings) {}

  /**
   * A local holiday as one tenant sees it.
   *
   * @param date the date
   * @param name what the day is
   * @param sourceTenant the tenant that declared it
   * @param inherited whether a union above declared it, rather than the tenant itself
   */
  public record TenantHoliday(
      LocalDate date, String name, String sourceTenant, boolean inherited) {}

  /**
   * An added local holiday.
   *
   * @param holiday the holiday
   * @param warnings why it may change nothing
   */
  public record Added(LocalHoliday holiday, List<FieldError> warnings) {}

  /**
   * @return the years that have a national schedule, ascending
   */
  public List<YearSummary> years() {
    return repository.years();
  }

  /**
   * @param year a year
   * @return its national schedule, empty when it has none
   */
  public Optional<YearSchedule> year(int year) {
    return repository.year(year).map(s -> new YearSchedule(s, repository.entries(year)));
  }

  /**
   * Replaces a year's national schedule (creates it when the year has none). Platform admins only.
   *
   * @param caller the caller
   * @param year the year
   * @param drafts the entries as typed, null when there were none
   * @param expectedVersion the version the caller based the change on (0: the year has none yet),
   *     or null to replace whatever is there
   * @return the stored schedule and warnings
   * @throws NotAllowedException when the caller is not a platform admin
   * @throws CalendarRefusedException with every problem; nothing is stored
   * @throws CalendarConflictException when the year's version is not the expected one
   */
  @Transactional
  public Replaced replaceYear(
      Caller caller, int year, List<ScheduleValidator.Draft> drafts, Integer expectedVersion) {
    if (!caller.hasRole(Role.PLATFORM_ADMIN)) {
      throw new NotAllowedException(ProblemText.of("calendar.only-platform-admins-may-change-the"));
    }
    requireYearInRange(year);
    ScheduleValidator.Result checked = ScheduleValidator.validate(year, drafts);
    if (!checked.ok()) {
      throw new CalendarRefusedException(checked.errors());
    }
    repository.beginChange();
    Optional<YearSummary> current = repository.year(year);
    int currentVersion = current.map(YearSummary::version).orElse(0);
    if (expectedVersion != null && expectedVersion != currentVersion) {
      throw new CalendarConflictException(
          "CONFLICT",
          ProblemText.of("calendar.someone-else-changed-the-schedule-first", year),
          currentVersion);
    }
    String before = current.isPresent() ? AuditJson.entries(repository.entries(year)) : null;
    YearSummary summary =
        repository.replaceYear(year, checked.entries(), caller.username(), clock.instant());
    audit.record(
        caller.username(),
        null,
        "calendar:" + year,
        current.isPresent() ? "replace" : "create",
        before,
        AuditJson.entries(checked.entries()));
    loader.reloadAfterCommit();
    return new Replaced(summary, checked.entries(), checked.warnings());
  }

  /**
   * The local holidays that apply to a tenant: its own and those of every union above it.
   *
   * @param caller a union officer who may see the tenant
   * @param tenantCode the tenant
   * @return the holidays, by date; on one date its own before inherited ones
   * @throws NotVisibleException when the tenant does not exist or the caller may not see it
   */
  @Transactional
  public List<TenantHoliday> holidays(Caller caller, String tenantCode) {
    requireVisible(caller, tenantCode);
    List<String> chain = chain(tenantCode);
    return repository.holidays(chain).stream()
        .map(
            h ->
                new TenantHoliday(
                    h.date(), h.name(), h.tenantCode(), !h.tenantCode().equals(tenantCode)))
        .sorted(
            Comparator.comparing(TenantHoliday::date)
                .thenComparing(h -> chain.indexOf(h.sourceTenant())))
        .toList();
  }

  /**
   * @param caller the caller
   * @param tenantCode a tenant
   * @return whether the caller may add and remove the tenant's local holidays
   */
  public boolean mayManageHolidays(Caller caller, String tenantCode) {
    return tenants.find(tenantCode).isPresent()
        && isAdmin(caller)
        && visibility.requestScope(caller).contains(tenantCode);
  }

  /**
   * Adds a local holiday to a tenant; it applies to the tenant and every union below it.
   *
   * @param caller an admin of the tenant or of a union above it, or a platform admin
   * @param tenantCode the tenant
   * @param date the date as typed, {@code yyyy-MM-dd}
   * @param name what the day is
   * @return the holiday, with warnings when it changes nothing
   * @throws NotVisibleException when the tenant does not exist or the caller may not see it
   * @throws NotAllowedException when the caller may see but not change it
   * @throws CalendarRefusedException with every problem of the date and name
   * @throws CalendarConflictException when the tenant already has a holiday on that date
   */
  @Transactional
  public Added addHoliday(Caller caller, String tenantCode, String date, String name) {
    requireAdmin(caller, tenantCode);
    var errors = new ArrayList<FieldError>();
    LocalDate day = holidayDate(date, errors);
    String checkedName = ScheduleValidator.name(name, "name", errors);
    if (!errors.isEmpty()) {
      throw new CalendarRefusedException(errors);
    }
    repository.beginChange();
    List<String> chain = chain(tenantCode);
    var sameDay = repository.holidays(chain).stream().filter(h -> h.date().equals(day)).toList();
    if (sameDay.stream().anyMatch(h -> h.tenantCode().equals(tenantCode))) {
      throw new CalendarConflictException(
          "ALREADY_EXISTS", ProblemText.of("calendar.is-already-a-local-holiday-of", day), null);
    }
    var warnings = new ArrayList<FieldError>();
    sameDay.stream()
        .findFirst()
        .ifPresent(
            h ->
                warnings.add(
                    new FieldError(
                        "date",
                        "ALREADY_INHERITED",
                        ProblemText.of(
                            "calendar.is-already-a-holiday-of-a",
                            day,
                            name(h.tenantCode()),
                            h.tenantCode()))));
    if (!calendar.isWorkingDay(day)) {
      warnings.add(
          new FieldError(
              "date",
              "NOT_A_WORKING_DAY",
              ProblemText.of("calendar.is-a-day-off-nationally-anyway", day)));
    }
    var holiday = new LocalHoliday(tenantCode, day, checkedName);
    repository.addHoliday(holiday, caller.username(), clock.instant());
    audit.record(
        caller.username(),
        tenantCode,
        "calendar:holiday:" + day,
        "create",
        null,
        AuditJson.holiday(holiday));
    loader.reloadAfterCommit();
    return new Added(holiday, warnings);
  }

  /**
   * Removes a tenant's own local holiday.
   *
   * @param caller an admin of the tenant or of a union above it, or a platform admin
   * @param tenantCode the tenant
   * @param date the date, {@code yyyy-MM-dd}
   * @throws NotVisibleException when the tenant or the holiday does not exist, or the caller may
   *     not see it
   * @throws NotAllowedException when the caller may see but not change it
   * @throws CalendarConflictException when the holiday is inherited from a union above
   */
  @Transactional
  public void removeHoliday(Caller caller, String tenantCode, String date) {
    requireAdmin(caller, tenantCode);
    LocalDate day;
    try {
      day = LocalDate.parse(date == null ? "" : date.strip());
    } catch (DateTimeParseException e) {
      throw new NotVisibleException("holiday");
    }
    repository.beginChange();
    List<String> chain = chain(tenantCode);
    var sameDay = repository.holidays(chain).stream().filter(h -> h.date().equals(day)).toList();
    var own = sameDay.stream().filter(h -> h.tenantCode().equals(tenantCode)).findFirst();
    if (own.isEmpty()) {
      if (!sameDay.isEmpty()) {
        String source = sameDay.get(0).tenantCode();
        throw new CalendarConflictException(
            "INHERITED",
            ProblemText.of("calendar.set-by-a-union-above-only", name(source), source),
            null);
      }
      throw new NotVisibleException("holiday");
    }
    repository.removeHoliday(tenantCode, day);
    audit.record(
        caller.username(),
        tenantCode,
        "calendar:holiday:" + day,
        "delete",
        AuditJson.holiday(own.get()),
        null);
    loader.reloadAfterCommit();
  }

  /**
   * @param year a year
   * @throws CalendarRefusedException when the calendar does not take it
   */
  public static void requireYearInRange(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new CalendarRefusedException(
          List.of(
              new FieldError(
                  "year",
                  "OUT_OF_RANGE",
                  ProblemText.of("calendar.year-must-be-to", FIRST_YEAR, LAST_YEAR))));
    }
  }

  private static LocalDate holidayDate(String text, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      errors.add(new FieldError("date", "REQUIRED", ProblemText.of("calendar.date-is-required")));
      return null;
    }
    LocalDate day;
    try {
      day = LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError(
              "date", "INVALID_DATE", ProblemText.of("calendar.date-must-be-yyyy-mm-dd")));
      return null;
    }
    if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
      errors.add(
          new FieldError(
              "date",
              "OUT_OF_RANGE",
              ProblemText.of("calendar.date-must-be-in-to", FIRST_YEAR, LAST_YEAR)));
      return null;
    }
    return day;
  }

  /** The tenant and the unions above it, nearest first. */
  private List<String> chain(String tenantCode) {
    var chain = new ArrayList<String>();
    Optional<TenantView> t = tenants.find(tenantCode);
    while (t.isPresent() && !chain.contains(t.get().code())) {
      chain.add(t.get().code());
      String parent = t.get().parentCode();
      t = parent == null ? Optional.empty() : tenants.find(parent);
    }
    return chain;
  }

  private String name(String tenantCode) {
    return tenants.find(tenantCode).map(TenantView::name).orElse(tenantCode);
  }

  private static boolean isAdmin(Caller caller) {
    return caller.hasRole(Role.PLATFORM_ADMIN) || caller.hasRole(Role.TENANT_ADMIN);
  }

  private void requireVisible(Caller caller, String tenantCode) {
    if (tenantCode == null
        || tenants.find(tenantCode).isEmpty()
        || !caller.isUnionOfficer()
        || !visibility.requestScope(caller).contains(tenantCode)) {
      throw new NotVisibleException("tenant");
    }
  }

  private void requireAdmin(Caller caller, String tenantCode) {
    requireVisible(caller, tenantCode);
    if (!isAdmin(caller)) {
      throw new NotAllowedException(ProblemText.of("calendar.only-admins-of-this-union-or"));
    }
  }

  /** The before and after texts of audit records: JSON, written by hand to need no provider. */
  static final class AuditJson {

    private AuditJson() {}

    static String entries(List<NationalEntry> entries) {
      var json = new StringBuilder("[");
      for (NationalEntry e : entries) {
        if (json.length() > 1) {
          json.append(',');
        }
        json.append("{\"date\":\"")
            .append(e.date())
            .append("\",\"kind\":\"")
            .append(e.kind())
            .append("\",\"name\":")
            .append(string(e.name()))
            .append('}');
      }
      return json.append(']').toString();
    }

    static String holiday(LocalHoliday h) {
      return "{\"tenant\":"
          + string(h.tenantCode())
          + ",\"date\":\""
          + h.date()
          + "\",\"name\":"
          + string(h.name())
          + "}";
    }

    static String string(String s) {
      var json = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        switch (c) {
          case '"' -> json.append("\\\"");
          case '\\' -> json.append("\\\\");
          case '\n' -> json.append("\\n");
          case '\r' -> json.append("\\r");
          case '\t' -> json.append("\\t");
          default -> {
            if (c < 0x20) {
              json.append(String.format("\\u%04x", (int) c));
            } else {
              json.append(c);
            }
          }
        }
      }
      return json.append('"').toString();
    }
  }
}
