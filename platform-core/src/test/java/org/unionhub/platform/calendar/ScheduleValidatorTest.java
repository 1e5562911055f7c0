package org.unionhub.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.calendar.ScheduleValidator.Draft;
import org.unionhub.platform.problem.FieldError;

class ScheduleValidatorTest {

  @Test
  void theBuiltInSchedulesPassWithoutErrorsOrWarnings() {
    for (int year : List.of(2025, 2026)) {
      var drafts =
          WorkingCalendar.officialEntries().stream()
              .filter(e -> e.date().getYear() == year)
              .map(e -> new Draft(e.date().toString(), e.kind().name(), e.name()))
              .toList();
      var result = ScheduleValidator.validate(year, drafts);
      assertThat(result.errors()).as("errors of %d", year).isEmpty();
      assertThat(result.warnings()).as("warnings of %d", year).isEmpty();
      assertThat(result.entries()).hasSize(drafts.size());
    }
  }

  @Test
  void everyMistakeIsReportedAtOnceWithItsField() {
    var result =
        ScheduleValidator.validate(
            2027,
            List.of(
                new Draft("2027-01-01", "HOLIDAY", "元旦"),
                new Draft("2026-10-01", "HOLIDAY", "国庆节"), // last year's date pasted in
                new Draft("2027-02-11", "WORKDAY", "春节调休上班"), // a Thursday
                new Draft("2027-01-01", "HOLIDAY", "元旦"), // twice
                new Draft("2027-13-01", "holiday", "清明节"), // no such month; kind in lower case
                new Draft("2027-05-03", "DAYOFF", " "), // unknown kind, blank name
                new Draft(null, null, "x".repeat(ScheduleValidator.MAX_NAME + 1))));

    assertThat(result.ok()).isFalse();
    assertThat(result.entries()).isEmpty();
    assertThat(result.errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(
            tuple("entries[1].date", "OUTSIDE_YEAR"),
            tuple("entries[2].date", "WORKDAY_ON_WEEKDAY"),
            tuple("entries[3].date", "DUPLICATE_DATE"),
            tuple("entries[4].date", "INVALID_DATE"),
            tuple("entries[5].kind", "INVALID_KIND"),
            tuple("entries[5].name", "REQUIRED"),
            tuple("entries[6].date", "REQUIRED"),
            tuple("entries[6].kind", "REQUIRED"),
            tuple("entries[6].name", "TOO_LONG"));
    assertThat(result.errors().get(1).message()).contains("星期四");
    assertThat(result.errors().get(1).message(java.util.Locale.ENGLISH)).contains("Thursday");
    assertThat(result.errors().get(2).message()).contains("entries[0]");
  }

  @Test
  void aScheduleNeedsEntriesAndAtLeastOneHoliday() {
    assertThat(ScheduleValidator.validate(2027, null).errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("entries", "REQUIRED"));
    assertThat(ScheduleValidator.validate(2027, List.of()).errors())
        .extracting(FieldError::code)
        .containsExactly("NO_HOLIDAY");
    assertThat(
            ScheduleValidator.validate(2027, List.of(new Draft("2027-02-20", "WORKDAY", "春节调休上班")))
                .errors())
        .extracting(FieldError::code)
        .containsExactly("NO_HOLIDAY");
  }

  @Test
  void aBodyLargerThanAYearIsRefusedWithoutListingEachEntry() {
    var drafts =
        new ArrayList<>(Collections.nCopies(400, new Draft("2027-01-01", "HOLIDAY", "元旦")));
    assertThat(ScheduleValidator.validate(2027, drafts).errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("entries", "TOO_MANY"));
  }

  @Test
  void weekendHolidaysInsideAHolidayRunAreSilentButAWeekendOnlyRunIsWarnedOf() {
    var result =
        ScheduleValidator.validate(
            2027,
            List.of(
                new Draft("2027-02-05", "HOLIDAY", "春节"), // Friday ...
                new Draft("2027-02-06", "HOLIDAY", "春节"), // ... Saturday, part of the run
                new Draft("2027-02-07", "HOLIDAY", "春节"), // Sunday
                new Draft("2027-02-20", "HOLIDAY", "春节调休上班"), // Saturday alone: meant WORKDAY
                new Draft("2027-02-13", "WORKDAY", "春节调休上班")));

    assertThat(result.ok()).isTrue();
    assertThat(result.warnings())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("entries[3].date", "HOLIDAY_ON_WEEKEND"));
    // Stored by date, names stripped.
    assertThat(result.entries())
        .extracting(NationalEntry::date)
        .containsExactly(
            LocalDate.of(2027, 2, 5),
            LocalDate.of(2027, 2, 6),
            LocalDate.of(2027, 2, 7),
            LocalDate.of(2027, 2, 13),
            LocalDate.of(2027, 2, 20));
  }
}
