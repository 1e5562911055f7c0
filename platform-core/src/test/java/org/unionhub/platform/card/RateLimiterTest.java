package org.unionhub.platform.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void eachAddressGetsItsOwnBudgetPerSecond() {
    var limiter = new RateLimiter(3);
    long t = 1_000_000L;
    assertThat(limiter.allow("10.0.0.1", t)).isTrue();
    assertThat(limiter.allow("10.0.0.1", t + 10)).isTrue();
    assertThat(limiter.allow("10.0.0.1", t + 20)).isTrue();
    assertThat(limiter.allow("10.0.0.1", t + 30)).isFalse();
    assertThat(limiter.allow("10.0.0.2", t + 30)).isTrue();
    assertThat(limiter.allow("10.0.0.1", t + 1000)).isTrue();
  }
}
