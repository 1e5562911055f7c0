package org.unionhub.tenant.people;

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
 * Mirrors pending account changes to Keycloak users every {@code unionhub.keycloak.sync-seconds}
 * (default 2) once the database is ready. Every node polls; claims decide who syncs what.
 */
@ApplicationScoped
public class PersonSyncPoller {

  private static final Logger LOG = Logger.getLogger(PersonSyncPoller.class.getName());
  private static final int BATCH = 20;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject PersonSyncService sync;
  @Inject PlatformReadiness readiness;

  private ScheduledFuture<?> task;

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    long seconds = Long.getLong("unionhub.keycloak.sync-seconds", 2);
    task = scheduler.scheduleWithFixedDelay(this::poll, seconds, seconds, TimeUnit.SECONDS);
  }

  void poll() {
    if (!readiness.isReady()) {
      return;
    }
    try {
      sync.syncDue(BATCH);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "syncing accounts to Keycloak failed; will retry", e);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
