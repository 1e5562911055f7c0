package org.unionhub.tenant;

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
 * Picks up tenant-tree changes made on other nodes: every {@code unionhub.tenants.refresh-seconds}
 * (default 2) it compares the tree version in the database with the loaded one, a single
 * primary-key read, and reloads when they differ.
 */
@ApplicationScoped
public class TenantTreeWatcher {

  private static final Logger LOG = Logger.getLogger(TenantTreeWatcher.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject JpaTenantDirectory directory;
  @Inject PlatformReadiness readiness;

  private ScheduledFuture<?> task;

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    long seconds = Long.getLong("unionhub.tenants.refresh-seconds", 2);
    task = scheduler.scheduleWithFixedDelay(this::check, seconds, seconds, TimeUnit.SECONDS);
  }

  void check() {
    if (!readiness.isReady()) {
      return;
    }
    try {
      if (directory.refreshIfChanged()) {
        LOG.fine("tenant tree reloaded: it changed on another node");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "checking the tenant tree version failed; will retry", e);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
