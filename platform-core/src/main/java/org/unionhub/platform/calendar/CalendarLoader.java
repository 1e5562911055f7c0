package org.unionhub.platform.calendar;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.unionhub.platform.health.PlatformReadiness;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantView;

/**
 * Keeps the in-memory {@link WorkingCalendar} equal to the stored one: loads it at start-up (after
 * the migration), reloads it after every committed change on this node, and every {@code
 * unionhub.calendar.poll-seconds} (default 2: one primary-key read, ADR 27) compares the stored
 * revision with its own so that a change made on another node arrives too.
 */
@ApplicationScoped
public class CalendarLoader {

  private static final Logger LOG = Logger.getLogger(CalendarLoader.class.getName());

  @Inject CalendarRepository repository;
  @Inject WorkingCalendar calendar;
  @Inject TenantDirectory tenants;
  @Inject Event<CalendarChanged> changed;
  @Inject PlatformReadiness readiness;
  @Resource ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> task;

  /** Reads the stored calendar and swaps it in, unless a newer one is already there. */
  public void reload() {
    WorkingCalendar.Schedule schedule = repository.load();
    if (calendar.replace(schedule, this::parentOf)) {
      LOG.fine(() -> "working calendar at revision " + schedule.revision());
    }
  }

  /** Reloads once the current transaction has committed; a rolled-back change leaves it alone. */
  public void reloadAfterCommit() {
    changed.fire(new CalendarChanged());
  }

  void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CalendarChanged event) {
    reload();
  }

  private String parentOf(String tenantCode) {
    return tenants.find(tenantCode).map(TenantView::parentCode).orElse(null);
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    long seconds = Long.getLong("unionhub.calendar.poll-seconds", 2);
    task = scheduler.scheduleWithFixedDelay(this::poll, seconds, seconds, TimeUnit.SECONDS);
  }

  void poll() {
    if (!readiness.isReady()) {
      return;
    }
    try {
      if (repository.revision() > calendar.revision()) {
        reload();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "checking the stored calendar failed; will retry", e);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
