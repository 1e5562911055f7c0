package org.unionhub.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.calendar.WorkingCalendar;

/** The calendar changelog on H2: tables, the built-in schedules, and upgrades that keep edits. */
class CalendarChangelogTest {

  private Connection db;

  @BeforeEach
  void migrate() throws Exception {
    db = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    SchemaMigrator.migrate(db, "", "sa");
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
  }

  private long number(String sql) throws SQLException {
    try (Statement s = db.createStatement();
        var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void theBuiltInSchedulesAreStoredOnce() throws Exception {
    long shipped = WorkingCalendar.officialEntries().size();
    assertThat(number("select count(*) from national_calendar_year")).isEqualTo(2);
    assertThat(number("select count(*) from national_calendar_day")).isEqualTo(shipped);
    assertThat(
            number(
                "select count(*) from national_calendar_day where calendar_year = 2026"
                    + " and kind = 'WORKDAY'"))
        .isEqualTo(6);
    long revision = number("select revision from calendar_revision where id = 1");
    assertThat(revision).isPositive();

    SchemaMigrator.migrate(db, "", "sa"); // a restart

    assertThat(number("select count(*) from national_calendar_day")).isEqualTo(shipped);
    assertThat(number("select revision from calendar_revision where id = 1")).isEqualTo(revision);
  }

  @Test
  void aStoredYearIsNeverOverwrittenButAMissingBuiltInYearComesBack() throws Exception {
    try (Statement s = db.createStatement()) {
      // An admin corrected 2026; 2025 was lost.
      s.executeUpdate("delete from national_calendar_day where calendar_date = '2026-10-10'");
      s.executeUpdate("update national_calendar_year set version = 2 where calendar_year = 2026");
      s.executeUpdate("delete from national_calendar_day where calendar_year = 2025");
      s.executeUpdate("delete from national_calendar_year where calendar_year = 2025");
    }

    SchemaMigrator.migrate(db, "", "sa");

    assertThat(
            number("select count(*) from national_calendar_day where calendar_date = '2026-10-10'"))
        .isZero();
    assertThat(number("select version from national_calendar_year where calendar_year = 2026"))
        .isEqualTo(2);
    assertThat(number("select count(*) from national_calendar_day where calendar_year = 2025"))
        .isEqualTo(
            WorkingCalendar.officialEntries().stream()
                .filter(e -> e.date().getYear() == 2025)
                .count());
  }

  @Test
  void theSchemaRefusesWhatTheCalendarCannotMean() throws Exception {
    try (Statement s = db.createStatement()) {
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "insert into national_calendar_day values ('2027-01-01', 2027, 'HOLIDAY', 'x')"))
          .as("a day of a year without a schedule row")
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "insert into national_calendar_day values ('2026-12-31', 2026, 'DAYOFF', 'x')"))
          .as("an unknown kind")
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "insert into tenant_holiday values (random_uuid(), 'no-such-union',"
                          + " '2027-03-15', 'x', 'me', current_timestamp)"))
          .as("a holiday of no tenant")
          .isInstanceOf(SQLException.class);
    }
  }
}
