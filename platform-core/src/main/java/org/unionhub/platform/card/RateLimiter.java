package org.unionhub.platform.card;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code perSecond} calls per client address and second (a fixed one-second window per
 * address), on one node. Memory stays bounded: when many addresses were seen, windows of earlier
 * seconds are dropped.
 */
public final class RateLimiter {

  private static final int MAX_TRACKED = 50_000;

  private record Window(long second, AtomicInteger count) {}

  private final int perSecond;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  /**
   * @param perSecond calls allowed per address and second
   */
  public RateLimiter(int perSecond) {
    this.perSecond = perSecond;
  }

  /**
   * @param address the client's address
   * @param nowMillis the current time
   * @return whether this call is within the limit
   */
  public boolean allow(String address, long nowMillis) {
    long second = nowMillis / 1000;
    if (windows.size() > MAX_TRACKED) {
      windows.values().removeIf(w -> w.second() < second);
    }
    Window w =
        windows.compute(
            address == null ? "" : address,
            (k, old) ->
                old == null || old.second() != second
                    ? new Window(second, new AtomicInteger())
                    : old);
    return w.count().incrementAndGet() <= perSecond;
  }
}
