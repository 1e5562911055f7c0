package org.unionhub.platform.personal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.unionhub.platform.health.PlatformReadiness;

/**
 * After a key rotation, moves sealed data to the active key in small batches, every {@code
 * unionhub.keys.reseal-seconds} (default 30) on every node; rows are updated with their version, so
 * two nodes never lose each other's work. Old keys can be removed from the key file once {@code
 * ./unionhub keys status} and the log report nothing left.
 */
@ApplicationScoped
public class ResealJob {

  private static final Logger LOG = Logger.getLogger(ResealJob.class.getName());
  private static final int BATCH = 200;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject Instance<Resealable> stores;
  @Inject PlatformReadiness readiness;

  private ScheduledFuture<?> task;

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    long seconds = Long.getLong("unionhub.keys.reseal-seconds", 30);
    task = scheduler.scheduleWithFixedDelay(this::run, seconds, seconds, TimeUnit.SECONDS);
  }

  /**
   * @return how many rows were re-sealed in this pass
   */
  public int run() {
    if (!readiness.isReady()) {
      return 0;
    }
    int total = 0;
    try {
      for (Resealable store : stores) {
        for (int n = store.resealBatch(BATCH); n > 0; n = store.resealBatch(BATCH)) {
          total += n;
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "re-sealing personal data failed; will retry", e);
    }
    if (total > 0) {
      LOG.info("Re-sealed personal data of " + total + " rows under the active key");
    }
    return total;
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
