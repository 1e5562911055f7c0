package org.unionhub.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unionhub.platform.calendar.CalendarConflictException;
import org.unionhub.platform.calendar.CalendarRefusedException;
import org.unionhub.platform.calendar.CalendarService;
import org.unionhub.platform.calendar.NationalEntry;
import org.unionhub.platform.calendar.ScheduleValidator;
import org.unionhub.platform.calendar.YearSummary;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.platform.tenancy.Visibility;
import org.unionhub.sdk.Role;

/**
 * The working-day calendar page: platform admins edit a year's national schedule; admins of a union
 * see its local holidays, own and inherited, and add or remove its own.
 */
@Named
@ViewScoped
public class CalendarBean implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Pattern ENTRY_FIELD =
      Pattern.compile("entries\\[(\\d+)]\\.(date|kind|name)");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  /** One editable line of a national schedule, with what was wrong with it. */
  public static final class EntryRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private String date;
    private String kind = "HOLIDAY";
    private String name;
    private String dateError;
    private String kindError;
    private String nameError;
    private String warning;

    EntryRow() {}

    EntryRow(NationalEntry e) {
      this.date = e.date().toString();
      this.kind = e.kind().name();
      this.name = e.name();
    }

    void clearProblems() {
      dateError = null;
      kindError = null;
      nameError = null;
      warning = null;
    }

    public String getDate() {
      return date;
    }

    public void setDate(String date) {
      this.date = date;
    }

    public String getKind() {
      return kind;
    }

    public void setKind(String kind) {
      this.kind = kind;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getDateError() {
      return dateError;
    }

    public String getKindError() {
      return kindError;
    }

    public String getNameError() {
      return nameError;
    }

    public String getWarning() {
      return warning;
    }
  }

  /** A local holiday as the selected union sees it. */
  public static final class HolidayRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String date;
    private final String name;
    private final String source;
    private final boolean inherited;

    HolidayRow(String date, String name, String source, boolean inherited) {
      this.date = date;
      this.name = name;
      this.source = source;
      this.inherited = inherited;
    }

    public String getDate() {
      return date;
    }

    public String getName() {
      return name;
    }

    public String getSource() {
      return source;
    }

    public boolean isInherited() {
      return inherited;
    }
  }

  @Inject Caller caller;
  @Inject CalendarService calendar;
  @Inject TenantDirectory tenants;
  @Inject Visibility visibility;
  @Inject Labels labels;

  private boolean loaded;
  private List<Option> yearOptions = List.of();
  private String year;
  private boolean yearScheduled;
  private int version;
  private String updated;
  private List<EntryRow> rows = new ArrayList<>();
  private List<Option> tenantOptions = List.of();
  private String tenant;
  private boolean mayManage;
  private List<HolidayRow> holidays = List.of();
  private String newDate;
  private String newName;
  private String newDateError;
  private String newNameError;

  /** Fills the page on its first request. */
  public void load() {
    if (loaded) {
      return;
    }
    loaded = true;
    if (isPlatformAdmin()) {
      int thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
      year = Integer.toString(thisYear);
      refreshYears();
      loadYear();
    }
    Set<String> scope = visibility.requestScope(caller);
    tenantOptions =
        tenants.all().stream()
            .filter(t -> scope.contains(t.code()))
            .map(t -> new Option(t.code(), t.name()))
            .toList();
    tenant =
        caller.tenants().stream()
            .sorted()
            .filter(scope::contains)
            .findFirst()
            .orElse(tenantOptions.isEmpty() ? null : tenantOptions.get(0).getValue());
    loadHolidays();
  }

  public boolean isPlatformAdmin() {
    return caller.hasRole(Role.PLATFORM_ADMIN);
  }

  private void refreshYears() {
    int thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    var scheduled = new TreeSet<Integer>();
    calendar.years().stream().map(YearSummary::year).forEach(scheduled::add);
    var shown = new TreeSet<>(scheduled);
    shown.add(thisYear);
    shown.add(thisYear + 1);
    if (!scheduled.isEmpty()) {
      shown.add(scheduled.last() + 1);
    }
    shown.add(Integer.parseInt(year));
    yearOptions =
        shown.stream()
            .map(
                y ->
                    new Option(
                        y.toString(),
                        scheduled.contains(y)
                            ? y.toString()
                            : Messages.text("calendar.notEntered", y.toString())))
            .toList();
  }

  /** Shows the selected year's national schedule. */
  public void loadYear() {
    int y = Integer.parseInt(year);
    var schedule = calendar.year(y);
    yearScheduled = schedule.isPresent();
    version = schedule.map(s -> s.summary().version()).orElse(0);
    updated =
        schedule
            .map(
                s ->
                    Messages.text(
                        "calendar.updated",
                        s.summary().updatedBy(),
                        s.summary().updatedAt() == null
                            ? ""
                            : TIME.format(s.summary().updatedAt())))
            .orElse(null);
    rows = new ArrayList<>();
    schedule.ifPresent(s -> s.entries().forEach(e -> rows.add(new EntryRow(e))));
    if (rows.isEmpty()) {
      rows.add(new EntryRow());
    }
  }

  public void addRow() {
    rows.add(new EntryRow());
  }

  /**
   * @param index the row to remove
   */
  public void removeRow(int index) {
    if (index >= 0 && index < rows.size()) {
      rows.remove(index);
    }
  }

  /** Replaces the year's schedule with the rows; problems show beside the rows they concern. */
  public void save() {
    rows.forEach(EntryRow::clearProblems);
    var drafts =
        rows.stream().map(r -> new ScheduleValidator.Draft(r.date, r.kind, r.name)).toList();
    int y = Integer.parseInt(year);
    try {
      var replaced = calendar.replaceYear(caller, y, drafts, version);
      loadYear();
      refreshYears();
      for (FieldError w : replaced.warnings()) {
        Matcher m = ENTRY_FIELD.matcher(w.field());
        if (m.matches()) {
          // The stored rows are in date order; find the one the warning's index pointed at.
          String date = drafts.get(Integer.parseInt(m.group(1))).date().strip();
          rows.stream()
              .filter(r -> date.equals(r.date))
              .forEach(r -> r.warning = text("calendar.warning.", w));
        }
      }
      Messages.info("calendar.saved", year, Integer.toString(replaced.summary().version()));
    } catch (CalendarRefusedException e) {
      for (FieldError error : e.errors()) {
        Matcher m = ENTRY_FIELD.matcher(error.field() == null ? "" : error.field());
        if (m.matches() && Integer.parseInt(m.group(1)) < rows.size()) {
          EntryRow row = rows.get(Integer.parseInt(m.group(1)));
          String message = text("calendar.error.", error);
          switch (m.group(2)) {
            case "date" -> row.dateError = message;
            case "kind" -> row.kindError = message;
            default -> row.nameError = message;
          }
        } else {
          Messages.raw(FacesMessage.SEVERITY_ERROR, text("calendar.error.", error));
        }
      }
      Messages.error("calendar.fix");
    } catch (CalendarConflictException e) {
      loadYear();
      Messages.error("calendar.conflict");
    } catch (NotAllowedException e) {
      Messages.raw(FacesMessage.SEVERITY_ERROR, Messages.text(e));
    }
  }

  /** Shows the selected union's local holidays. */
  public void loadHolidays() {
    holidays = List.of();
    mayManage = false;
    if (tenant == null) {
      return;
    }
    try {
      holidays =
          calendar.holidays(caller, tenant).stream()
              .map(
                  h ->
                      new HolidayRow(
                          h.date().toString(),
                          h.name(),
                          labels.tenant(h.sourceTenant()),
                          h.inherited()))
              .toList();
      mayManage = calendar.mayManageHolidays(caller, tenant);
    } catch (NotVisibleException e) {
      tenant = null;
    }
  }

  /** Adds a local holiday to the selected union. */
  public void addHoliday() {
    newDateError = null;
    newNameError = null;
    try {
      var added = calendar.addHoliday(caller, tenant, newDate, newName);
      loadHolidays();
      Messages.info("calendar.added", added.holiday().date().toString(), added.holiday().name());
      for (FieldError w : added.warnings()) {
        Messages.raw(FacesMessage.SEVERITY_WARN, text("calendar.warning.", w));
      }
      newDate = null;
      newName = null;
    } catch (CalendarRefusedException e) {
      for (FieldError error : e.errors()) {
        if ("date".equals(error.field())) {
          newDateError = text("calendar.error.", error);
        } else {
          newNameError = text("calendar.error.", error);
        }
      }
    } catch (CalendarConflictException e) {
      Messages.error("calendar.error." + e.code());
    } catch (NotAllowedException | NotVisibleException e) {
      Messages.error("calendar.notAllowed");
    }
  }

  /**
   * Removes one of the selected union's own local holidays.
   *
   * @param date the holiday's date
   */
  public void removeHoliday(String date) {
    try {
      calendar.removeHoliday(caller, tenant, date);
      Messages.info("calendar.removed", date);
    } catch (CalendarConflictException e) {
      Messages.error("calendar.error." + e.code());
    } catch (NotAllowedException | NotVisibleException e) {
      Messages.error("calendar.notAllowed");
    }
    loadHolidays();
  }

  /** The problem in the page's language: by its code, or as the service said it. */
  private static String text(String prefix, FieldError problem) {
    String key = prefix + problem.code();
    String text = Messages.text(key);
    return text.equals(key) ? Messages.text(problem) : text;
  }

  public List<Option> getYearOptions() {
    return yearOptions;
  }

  public String getYear() {
    return year;
  }

  public void setYear(String year) {
    this.year = year;
  }

  public boolean isYearScheduled() {
    return yearScheduled;
  }

  public String getUpdated() {
    return updated;
  }

  public List<EntryRow> getRows() {
    return rows;
  }

  public List<Option> getTenantOptions() {
    return tenantOptions;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getTenantName() {
    return tenant == null ? "" : tenants.find(tenant).map(TenantView::name).orElse("");
  }

  public boolean isMayManage() {
    return mayManage;
  }

  public List<HolidayRow> getHolidays() {
    return holidays;
  }

  public String getNewDate() {
    return newDate;
  }

  public void setNewDate(String newDate) {
    this.newDate = newDate;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }

  public String getNewDateError() {
    return newDateError;
  }

  public String getNewNameError() {
    return newNameError;
  }
}
