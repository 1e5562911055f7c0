package org.unionhub.platform.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Working days on China's official calendar: Monday to Friday, except statutory holidays, plus the
 * make-up workdays (调休) that fall on weekends.
 */
public final class WorkingCalendar {

  /** What the official schedule says of a date. */
  public enum DayKind {
    HOLIDAY,
    WORKDAY
  }

  private final Map<LocalDate, DayKind> exceptions;

  /**
   * @param exceptions dates that differ from the Monday-to-Friday rule
   */
  public WorkingCalendar(Map<LocalDate, DayKind> exceptions) {
    this.exceptions = Map.copyOf(exceptions);
  }

  /**
   * @return the calendar of the State Council's published schedules shipped with UnionHub
   */
  public static WorkingCalendar official() {
    try (InputStream in = WorkingCalendar.class.getResourceAsStream("cn-official.csv")) {
      var days = new HashMap<LocalDate, DayKind>();
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split(",", 3);
        days.put(LocalDate.parse(parts[0]), DayKind.valueOf(parts[1]));
      }
      return new WorkingCalendar(days);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the official calendar", e);
    }
  }

  /**
   * @param date a date
   * @return whether people work on that date
   */
  public boolean isWorkingDay(LocalDate date) {
    DayKind kind = exceptions.get(date);
    if (kind != null) {
      return kind == DayKind.WORKDAY;
    }
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
  }

  /**
   * The Nth working day after a date; the start date itself never counts.
   *
   * @param start the date counting starts from
   * @param workingDays how many working days, at least 1
   * @return the due date
   */
  public LocalDate addWorkingDays(LocalDate start, int workingDays) {
    if (workingDays < 1) {
      throw new IllegalArgumentException("workingDays must be at least 1");
    }
    LocalDate date = start;
    int counted = 0;
    while (counted < workingDays) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        counted++;
      }
    }
    return date;
  }
}
