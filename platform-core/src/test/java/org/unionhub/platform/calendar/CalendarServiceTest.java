package org.unionhub.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.calendar.ScheduleValidator.Draft;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.DemoTree;

class CalendarServiceTest {

  private static final Caller PLATFORM_ADMIN =
      Caller.of("platform-admin", Set.of("platform-admin"), Set.of());
  private static final Caller SZ_ADMIN = admin("sz-admin", "gd-sz");
  private static final Caller NS_ADMIN = admin("ns-admin", "gd-sz-ns");
  private static final Caller FT_ADMIN = admin("ft-admin", "gd-sz-ft");
  private static final Caller HZ_ADMIN = admin("hz-admin", "zj-hz");
  private static final Caller NS_STAFF = Caller.of("ns-staff", Set.of("staff"), Set.of("gd-sz-ns"));
  private static final Caller WORKER = Caller.of("worker1", Set.of(), Set.of());

  private static final List<Draft> SCHEDULE_2027 =
      List.of(
          new Draft("2027-01-01", "HOLIDAY", "元旦"),
          new Draft("2027-02-05", "HOLIDAY", "春节"),
          new Draft("2027-02-06", "HOLIDAY", "春节"),
          new Draft("2027-02-07", "HOLIDAY", "春节"),
          new Draft("2027-02-08", "HOLIDAY", "春节"),
          new Draft("2027-02-13", "WORKDAY", "春节调休上班"));

  private final DemoTree tree = new DemoTree();
  private final InMemoryCalendarRepository repository = new InMemoryCalendarRepository();
  private final RecordingAuditTrail audit = new RecordingAuditTrail();
  private final WorkingCalendar calendar = WorkingCalendar.official();
  private final CalendarService service = new CalendarService();

  private static Caller admin(String name, String tenant) {
    return Caller.of(name, Set.of("tenant-admin"), Set.of(tenant));
  }

  @BeforeEach
  void wire() {
    var loader =
        new CalendarLoader() {
          @Override
          public void reloadAfterCommit() {
            reload(); // no transaction here: "after commit" is now
          }
        };
    loader.repository = repository;
    loader.calendar = calendar;
    loader.tenants = tree;
    loader.reload();
    service.repository = repository;
    service.loader = loader;
    service.calendar = calendar;
    service.tenants = tree;
    service.visibility = tree.visibility();
    service.audit = audit;
    service.clock = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  }

  @Test
  void aPlatformAdminEntersNextYearsScheduleAndDueDatesAcrossItChange() {
    LocalDate start = LocalDate.of(2026, 12, 30);
    DueDate before = calendar.dueDate("gd-sz-ns", start, 3);
    assertThat(before.date()).isEqualTo(LocalDate.of(2027, 1, 4));
    assertThat(before.unscheduledYears()).containsExactly(2027);

    var replaced = service.replaceYear(PLATFORM_ADMIN, 2027, SCHEDULE_2027, 0);

    assertThat(replaced.summary().version()).isEqualTo(1);
    assertThat(replaced.summary().holidays()).isEqualTo(5);
    assertThat(replaced.summary().workdays()).isEqualTo(1);
    assertThat(replaced.warnings()).isEmpty();
    DueDate after = calendar.dueDate("gd-sz-ns", start, 3);
    assertThat(after.date()).isEqualTo(LocalDate.of(2027, 1, 5)); // 元旦 skipped
    assertThat(after.complete()).isTrue();
    assertThat(calendar.addWorkingDays(LocalDate.of(2027, 2, 12), 1))
        .isEqualTo(LocalDate.of(2027, 2, 13)); // the make-up Saturday
    assertThat(service.years()).extracting(YearSummary::year).containsExactly(2025, 2026, 2027);
    assertThat(service.year(2027).orElseThrow().entries()).hasSize(6);
    assertThat(audit.entries)
        .extracting(
            RecordingAuditTrail.Entry::actor,
            RecordingAuditTrail.Entry::tenantCode,
            RecordingAuditTrail.Entry::subject,
            RecordingAuditTrail.Entry::action,
            RecordingAuditTrail.Entry::before)
        .containsExactly(tuple("platform-admin", null, "calendar:2027", "create", null));
    assertThat(audit.entries.get(0).after())
        .startsWith("[{\"date\":\"2027-01-01\",\"kind\":\"HOLIDAY\",\"name\":\"元旦\"}")
        .contains("{\"date\":\"2027-02-13\",\"kind\":\"WORKDAY\",\"name\":\"春节调休上班\"}");
  }

