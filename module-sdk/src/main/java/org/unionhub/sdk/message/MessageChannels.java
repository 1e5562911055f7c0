package org.unionhub.sdk.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The message channels on a class path, found with {@link ServiceLoader}.
 *
 * @since 0.4
 */
public final class MessageChannels {

  private final List<MessageChannel> channels;

  private MessageChannels(List<MessageChannel> channels) {
    this.channels = List.copyOf(channels);
  }

  /**
   * @param loader the class loader to search
   * @return the channels it lists
   * @since 0.4
   */
  public static MessageChannels load(ClassLoader loader) {
    var found = new ArrayList<MessageChannel>();
    ServiceLoader.load(MessageChannel.class, loader).forEach(found::add);
    return new MessageChannels(found);
  }

  /**
   * @return every channel found
   * @since 0.4
   */
  public List<MessageChannel> all() {
    return channels;
  }

  /**
   * @param kind a kind of address
   * @param preferred the id of the channel configured for it, or null for the first that delivers
   *     to it
   * @return the channel to use
   * @since 0.4
   */
  public Optional<MessageChannel> forKind(Message.Kind kind, String preferred) {
    return channels.stream()
        .filter(c -> c.delivers(kind))
        .filter(c -> preferred == null || preferred.isBlank() || c.id().equals(preferred))
        .findFirst();
  }
}
