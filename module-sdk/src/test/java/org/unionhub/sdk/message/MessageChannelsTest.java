package org.unionhub.sdk.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessageChannelsTest {

  @Test
  void addressesAreMaskedForLogs() {
    assertThat(new Message(Message.Kind.MOBILE, "13800138000", null, "x", null).maskedTo())
        .isEqualTo("138****8000");
    assertThat(
            new Message(Message.Kind.EMAIL, "zhang@example.com", "s", "x", Locale.ENGLISH)
                .maskedTo())
        .isEqualTo("z***@example.com");
  }

  @Test
  void withNoChannelOnTheClassPathNoneIsFound() {
    var channels = MessageChannels.load(MessageChannelsTest.class.getClassLoader());
    assertThat(channels.all()).isEmpty();
    assertThat(channels.forKind(Message.Kind.MOBILE, null)).isEmpty();
  }
}
