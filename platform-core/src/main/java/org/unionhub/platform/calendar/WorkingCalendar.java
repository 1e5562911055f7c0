package org.unionhub.platform.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Working days on China's official calendar: Monday to Friday, except statutory holidays, plus the
 * make-up workdays (调休) that fall on weekends; for a tenant, also minus the local holidays of the
 * tenant and of every union above it.
 *
 * <p>Served from memory: every question reads one immutable snapshot, and {@link #replace} swaps in
 * a new one when the stored calendar changes. The methods without a tenant answer on the national
 * calendar only.
 */
public final class WorkingCalendar {

  /** What the official schedule says of a date. */
  public enum DayKind {
    HOLIDAY,
    WORKDAY
  }

  /**
   * Everything the calendar computes from, as stored at one revision.
   *
   * @param revision increases with every stored change, from 0; an older schedule never replaces a
   *     newer one
   * @param national dates that differ from the Monday-to-Friday rule
   * @param scheduledYears the years that have a national schedule
   * @param localHolidays each tenant's own local holidays (not the ones it inherits)
   */
  public record Schedule(
      long revision,
      Map<LocalDate, DayKind> national,
      Set<Integer> scheduledYears,
      Map<String, Set<LocalDate>> localHolidays) {

    public Schedule {
      national = Map.copyOf(national);
      scheduledYears = Set.copyOf(scheduledYears);
      var local = new HashMap<String, Set<LocalDate>>();
      localHolidays.forEach((tenant, dates) -> local.put(tenant, Set.copyOf(dates)));
      localHolidays = Map.copyOf(local);
    }
  }

  /** The tree is never this deep; the bound only keeps bad data (a cycle) from hanging a caller. */
  private static final int MAX_DEPTH = 64;

  private static final UnaryOperator<String> NO_TREE = code -> null;

  /** The revision of a calendar that did not come from the store: any stored one replaces it. */
  private static final long NOT_STORED = -1;

  private record Snapshot(
      Schedule schedule, SortedSet<Integer> years, UnaryOperator<String> parentOf) {}

  private volatile Snapshot snapshot;

  /**
   * A national calendar without tenants.
   *
   * @param exceptions dates that differ from the Monday-to-Friday rule; the years they fall in are
   *     the years that count as scheduled
   */
  public WorkingCalendar(Map<LocalDate, DayKind> exceptions) {
    var years = new HashSet<Integer>();
    exceptions.keySet().forEach(d -> years.add(d.getYear()));
    this.snapshot = snapshot(new Schedule(NOT_STORED, exceptions, years, Map.of()), NO_TREE);
  }

  /**
   * @return the calendar of the State Council's published schedules shipped with UnionHub
   */
  public static WorkingCalendar official() {
    var days = new HashMap<LocalDate, DayKind>();
    officialEntries().forEach(e -> days.put(e.date(), e.kind()));
    return new WorkingCalendar(days);
  }

  /**
   * The schedules shipped with UnionHub ({@code cn-official.csv}): the built-in seed of the stored
   * calendar and the calendar of the module test kit.
   *
   * @return every entry, in file order
   */
  public static List<NationalEntry> officialEntries() {
    try (InputStream in = WorkingCalendar.class.getResourceAsStream("cn-official.csv")) {
      if (in == null) {
        throw new IllegalStateException("cn-official.csv is missing from the class path");
      }
      var entries = new ArrayList<NationalEntry>();
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split(",", 3);
        entries.add(
            new NationalEntry(
                LocalDate.parse(parts[0]), DayKind.valueOf(parts[1]), parts[2].strip()));
      }
      return List.copyOf(entries);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the official calendar", e);
    }
  }

  /**
   * Swaps in a newer stored calendar; an older or equal revision is ignored, so that a slow reload
   * never undoes a faster, later one.
   *
   * @param schedule the stored calendar
   * @param parentOf a tenant's parent code, null at the root or for an unknown tenant; asked at
   *     every computation, so that a change of the tree needs no reload here
   * @return whether it replaced the current snapshot
   */
  public synchronized boolean replace(Schedule schedule, UnaryOperator<String> parentOf) {
    if (schedule.revision() <= snapshot.schedule().revision()) {
      return false;
    }
    snapshot = snapshot(schedule, parentOf);
    return true;
  }

  private static Snapshot snapshot(Schedule schedule, UnaryOperator<String> parentOf) {
    return new Snapshot(
        schedule,
        java.util.Collections.unmodifiableSortedSet(new TreeSet<>(schedule.scheduledYears())),
        parentOf);
  }

  /**
   * @return the revision of the stored calendar this one answers from
   */
  public long revision() {
    return snapshot.schedule().revision();
  }

  /**
   * @return the years that have a national schedule, ascending
   */
  public SortedSet<Integer> scheduledYears() {
    return snapshot.years();
  }

  /**
   * @param date a date
   * @return whether people work on that date by the national calendar
   */
  public boolean isWorkingDay(LocalDate date) {
    return worksNationally(snapshot.schedule(), date);
  }

  /**
   * @param tenantCode a tenant code
   * @param date a date
   * @return whether the tenant works on that date: a local holiday of the tenant or of a union
   *     above it is a day off even when the national calendar makes it a make-up workday
   */
  public boolean isWorkingDay(String tenantCode, LocalDate date) {
    Snapshot s = snapshot;
    return works(s.schedule(), localHolidays(s, tenantCode), date);
  }

  /**
   * The Nth working day after a date on the national calendar; the start date itself never counts.
   *
   * @param start the date counting starts from
   * @param workingDays how many working days, at least 1
   * @return the due date
   */
  public LocalDate addWorkingDays(LocalDate start, int workingDays) {
    return compute(snapshot, List.of(), start, workingDays).date();
  }

  /**
   * The Nth working day after a date for a tenant: national holidays, make-up workdays and the
   * local holidays of the tenant and of every union above it count; the start date never does.
   *
   * @param tenantCode the tenant whose calendar applies
   * @param start the date counting starts from
   * @param workingDays how many working days, at least 1
   * @return the due date
   */
  public LocalDate addWorkingDays(String tenantCode, LocalDate start, int workingDays) {
    return dueDate(tenantCode, start, workingDays).date();
  }

  /**
   * Like {@link #addWorkingDays(String, LocalDate, int)}, and says which years it crossed without a
   * national schedule: there it counted weekends only, so the date may be too early.
   *
   * @param tenantCode the tenant whose calendar applies, or null for the national calendar
   * @param start the date counting starts from
   * @param workingDays how many working days, at least 1
   * @return the due date and the years it crossed without a schedule
   */
  public DueDate dueDate(String tenantCode, LocalDate start, int workingDays) {
    Snapshot s = snapshot;
    return compute(
        s, tenantCode == null ? List.of() : localHolidays(s, tenantCode), start, workingDays);
  }

  private static DueDate compute(
      Snapshot s, List<Set<LocalDate>> local, LocalDate start, int workingDays) {
    if (workingDays < 1) {
      throw new IllegalArgumentException("workingDays must be at least 1");
    }
    Schedule schedule = s.schedule();
    SortedSet<Integer> missing = new TreeSet<>();
    LocalDate date = start;
    int counted = 0;
    int year = Integer.MIN_VALUE;
    while (counted < workingDays) {
      date = date.plusDays(1);
      if (date.getYear() != year) {
        year = date.getYear();
        if (!s.years().contains(year)) {
          missing.add(year);
        }
      }
      if (works(schedule, local, date)) {
        counted++;
      }
    }
    return new DueDate(date, missing);
  }

  /** The own local holidays of the tenant and of each union above it, skipping empty ones. */
  private static List<Set<LocalDate>> localHolidays(Snapshot s, String tenantCode) {
    Map<String, Set<LocalDate>> byTenant = s.schedule().localHolidays();
    if (byTenant.isEmpty()) {
      return List.of();
    }
    var chain = new ArrayList<Set<LocalDate>>();
    String code = tenantCode;
    for (int depth = 0; code != null && depth < MAX_DEPTH; depth++) {
      Set<LocalDate> own = byTenant.get(code);
      if (own != null && !own.isEmpty()) {
        chain.add(own);
      }
      code = s.parentOf().apply(code);
    }
    return chain;
  }

  private static boolean works(Schedule schedule, List<Set<LocalDate>> local, LocalDate date) {
    for (Set<LocalDate> holidays : local) {
      if (holidays.contains(date)) {
        return false;
      }
    }
    return worksNationally(schedule, date);
  }

  private static boolean worksNationally(Schedule schedule, LocalDate date) {
    DayKind kind = schedule.national().get(date);
    if (kind != null) {
      return kind == DayKind.WORKDAY;
    }
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
  }
}
