package org.unionhub.tenant.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GroupSyncTest {

  private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

  @Test
  void aChangeIsPendingUntilSyncedAtItsSequence() {
    var row = new GroupSync("gd-sz-ns-002", NOW);
    row.changed(NOW);
    assertThat(row.isPending()).isTrue();
    long seq = row.getChangeSeq();

    row.changed(NOW.plusSeconds(1));
    row.synced(seq, NOW.plusSeconds(2));

    assertThat(row.isPending()).as("a change made during the sync stays pending").isTrue();
    row.synced(row.getChangeSeq(), NOW.plusSeconds(3));
    assertThat(row.isPending()).isFalse();
    assertThat(row.getLastError()).isNull();
  }

  @Test
  void failuresBackOffExponentiallyUpToFiveMinutes() {
    assertThat(GroupSync.delay(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(GroupSync.delay(2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(GroupSync.delay(5)).isEqualTo(Duration.ofSeconds(32));
    assertThat(GroupSync.delay(8)).isEqualTo(Duration.ofSeconds(256));
    assertThat(GroupSync.delay(9)).isEqualTo(Duration.ofMinutes(5));
    assertThat(GroupSync.delay(1000)).isEqualTo(Duration.ofMinutes(5));

    var row = new GroupSync("gd-sz-ns-002", NOW);
    row.changed(NOW);
    row.failed(NOW, "ProcessingException: Connection refused");
    row.failed(NOW, "ProcessingException: Connection refused");
    assertThat(row.getAttempts()).isEqualTo(2);
    assertThat(row.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(4));
    assertThat(row.getLastError()).contains("Connection refused");
    assertThat(row.isPending()).isTrue();
  }

  @Test
  void aNewChangeMakesAFailingRowDueAtOnce() {
    var row = new GroupSync("gd-sz-ns-002", NOW);
    row.changed(NOW);
    for (int i = 0; i < 10; i++) {
      row.failed(NOW, "down");
    }
    row.changed(NOW.plusSeconds(10));
    assertThat(row.getAttempts()).isZero();
    assertThat(row.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(10));
  }
}
