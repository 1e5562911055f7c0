package org.unionhub.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import org.unionhub.platform.calendar.WorkingCalendar;
import org.unionhub.platform.module.PlatformModuleContexts;
import org.unionhub.platform.request.RequestLifecycle;
import org.unionhub.platform.rules.RuleEngine;

/** Shared platform singletons. */
@ApplicationScoped
public class PlatformProducers {

  /** Union work runs on China Standard Time wherever the server is. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final RuleEngine ruleEngine = new RuleEngine();
  private final WorkingCalendar calendar = WorkingCalendar.official();
  @Inject PlatformModuleContexts contexts;
  private RequestLifecycle lifecycle;

  @PostConstruct
  void start() {
    lifecycle = new RequestLifecycle(ruleEngine, calendar, contexts);
  }

  @Produces
  @Singleton
  Clock clock() {
    return Clock.system(ZONE);
  }

  @Produces
  @Singleton
  RuleEngine ruleEngine() {
    return ruleEngine;
  }

  @Produces
  @Singleton
  RequestLifecycle lifecycle() {
    return lifecycle;
  }

  @Produces
  @Singleton
  WorkingCalendar calendar() {
    return calendar;
  }
}