  @Test
  void replacingAYearKeepsWhatWasThereInTheAuditAndRefusesAStaleVersion() {
    service.replaceYear(PLATFORM_ADMIN, 2027, SCHEDULE_2027, null);
    var corrected =
        service.replaceYear(
            PLATFORM_ADMIN, 2027, List.of(new Draft("2027-01-01", "HOLIDAY", "元旦")), 1);

    assertThat(corrected.summary().version()).isEqualTo(2);
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 8))).isTrue(); // no longer a holiday
    assertThat(audit.entries.get(1).action()).isEqualTo("replace");
    assertThat(audit.entries.get(1).before()).contains("2027-02-13");
    assertThat(audit.entries.get(1).after()).doesNotContain("2027-02-13");

    assertThatThrownBy(() -> service.replaceYear(PLATFORM_ADMIN, 2027, SCHEDULE_2027, 1))
        .isInstanceOfSatisfying(
            CalendarConflictException.class, e -> assertThat(e.currentVersion()).isEqualTo(2));
    assertThat(repository.entries(2027)).hasSize(1);
    assertThat(audit.entries).hasSize(2);
  }

  @Test
  void onlyPlatformAdminsChangeTheNationalSchedule() {
    for (Caller caller : List.of(SZ_ADMIN, NS_STAFF, WORKER)) {
      assertThatThrownBy(() -> service.replaceYear(caller, 2027, SCHEDULE_2027, null))
          .isInstanceOf(NotAllowedException.class);
    }
    assertThat(service.year(2027)).isEmpty();
    assertThat(audit.entries).isEmpty();
  }

  @Test
  void aWrongScheduleIsRefusedWithEveryProblemAndNothingChanges() {
    long revision = calendar.revision();
    assertThatThrownBy(
            () ->
                service.replaceYear(
                    PLATFORM_ADMIN,
                    2026,
                    List.of(
                        new Draft("2026-01-01", "HOLIDAY", "元旦"),
                        new Draft("2027-01-01", "HOLIDAY", "元旦"),
                        new Draft("2026-02-16", "WORKDAY", "")),
                    null))
        .isInstanceOfSatisfying(
            CalendarRefusedException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactly(
                        tuple("entries[1].date", "OUTSIDE_YEAR"),
                        tuple("entries[2].name", "REQUIRED"),
                        tuple("entries[2].date", "WORKDAY_ON_WEEKDAY")));
    assertThat(repository.entries(2026))
        .isEqualTo(
            WorkingCalendar.officialEntries().stream()
                .filter(e -> e.date().getYear() == 2026)
                .toList());
    assertThat(calendar.revision()).isEqualTo(revision);
    assertThat(audit.entries).isEmpty();
    assertThatThrownBy(() -> service.replaceYear(PLATFORM_ADMIN, 1999, SCHEDULE_2027, null))
        .isInstanceOfSatisfying(
            CalendarRefusedException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("year"));
  }

  @Test
  void aCitysHolidayMovesDueDatesOfItsDistrictsButNotOfAnotherCity() {
    LocalDate friday = LocalDate.of(2027, 3, 12);

    var added = service.addHoliday(SZ_ADMIN, "gd-sz", "2027-03-15", " 深圳市职工运动会 ");

    assertThat(added.holiday())
        .isEqualTo(new LocalHoliday("gd-sz", LocalDate.of(2027, 3, 15), "深圳市职工运动会"));
    assertThat(added.warnings()).isEmpty();
    assertThat(calendar.addWorkingDays("gd-sz-ns", friday, 1)).isEqualTo(LocalDate.of(2027, 3, 16));
    assertThat(calendar.addWorkingDays("gd-sz-ns-001", friday, 1))
        .isEqualTo(LocalDate.of(2027, 3, 16));
    assertThat(calendar.addWorkingDays("zj-hz", friday, 1)).isEqualTo(LocalDate.of(2027, 3, 15));
    assertThat(calendar.addWorkingDays("gd", friday, 1)).isEqualTo(LocalDate.of(2027, 3, 15));
    assertThat(audit.entries)
        .containsExactly(
            new RecordingAuditTrail.Entry(
                "sz-admin",
                "gd-sz",
                "calendar:holiday:2027-03-15",
                "create",
                null,
                "{\"tenant\":\"gd-sz\",\"date\":\"2027-03-15\",\"name\":\"深圳市职工运动会\"}"));
  }

  @Test
  void aTenantSeesItsOwnAndInheritedHolidaysWithTheirSource() {
    service.addHoliday(SZ_ADMIN, "gd-sz", "2027-03-15", "深圳市职工运动会");
    service.addHoliday(NS_ADMIN, "gd-sz-ns", "2027-03-01", "南山区工会成立纪念日");
    service.addHoliday(FT_ADMIN, "gd-sz-ft", "2027-03-02", "福田区工会活动日");

    assertThat(service.holidays(NS_STAFF, "gd-sz-ns"))
        .extracting(
            CalendarService.TenantHoliday::date,
            CalendarService.TenantHoliday::sourceTenant,
            CalendarService.TenantHoliday::inherited)
        .containsExactly(
            tuple(LocalDate.of(2027, 3, 1), "gd-sz-ns", false),
            tuple(LocalDate.of(2027, 3, 15), "gd-sz", true));
    // An admin of the city sees a district's calendar too.
    assertThat(service.holidays(SZ_ADMIN, "gd-sz-ft")).hasSize(2);
  }

  @Test
  void nobodyReachesASiblingsOrAnAncestorsHolidaysAndStaffOnlyRead() {
    assertThatThrownBy(() -> service.addHoliday(FT_ADMIN, "gd-sz-ns", "2027-03-15", "x"))
        .isInstanceOf(NotVisibleException.class);
    assertThatThrownBy(() -> service.addHoliday(HZ_ADMIN, "gd-sz", "2027-03-15", "x"))
        .isInstanceOf(NotVisibleException.class);
    assertThatThrownBy(() -> service.addHoliday(NS_ADMIN, "gd-sz", "2027-03-15", "x"))
        .isInstanceOf(NotVisibleException.class); // a district does not set its city's days
    assertThatThrownBy(() -> service.addHoliday(SZ_ADMIN, "no-such-union", "2027-03-15", "x"))
        .isInstanceOf(NotVisibleException.class);
    assertThatThrownBy(() -> service.addHoliday(NS_STAFF, "gd-sz-ns", "2027-03-15", "x"))
        .isInstanceOf(NotAllowedException.class);
    assertThatThrownBy(() -> service.holidays(WORKER, "gd-sz-ns"))
        .isInstanceOf(NotVisibleException.class);
    assertThatThrownBy(() -> service.holidays(NS_STAFF, "gd-sz"))
        .isInstanceOf(NotVisibleException.class);
    assertThat(service.holidays(NS_STAFF, "gd-sz-ns")).isEmpty();
    assertThat(service.holidays(PLATFORM_ADMIN, "zj-hz")).isEmpty();
    assertThat(service.mayManageHolidays(NS_STAFF, "gd-sz-ns")).isFalse();
    assertThat(service.mayManageHolidays(SZ_ADMIN, "gd-sz-ns")).isTrue();
    assertThat(service.mayManageHolidays(FT_ADMIN, "gd-sz-ns")).isFalse();
    assertThat(audit.entries).isEmpty();
  }

  @Test
  void anInheritedHolidayIsRemovedWhereItWasDeclared() {
    service.addHoliday(SZ_ADMIN, "gd-sz", "2027-03-15", "深圳市职工运动会");

    assertThatThrownBy(() -> service.removeHoliday(NS_ADMIN, "gd-sz-ns", "2027-03-15"))
        .isInstanceOfSatisfying(
            CalendarConflictException.class,
            e -> {
              assertThat(e.code()).isEqualTo("INHERITED");
              assertThat(e.text().in(java.util.Locale.CHINA)).contains("深圳市总工会");
              assertThat(e.getMessage()).contains("gd-sz, a union above");
            });
    assertThatThrownBy(() -> service.removeHoliday(SZ_ADMIN, "gd-sz", "2027-03-16"))
        .isInstanceOf(NotVisibleException.class);
    assertThatThrownBy(() -> service.removeHoliday(SZ_ADMIN, "gd-sz", "not-a-date"))
        .isInstanceOf(NotVisibleException.class);

    service.removeHoliday(SZ_ADMIN, "gd-sz", "2027-03-15");

    assertThat(calendar.isWorkingDay("gd-sz-ns", LocalDate.of(2027, 3, 15))).isTrue();
    assertThat(service.holidays(NS_STAFF, "gd-sz-ns")).isEmpty();
    assertThat(audit.entries)
        .extracting(RecordingAuditTrail.Entry::action, RecordingAuditTrail.Entry::before)
        .containsExactly(
            tuple("create", null),
            tuple(
                "delete", "{\"tenant\":\"gd-sz\",\"date\":\"2027-03-15\",\"name\":\"深圳市职工运动会\"}"));
    assertThat(audit.entries.get(1).after()).isNull();
  }

  @Test
  void aHolidayThatChangesNothingIsAcceptedWithAWarningAndATwinIsRefused() {
    service.addHoliday(SZ_ADMIN, "gd-sz", "2027-03-15", "深圳市职工运动会");

    var inherited = service.addHoliday(NS_ADMIN, "gd-sz-ns", "2027-03-15", "南山区也放假");
    assertThat(inherited.warnings())
        .extracting(FieldError::code)
        .containsExactly("ALREADY_INHERITED");
    var nationalDay = service.addHoliday(NS_ADMIN, "gd-sz-ns", "2026-10-01", "国庆节");
    assertThat(nationalDay.warnings())
        .extracting(FieldError::code)
        .containsExactly("NOT_A_WORKING_DAY");
    var makeUpSaturday = service.addHoliday(NS_ADMIN, "gd-sz-ns", "2026-10-10", "南山区调休日也放假");
    assertThat(makeUpSaturday.warnings()).isEmpty(); // it does change something: Nanshan rests

    assertThatThrownBy(() -> service.addHoliday(SZ_ADMIN, "gd-sz", "2027-03-15", "again"))
        .isInstanceOfSatisfying(
            CalendarConflictException.class, e -> assertThat(e.code()).isEqualTo("ALREADY_EXISTS"));
    assertThatThrownBy(() -> service.addHoliday(SZ_ADMIN, "gd-sz", " ", null))
        .isInstanceOfSatisfying(
            CalendarRefusedException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple("date", "REQUIRED"), tuple("name", "REQUIRED")));
    assertThatThrownBy(() -> service.addHoliday(SZ_ADMIN, "gd-sz", "2207-03-15", "typo"))
        .isInstanceOfSatisfying(
            CalendarRefusedException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::code)
                    .containsExactly("OUT_OF_RANGE"));
  }
}
