package org.unionhub.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;

/** Whether start-up work (schema migration, demo data) has finished, and how it ended. */
@ApplicationScoped
public class PlatformReadiness {

  private final AtomicReference<String> failure = new AtomicReference<>();
  private volatile boolean ready;

  /** Called once the database is migrated and seeded. */
  public void markReady() {
    ready = true;
  }

  /**
   * Called when start-up work failed; the platform stays not ready.
   *
   * @param reason what failed
   */
  public void markFailed(String reason) {
    failure.set(reason);
  }

  public boolean isReady() {
    return ready && failure.get() == null;
  }

  /**
   * @return why start-up failed, or null
   */
  public String failure() {
    return failure.get();
  }
}
