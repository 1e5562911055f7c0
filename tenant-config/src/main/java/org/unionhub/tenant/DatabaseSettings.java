package org.unionhub.tenant;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL settings UnionHub's query plans depend on, checked once at start-up. A worklist page
 * walks an index only while the planner's statistics know how many open requests there are; with
 * autovacuum off they stay those of the day the table was empty, and a page of 50 sorted every open
 * request instead (18 ms instead of 0.4 ms for 14,651 of them, and growing; BENCHMARKS.md, session
 * 9). Nothing refuses to start: the operator is told what to change.
 */
final class DatabaseSettings {

  private DatabaseSettings() {}

  /** The settings read, by name. */
  static final List<String> NAMES = List.of("autovacuum", "track_counts");

  /**
   * What to tell the operator about these settings.
   *
   * @param settings PostgreSQL's settings by name ({@code on}/{@code off})
   * @return one warning per setting that harms the plans, empty when all is well
   */
  static List<String> warnings(Map<String, String> settings) {
    var warnings = new ArrayList<String>();
    if ("off".equals(settings.get("track_counts"))) {
      warnings.add(
          "PostgreSQL's track_counts is off: autovacuum cannot tell which tables changed, and the"
              + " planner's statistics go stale; set track_counts = on");
    } else if ("off".equals(settings.get("autovacuum"))) {
      warnings.add(
          "PostgreSQL's autovacuum is off: the planner's statistics stay those of tables that have"
              + " since grown, and worklist pages and counts slow down as requests accumulate; set"
              + " autovacuum = on, or ANALYZE the database regularly");
    }
    return warnings;
  }

  /**
   * Reads the settings on this connection.
   *
   * @param connection a connection to UnionHub's database
   * @return the settings by name
   * @throws SQLException when they cannot be read
   */
  static Map<String, String> read(Connection connection) throws SQLException {
    var settings = new LinkedHashMap<String, String>();
    try (var statement =
        connection.prepareStatement("select name, setting from pg_settings where name = any (?)")) {
      statement.setArray(1, connection.createArrayOf("text", NAMES.toArray()));
      try (var result = statement.executeQuery()) {
        while (result.next()) {
          settings.put(result.getString(1), result.getString(2));
        }
      }
    }
    return settings;
  }
}
