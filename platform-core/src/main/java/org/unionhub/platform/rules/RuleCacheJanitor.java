package org.unionhub.platform.rules;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Releases compiled rule sets nobody has used for {@code unionhub.rules.idle-minutes} (default 30):
 * a tenant that republishes leaves its old KieBase behind, and at thousands of tenants those add
 * up. A released rule set that is needed again is compiled again from its text.
 */
@ApplicationScoped
public class RuleCacheJanitor {

  private static final Logger LOG = Logger.getLogger(RuleCacheJanitor.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject RuleEngine engine;

  private ScheduledFuture<?> task;

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    Duration idle = Duration.ofMinutes(Long.getLong("unionhub.rules.idle-minutes", 30));
    // The server's scheduler keeps a cancelled task queued, with this application's class loader,
    // until it would next have run: at most 30 seconds between checks rather than a third of the
    // idle time (ten minutes by default) lets an undeployed application's classes go within 30 s.
    long every = Math.max(1, Math.min(idle.toSeconds() / 3, 30));
    task =
        scheduler.scheduleWithFixedDelay(
            () -> {
              int released = engine.evictIdle(idle);
              if (released > 0) {
                LOG.info(() -> "released " + released + " idle compiled rule set(s)");
              }
            },
            every,
            every,
            TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
