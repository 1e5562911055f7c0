package org.unionhub.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.calendar.WorkingCalendar.DayKind;
import org.unionhub.platform.calendar.WorkingCalendar.Schedule;
import org.unionhub.platform.tenancy.DemoTree;
import org.unionhub.platform.tenancy.TenantLevel;
import org.unionhub.platform.tenancy.TenantView;

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

  /** 国办发明电〔2025〕7号: 2月15日至23日放假调休，共9天；2月14日（周六）、2月28日（周六）上班. */
  @Test
  void springFestival2026IsNineDaysOffWithTwoMakeUpSaturdays() {
    for (var d = LocalDate.of(2026, 2, 15);
        !d.isAfter(LocalDate.of(2026, 2, 23));
        d = d.plusDays(1)) {
      assertThat(calendar.isWorkingDay(d)).as(d.toString()).isFalse();
    }
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 13))).isTrue(); // Friday before
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue(); // Saturday, 调休
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 24))).isTrue(); // Tuesday after
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue(); // Saturday, 调休
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 1))).isFalse(); // an ordinary Sunday
    // Fri 13 Feb + 2 working days: Saturday 14 Feb, then nothing until Tuesday 24 Feb.
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 2))
        .isEqualTo(LocalDate.of(2026, 2, 24));
  }

  /** 国办发明电〔2025〕7号: 10月1日至7日放假调休，共7天；9月20日（周日）、10月10日（周六）上班. */
  @Test
  void nationalDay2026IsSevenDaysOffWithTwoMakeUpWeekendDays() {
    for (var d = LocalDate.of(2026, 10, 1);
        !d.isAfter(LocalDate.of(2026, 10, 7));
        d = d.plusDays(1)) {
      assertThat(calendar.isWorkingDay(d)).as(d.toString()).isFalse();
    }
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue(); // Sunday, 调休
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 8))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue(); // Saturday, 调休
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse(); // Sunday
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

  @Test
  void theBuiltInSchedulesCover2025And2026() {
    assertThat(calendar.scheduledYears()).containsExactly(2025, 2026);
    assertThat(calendar.dueDate(null, LocalDate.of(2026, 9, 29), 3).complete()).isTrue();
  }

  @Test
  void aYearWithoutScheduleCountsWeekendsOnlyAndSaysSo() {
    // Wed 30 Dec 2026 + 3: Thu 31, then 2027 has no schedule: Fri 1 Jan counts, Mon 4 Jan.
    DueDate due = calendar.dueDate("gd-sz", LocalDate.of(2026, 12, 30), 3);
    assertThat(due.date()).isEqualTo(LocalDate.of(2027, 1, 4));
    assertThat(due.complete()).isFalse();
    assertThat(due.unscheduledYears()).containsExactly(2027);
    // Within a scheduled year nothing is reported, even when the start lies in an unscheduled one.
    assertThat(calendar.dueDate(null, LocalDate.of(2024, 12, 31), 1).unscheduledYears()).isEmpty();
    assertThat(calendar.dueDate(null, LocalDate.of(2026, 12, 30), 1).complete()).isTrue();
    // A long count reports every year it crossed without a schedule.
    assertThat(calendar.dueDate(null, LocalDate.of(2026, 12, 30), 500).unscheduledYears())
        .containsExactly(2027, 2028);
  }

  @Test
  void aStoredScheduleForTheNextYearMakesItComplete() {
    var national = nationalWith2027();
    var stored = new WorkingCalendar(Map.of());
    stored.replace(new Schedule(1, national, Set.of(2025, 2026, 2027), Map.of()), code -> null);

    DueDate due = stored.dueDate(null, LocalDate.of(2026, 12, 30), 3);
    // Thu 31 Dec, Fri 1 Jan is 元旦, Mon 4 Jan, Tue 5 Jan.
    assertThat(due.date()).isEqualTo(LocalDate.of(2027, 1, 5));
    assertThat(due.complete()).isTrue();
    assertThat(stored.scheduledYears()).containsExactly(2025, 2026, 2027);
  }

  @Test
  void anOlderRevisionNeverReplacesANewerOne() {
    var stored = new WorkingCalendar(Map.of());
    assertThat(
            stored.replace(
                new Schedule(5, nationalWith2027(), Set.of(2027), Map.of()), code -> null))
        .isTrue();
    assertThat(stored.replace(new Schedule(4, Map.of(), Set.of(), Map.of()), code -> null))
        .isFalse();
    assertThat(stored.revision()).isEqualTo(5);
    assertThat(stored.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
  }

  @Test
  void localHolidaysAreInheritedDownTheTreeButNotAcrossIt() {
    var tree = new DemoTree();
    WorkingCalendar c = withLocal(tree, Map.of("gd-sz", Set.of(LocalDate.of(2026, 11, 24))));
    LocalDate tuesday = LocalDate.of(2026, 11, 24);

    assertThat(c.isWorkingDay("gd-sz", tuesday)).isFalse();
    assertThat(c.isWorkingDay("gd-sz-ns", tuesday)).isFalse();
    assertThat(c.isWorkingDay("gd-sz-ns-001", tuesday)).isFalse();
    assertThat(c.isWorkingDay("gd", tuesday)).isTrue(); // the parent keeps working
    assertThat(c.isWorkingDay("zj-hz", tuesday)).isTrue(); // another city
    assertThat(c.isWorkingDay(tuesday)).isTrue(); // the national calendar knows nothing of it

    LocalDate monday = LocalDate.of(2026, 11, 23);
    assertThat(c.addWorkingDays("gd-sz-ns", monday, 1)).isEqualTo(LocalDate.of(2026, 11, 25));
    assertThat(c.addWorkingDays("zj-hz", monday, 1)).isEqualTo(tuesday);
    assertThat(c.addWorkingDays(monday, 1)).isEqualTo(tuesday);
  }

  @Test
  void holidaysOfSeveralLevelsAddUp() {
    var tree = new DemoTree();
    WorkingCalendar c =
        withLocal(
            tree,
            Map.of(
                "gd", Set.of(LocalDate.of(2026, 11, 24)),
                "gd-sz-ns", Set.of(LocalDate.of(2026, 11, 25))));
    // Mon 23 + 1: Tuesday is gd's, Wednesday is Nanshan's own: Thursday 26.
    assertThat(c.addWorkingDays("gd-sz-ns-001", LocalDate.of(2026, 11, 23), 1))
        .isEqualTo(LocalDate.of(2026, 11, 26));
    // Futian inherits gd's day but not its sibling Nanshan's.
    assertThat(c.addWorkingDays("gd-sz-ft", LocalDate.of(2026, 11, 23), 1))
        .isEqualTo(LocalDate.of(2026, 11, 25));
  }

  @Test
  void aLocalHolidayOnANationalMakeUpWorkdayIsADayOff() {
    var tree = new DemoTree();
    LocalDate makeUpSaturday = LocalDate.of(2026, 10, 10);
    WorkingCalendar c = withLocal(tree, Map.of("gd-sz", Set.of(makeUpSaturday)));

    assertThat(c.isWorkingDay("gd-sz-ft", makeUpSaturday)).isFalse();
    assertThat(c.isWorkingDay("zj-hz", makeUpSaturday)).isTrue(); // the 调休 still holds there
    // Fri 9 Oct + 1: Futian skips the Saturday and the Sunday.
    assertThat(c.addWorkingDays("gd-sz-ft", LocalDate.of(2026, 10, 9), 1))
        .isEqualTo(LocalDate.of(2026, 10, 12));
    assertThat(c.addWorkingDays("zj-hz", LocalDate.of(2026, 10, 9), 1)).isEqualTo(makeUpSaturday);
  }

  @Test
  void aTenantAddedLaterInheritsWithoutAReload() {
    var tree = new DemoTree();
    LocalDate tuesday = LocalDate.of(2026, 11, 24);
    WorkingCalendar c = withLocal(tree, Map.of("gd-sz", Set.of(tuesday)));
    assertThat(c.isWorkingDay("gd-sz-ns-002", tuesday)).isTrue(); // unknown: national only

    tree.add("gd-sz-ns-002", "南山区另一家公司工会", TenantLevel.GRASSROOTS, "gd-sz-ns");

    assertThat(c.isWorkingDay("gd-sz-ns-002", tuesday)).isFalse();
  }

  @Test
  void aCycleInTheTreeDoesNotHangTheCalendar() {
    WorkingCalendar c = new WorkingCalendar(Map.of());
    c.replace(
        new Schedule(1, Map.of(), Set.of(2026), Map.of("b", Set.of(LocalDate.of(2026, 11, 24)))),
        code -> code.equals("a") ? "b" : "a");
    assertThat(c.isWorkingDay("a", LocalDate.of(2026, 11, 24))).isFalse();
    assertThat(c.isWorkingDay("a", LocalDate.of(2026, 11, 25))).isTrue();
  }

  private static WorkingCalendar withLocal(DemoTree tree, Map<String, Set<LocalDate>> local) {
    var national = new HashMap<LocalDate, DayKind>();
    WorkingCalendar.officialEntries().forEach(e -> national.put(e.date(), e.kind()));
    var c = new WorkingCalendar(Map.of());
    c.replace(
        new Schedule(1, national, Set.of(2025, 2026), local),
        code -> tree.find(code).map(TenantView::parentCode).orElse(null));
    return c;
  }

  private static Map<LocalDate, DayKind> nationalWith2027() {
    var national = new HashMap<LocalDate, DayKind>();
    WorkingCalendar.officialEntries().forEach(e -> national.put(e.date(), e.kind()));
    national.put(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY);
    return national;
  }
}
