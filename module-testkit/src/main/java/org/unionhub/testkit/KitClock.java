package org.unionhub.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/** The kit's clock: it stands still until the test moves it, and only forwards. */
final class KitClock extends Clock {

  /** The time of day {@link ModuleTestKit#on} sets: the morning, when union offices open. */
  static final LocalTime START_OF_DAY = LocalTime.of(9, 0);

  private final ZoneId zone;
  private Instant now;

  KitClock(ZoneId zone) {
    this.zone = zone;
    this.now = java.time.LocalDate.now(zone).atTime(START_OF_DAY).atZone(zone).toInstant();
  }

  void set(Instant instant) {
    this.now = instant;
  }

  void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward, got " + by);
    }
    now = now.plus(by);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return Clock.fixed(now, other);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
