package org.unionhub.platform.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.unionhub.platform.calendar.WorkingCalendar.DayKind;

/** The calendar tables in memory; the built-in schedules stored as the changelog would. */
final class InMemoryCalendarRepository implements CalendarRepository {

  private final TreeMap<Integer, YearSummary> years = new TreeMap<>();
  private final TreeMap<LocalDate, NationalEntry> days = new TreeMap<>();
  private final List<LocalHoliday> holidays = new ArrayList<>();
  private long revision;

  InMemoryCalendarRepository() {
    for (NationalEntry e : WorkingCalendar.officialEntries()) {
      days.put(e.date(), e);
    }
    for (int year : List.of(2025, 2026)) {
      years.put(year, summary(year, 1, "system", Instant.EPOCH));
    }
    revision = 1;
  }

  @Override
  public WorkingCalendar.Schedule load() {
    var national = new HashMap<LocalDate, DayKind>();
    days.values().forEach(e -> national.put(e.date(), e.kind()));
    var local = new HashMap<String, Set<LocalDate>>();
    holidays.forEach(
        h -> local.computeIfAbsent(h.tenantCode(), k -> new HashSet<>()).add(h.date()));
    return new WorkingCalendar.Schedule(revision, national, years.keySet(), local);
  }

  @Override
  public long revision() {
    return revision;
  }

  @Override
  public void beginChange() {
    revision++;
  }

  @Override
  public List<YearSummary> years() {
    return List.copyOf(years.values());
  }

  @Override
  public Optional<YearSummary> year(int year) {
    return Optional.ofNullable(years.get(year));
  }

  @Override
  public List<NationalEntry> entries(int year) {
    return days.values().stream().filter(e -> e.date().getYear() == year).toList();
  }

  @Override
  public YearSummary replaceYear(int year, List<NationalEntry> entries, String actor, Instant at) {
    days.values().removeIf(e -> e.date().getYear() == year);
    entries.forEach(e -> days.put(e.date(), e));
    int version = years.containsKey(year) ? years.get(year).version() + 1 : 1;
    years.put(year, summary(year, version, actor, at));
    return years.get(year);
  }

  @Override
  public List<LocalHoliday> holidays(Collection<String> tenantCodes) {
    return holidays.stream()
        .filter(h -> tenantCodes.contains(h.tenantCode()))
        .sorted(Comparator.comparing(LocalHoliday::date))
        .toList();
  }

  @Override
  public void addHoliday(LocalHoliday holiday, String actor, Instant at) {
    if (holidays.stream()
        .anyMatch(
            h -> h.tenantCode().equals(holiday.tenantCode()) && h.date().equals(holiday.date()))) {
      throw new IllegalStateException("unique constraint: " + holiday);
    }
    holidays.add(holiday);
  }

  @Override
  public boolean removeHoliday(String tenantCode, LocalDate date) {
    return holidays.removeIf(h -> h.tenantCode().equals(tenantCode) && h.date().equals(date));
  }

  private YearSummary summary(int year, int version, String actor, Instant at) {
    var e = entries(year);
    int h = (int) e.stream().filter(x -> x.kind() == DayKind.HOLIDAY).count();
    return new YearSummary(year, h, e.size() - h, version, actor, at);
  }

  Map<LocalDate, NationalEntry> days() {
    return days;
  }
}
