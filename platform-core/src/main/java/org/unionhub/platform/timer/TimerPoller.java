package org.unionhub.platform.timer;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.unionhub.platform.health.PlatformReadiness;

/**
 * Polls for due timers every {@code unionhub.timers.poll-seconds} (default 5) once the database is
 * ready. Every node polls; the database decides who fires what.
 */
@ApplicationScoped
public class TimerPoller {

  private static final Logger LOG = Logger.getLogger(TimerPoller.class.getName());
  private static final int BATCH = 50;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject TimerService timers;
  @Inject PlatformReadiness readiness;

  private ScheduledFuture<?> task;
  private final String node =
      System.getProperty("jboss.node.name", System.getProperty("unionhub.node", "unionhub"));

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    long seconds = Long.getLong("unionhub.timers.poll-seconds", 5);
    task = scheduler.scheduleWithFixedDelay(this::poll, seconds, seconds, TimeUnit.SECONDS);
  }

  void poll() {
    if (!readiness.isReady()) {
      return;
    }
    try {
      int fired;
      do {
        fired = timers.fireDue(BATCH, node);
        if (fired > 0) {
          int count = fired;
          LOG.fine(() -> node + " fired " + count + " timer(s)");
        }
      } while (fired == BATCH);
    } catch (RuntimeException e) {
      // The claiming transaction rolled back; the timers stay due and the next poll retries them.
      LOG.log(Level.WARNING, "firing due timers failed; will retry", e);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
