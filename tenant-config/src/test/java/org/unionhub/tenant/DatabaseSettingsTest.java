package org.unionhub.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which PostgreSQL settings the operator is warned about at start-up. */
class DatabaseSettingsTest {

  @Test
  void aServerThatKeepsItsStatisticsIsNotWarnedAbout() {
    assertThat(DatabaseSettings.warnings(Map.of("autovacuum", "on", "track_counts", "on")))
        .isEmpty();
  }

  @Test
  void autovacuumOffIsWarnedAboutWithWhatToDo() {
    assertThat(DatabaseSettings.warnings(Map.of("autovacuum", "off", "track_counts", "on")))
        .singleElement()
        .asString()
        .contains("autovacuum is off", "autovacuum = on", "ANALYZE");
  }

  @Test
  void trackCountsOffIsTheCauseToFixFirst() {
    assertThat(DatabaseSettings.warnings(Map.of("autovacuum", "on", "track_counts", "off")))
        .singleElement()
        .asString()
        .contains("track_counts is off", "track_counts = on");
  }

  @Test
  void settingsThatCouldNotBeReadAreNotGuessedAt() {
    assertThat(DatabaseSettings.warnings(Map.of())).isEmpty();
  }
}
