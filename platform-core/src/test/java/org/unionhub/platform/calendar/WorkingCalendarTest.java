package org.unionhub.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

  private final WorkingCalendar calendar = WorkingCalendar.official();

  @Test
  void weekendsRestAndWeekdaysWorkOutsideTheSchedule() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 21))).isFalse(); // Saturday
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 23))).isTrue(); // Monday
  }

  @Test
  void statutoryHolidaysRestAndMakeUpWeekendsWork() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse(); // National Day
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16)))
        .isFalse(); // Spring Festival, Monday
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue(); // 调休 Saturday
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 28))).isTrue(); // 调休 Sunday
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8)))
        .isFalse(); // 2025 Golden Week, 8 days
  }

  @Test
  void dueDateSkipsTheGoldenWeekAndCountsTheMakeUpSaturday() {
    // Tue 2026-09-29 + 3 working days: Wed 30 Sep, then 1-7 Oct rest, Thu 8, Fri 9.
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 29), 3))
        .isEqualTo(LocalDate.of(2026, 10, 9));
    // Fri 2026-10-09 + 1: Saturday 10 Oct is a make-up workday.
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 10, 9), 1))
        .isEqualTo(LocalDate.of(2026, 10, 10));
  }

  @Test
  void theStartDayNeverCounts() {
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 23), 1))
        .isEqualTo(LocalDate.of(2026, 11, 24));
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 20), 1))
        .isEqualTo(LocalDate.of(2026, 11, 23));
  }
}
