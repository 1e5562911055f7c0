package org.unionhub.tenant.config;

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
 * Resumes, once this node is ready (schema migrated), the configuration pushes that were running
 * when a node stopped: a push is a row per descendant in the database (ADR 13), not a thread.
 */
@ApplicationScoped
public class PushResumer {

  private static final Logger LOG = Logger.getLogger(PushResumer.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject PlatformReadiness readiness;
  @Inject ConfigPush config;

  private ScheduledFuture<?> task;
  private volatile boolean resumed;

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    task = scheduler.scheduleWithFixedDelay(this::resumeOnceReady, 1, 1, TimeUnit.SECONDS);
  }

  void resumeOnceReady() {
    if (resumed || !readiness.isReady()) {
      return;
    }
    resumed = true;
    try {
      config.resumePushes();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "resuming configuration pushes failed", e);
    }
    task.cancel(false);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
