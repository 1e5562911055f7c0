package org.unionhub.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.unionhub.platform.calendar.WorkingCalendar.DayKind;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.ProblemText;

/**
 * Checks a year's national schedule as an admin typed it and reports every problem at once, with
 * the field it concerns ({@code entries[3].date}). Refused: a date outside the year, the same date
 * twice, a make-up WORKDAY on a weekday (people work then anyway), a missing name, a schedule
 * without any holiday. Accepted with a warning: a run of HOLIDAY entries that covers only weekend
 * days, which changes nothing and is usually a make-up workday entered with the wrong kind.
 */
public final class ScheduleValidator {

  /** The longest name of a day. */
  public static final int MAX_NAME = 100;

  /** The most entries a year can have: one per day. */
  public static final int MAX_ENTRIES = 366;

  /**
   * An entry as it was typed.
   *
   * @param date the date, {@code yyyy-MM-dd}
   * @param kind {@code HOLIDAY} or {@code WORKDAY}
   * @param name the day's name
   */
  public record Draft(String date, String kind, String name) {}

  /**
   * The outcome.
   *
   * @param entries the checked entries by date; empty when there are errors
   * @param errors what refuses the schedule
   * @param warnings what is accepted but probably not meant
   */
  public record Result(
      List<NationalEntry> entries, List<FieldError> errors, List<FieldError> warnings) {

    public boolean ok() {
      return errors.isEmpty();
    }
  }

  private ScheduleValidator() {}

  /**
   * @param year the year the schedule is for
   * @param drafts the entries, null when the body had none
   * @return the checked schedule, or every problem
   */
  public static Result validate(int year, List<Draft> drafts) {
    var errors = new ArrayList<FieldError>();
    var warnings = new ArrayList<FieldError>();
    if (drafts == null) {
      errors.add(
          new FieldError("entries", "REQUIRED", ProblemText.of("calendar.entries-is-required")));
      return new Result(List.of(), errors, warnings);
    }
    if (drafts.size() > MAX_ENTRIES) {
      errors.add(
          new FieldError(
              "entries",
              "TOO_MANY",
              ProblemText.of("calendar.a-year-has-at-most-entries", MAX_ENTRIES)));
      return new Result(List.of(), errors, warnings);
    }
    var byDate = new TreeMap<LocalDate, NationalEntry>();
    var firstIndex = new HashMap<LocalDate, Integer>();
    var indexOf = new HashMap<LocalDate, Integer>();
    boolean anyHoliday = false;
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i) == null ? new Draft(null, null, null) : drafts.get(i);
      String at = "entries[" + i + "].";
      LocalDate date = date(year, d.date(), at + "date", errors);
      DayKind kind = kind(d.kind(), at + "kind", errors);
      String name = name(d.name(), at + "name", errors);
      anyHoliday |= kind == DayKind.HOLIDAY;
      if (date == null) {
        continue;
      }
      Integer first = firstIndex.putIfAbsent(date, i);
      if (first != null) {
        errors.add(
            new FieldError(
                at + "date",
                "DUPLICATE_DATE",
                ProblemText.of("calendar.is-already-entries", date, first)));
        continue;
      }
      if (kind == DayKind.WORKDAY && !isWeekend(date)) {
        errors.add(
            new FieldError(
                at + "date",
                "WORKDAY_ON_WEEKDAY",
                ProblemText.of(
                    "calendar.is-a-a-make-up-workday",
                    date,
                    weekdayZh(date),
                    date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH))));
      }
      if (kind != null && name != null) {
        byDate.put(date, new NationalEntry(date, kind, name));
        indexOf.put(date, i);
      }
    }
    if (!anyHoliday) {
      errors.add(
          new FieldError(
              "entries", "NO_HOLIDAY", ProblemText.of("calendar.a-schedule-needs-at-least-one")));
    }
    if (!errors.isEmpty()) {
      return new Result(List.of(), errors, warnings);
    }
    weekendOnlyHolidays(byDate, indexOf, warnings);
    return new Result(List.copyOf(byDate.values()), errors, warnings);
  }

  /** Warns of every HOLIDAY run (consecutive HOLIDAY dates) that has no weekday in it. */
  private static void weekendOnlyHolidays(
      TreeMap<LocalDate, NationalEntry> byDate,
      Map<LocalDate, Integer> indexOf,
      List<FieldError> warnings) {
    var byIndex = new TreeMap<Integer, FieldError>();
    var run = new ArrayList<LocalDate>();
    LocalDate previous = null;
    for (NationalEntry e : byDate.values()) {
      if (e.kind() != DayKind.HOLIDAY) {
        continue;
      }
      if (previous != null && !e.date().equals(previous.plusDays(1))) {
        warnIfWeekendOnly(run, indexOf, byIndex);
        run.clear();
      }
      run.add(e.date());
      previous = e.date();
    }
    warnIfWeekendOnly(run, indexOf, byIndex);
    warnings.addAll(byIndex.values());
  }

  private static void warnIfWeekendOnly(
      List<LocalDate> run, Map<LocalDate, Integer> indexOf, Map<Integer, FieldError> warnings) {
    if (run.isEmpty() || !run.stream().allMatch(ScheduleValidator::isWeekend)) {
      return;
    }
    for (LocalDate date : run) {
      int index = indexOf.get(date);
      warnings.put(
          index,
          new FieldError(
              "entries[" + index + "].date",
              "HOLIDAY_ON_WEEKEND",
              ProblemText.of("calendar.is-a-weekend-day-as-a", date, weekdayZh(date))));
    }
  }

  private static LocalDate date(int year, String text, String field, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      errors.add(new FieldError(field, "REQUIRED", ProblemText.of("calendar.date-is-required")));
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError(
              field, "INVALID_DATE", ProblemText.of("calendar.date-must-be-yyyy-mm-dd")));
      return null;
    }
    if (date.getYear() != year) {
      errors.add(
          new FieldError(field, "OUTSIDE_YEAR", ProblemText.of("calendar.is-not-in", date, year)));
      return null;
    }
    return date;
  }

  private static DayKind kind(String text, String field, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      errors.add(new FieldError(field, "REQUIRED", ProblemText.of("calendar.kind-is-required")));
      return null;
    }
    try {
      return DayKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(
          new FieldError(
              field, "INVALID_KIND", ProblemText.of("calendar.kind-must-be-holiday-or-workday")));
      return null;
    }
  }

  /**
   * @param text a name as typed
   * @param field the field to report
   * @param errors where problems go
   * @return the stripped name, or null when it is refused
   */
  static String name(String text, String field, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      errors.add(new FieldError(field, "REQUIRED", ProblemText.of("calendar.name-is-required")));
      return null;
    }
    String name = text.strip();
    if (name.length() > MAX_NAME) {
      errors.add(
          new FieldError(
              field, "TOO_LONG", ProblemText.of("calendar.name-is-at-most-characters", MAX_NAME)));
      return null;
    }
    return name;
  }

  static boolean isWeekend(LocalDate date) {
    DayOfWeek d = date.getDayOfWeek();
    return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
  }

  private static String weekdayZh(LocalDate date) {
    return "星期" + "一二三四五六日".charAt(date.getDayOfWeek().getValue() - 1);
  }
}
