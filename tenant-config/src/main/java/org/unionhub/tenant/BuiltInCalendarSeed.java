package org.unionhub.tenant;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;
import org.unionhub.platform.calendar.NationalEntry;
import org.unionhub.platform.calendar.WorkingCalendar;

/**
 * Liquibase task, run at every start: stores each year of the built-in national schedules ({@code
 * cn-official.csv}) that the database does not have yet. A year already stored — seeded earlier or
 * entered by an admin — is never touched, so corrections made in the UI survive upgrades, and a
 * release that ships a new year's schedule brings it to existing installations.
 */
public class BuiltInCalendarSeed implements CustomTaskChange {

  /** Who the built-in schedules are recorded as. */
  static final String SYSTEM = "system";

  private int seededYears;

  @Override
  public void execute(Database database) throws CustomChangeException {
    Connection c = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
    Map<Integer, List<NationalEntry>> byYear =
        WorkingCalendar.officialEntries().stream()
            .collect(
                Collectors.groupingBy(e -> e.date().getYear(), TreeMap::new, Collectors.toList()));
    try {
      Set<Integer> stored = new HashSet<>();
      try (var s = c.createStatement();
          var rs = s.executeQuery("select calendar_year from national_calendar_year")) {
        while (rs.next()) {
          stored.add(rs.getInt(1));
        }
      }
      var now = OffsetDateTime.now(ZoneOffset.UTC);
      for (var year : byYear.entrySet()) {
        if (stored.contains(year.getKey())) {
          continue;
        }
        try (var y =
            c.prepareStatement(
                "insert into national_calendar_year (calendar_year, version, updated_by,"
                    + " updated_at) values (?, 1, ?, ?)")) {
          y.setInt(1, year.getKey());
          y.setString(2, SYSTEM);
          y.setObject(3, now);
          y.executeUpdate();
        }
        try (var d =
            c.prepareStatement(
                "insert into national_calendar_day (calendar_date, calendar_year, kind, name)"
                    + " values (?, ?, ?, ?)")) {
          for (NationalEntry e : year.getValue()) {
            d.setObject(1, e.date());
            d.setInt(2, year.getKey());
            d.setString(3, e.kind().name());
            d.setString(4, e.name());
            d.addBatch();
          }
          d.executeBatch();
        }
        seededYears++;
      }
      if (seededYears > 0) {
        try (var s = c.createStatement()) {
          s.executeUpdate("update calendar_revision set revision = revision + 1 where id = 1");
        }
      }
    } catch (SQLException e) {
      throw new CustomChangeException("cannot store the built-in national schedules", e);
    }
  }

  @Override
  public String getConfirmationMessage() {
    return "built-in national schedules: " + seededYears + " year(s) stored";
  }

  @Override
  public void setUp() {
    // Nothing to prepare: the schedules are read when the task runs.
  }

  @Override
  public void setFileOpener(ResourceAccessor resourceAccessor) {
    // The schedules come from the class path, not from Liquibase's resource accessor.
  }

  @Override
  public ValidationErrors validate(Database database) {
    return new ValidationErrors();
  }
}
