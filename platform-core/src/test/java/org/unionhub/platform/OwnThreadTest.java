package org.unionhub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class OwnThreadTest {

  private static final ThreadLocal<String> LEFT_BEHIND = new ThreadLocal<>();

  @Test
  void theWorkRunsOnAThreadOfItsOwnAndWhatItLeavesBehindStaysThere() {
    Thread caller = Thread.currentThread();
    Thread ran =
        OwnThread.call(
            "own-thread-test",
            () -> {
              LEFT_BEHIND.set("cache");
              return Thread.currentThread();
            });
    assertThat(ran).isNotSameAs(caller);
    assertThat(ran.getName()).isEqualTo("own-thread-test");
    assertThat(ran.getContextClassLoader()).isSameAs(caller.getContextClassLoader());
    assertThat(LEFT_BEHIND.get()).isNull();
  }

  @Test
  void whatTheWorkThrowsReachesTheCallerAsItWas() {
    var checked = new IOException("disk");
    var unchecked = new IllegalArgumentException("bad");
    assertThatThrownBy(
            () ->
                OwnThread.call(
                    "t",
                    () -> {
                      throw checked;
                    }))
        .isSameAs(checked);
    assertThatThrownBy(
            () ->
                OwnThread.call(
                    "t",
                    () -> {
                      throw unchecked;
                    }))
        .isSameAs(unchecked);
  }
}
