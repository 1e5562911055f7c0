package org.unionhub.platform.timer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.unionhub.platform.calendar.WorkingCalendar;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.request.ModuleRuntime;
import org.unionhub.platform.request.RequestDeadlines;
import org.unionhub.platform.request.RequestTransition;
import org.unionhub.platform.request.ServiceRequest;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantScope;
import org.unionhub.platform.tenancy.TenantView;

/**
 * Schedules a request's deadline timers and fires the due ones. Claiming uses {@code SELECT ... FOR
 * UPDATE SKIP LOCKED} inside the transaction that fires, so a timer fires exactly once however many
 * nodes poll the same database, and a timer survives any restart because it is a row.
 */
@ApplicationScoped
public class TimerService implements RequestDeadlines {

  /** Reminders fire at 09:00 China Standard Time, one working day before the due date. */
  static final int REMINDER_HOUR = 9;

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Inject Clock clock;
  @Inject WorkingCalendar calendar;
  @Inject TenantDirectory tenants;
  @Inject org.unionhub.platform.module.ModuleRegistry modules;
  @Inject ModuleRuntime runtime;
  @Inject TenantScope scope;

  /**
   * Removes a request's pending timers, before the request itself changes; {@link #schedule} then
   * adds those of its new due date once the change has passed its version check. The poller locks a
   * timer before the request it fires on; deleting (and so locking) the timers first here takes the
   * same order, so that an action racing a firing timer waits for it and then loses on the version
   * check (409) instead of deadlocking; a timer that fired meanwhile is no longer pending and
   * stays. One statement where locking and a later bulk delete took two (BENCHMARKS.md, session
   * 10); a refused action rolls the removal back with everything else. Plain JDBC on the
   * transaction's connection, without an auto-flush: nothing of the request may be written before
   * these locks are held, and no timer of the request is loaded in this transaction.
   *
   * @param request the request about to change
   */
  @Override
  public void takePending(ServiceRequest request) {
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (var statement =
                  connection.prepareStatement(
                      "delete from request_timer where request_id = ? and fired_at is null")) {
                statement.setObject(1, request.getId());
                statement.executeUpdate();
              }
            });
  }

  /**
   * Schedules the timers of a request that has none pending: created in the current transaction, or
   * changed after {@link #takePending}.
   *
   * @param request the request, persisted in this transaction
   */
  @Override
  public void schedule(ServiceRequest request) {
    LocalDate due = request.getDueDate();
    if (due == null) {
      return;
    }
    Instant now = clock.instant();
    Instant remind =
        previousWorkingDay(request.getTenantId(), due)
            .atTime(REMINDER_HOUR, 0)
            .atZone(CHINA)
            .toInstant();
    if (remind.isAfter(now)) {
      em.persist(new RequestTimer(request, RequestTimer.Kind.REMIND, remind));
    }
    em.persist(
        new RequestTimer(
            request, RequestTimer.Kind.ESCALATE, due.plusDays(1).atStartOfDay(CHINA).toInstant()));
  }

  /**
   * Claims and fires up to {@code limit} due timers in one transaction.
   *
   * @param limit the most timers to fire
   * @param node the name of this node, recorded on each timer it fires
   * @return how many fired
   */
  @Transactional
  public int fireDue(int limit, String node) {
    Instant now = clock.instant();
    scope.limitTo(java.util.Set.of(TenantScope.ALL), null, TenantScope.Plans.CACHED);
    @SuppressWarnings("unchecked")
    List<Object> ids =
        em.createNativeQuery(
                "select id from request_timer where fired_at is null and fire_at <= ?1"
                    + " order by fire_at limit ?2 for update skip locked")
            .setParameter(1, now)
            .setParameter(2, limit)
            .getResultList();
    for (Object id : ids) {
      RequestTimer timer =
          em.find(RequestTimer.class, id instanceof UUID u ? u : UUID.fromString(id.toString()));
      ServiceRequest request = em.find(ServiceRequest.class, timer.getRequestId());
      fire(timer, request, now);
      String action = timer.getKind() == RequestTimer.Kind.REMIND ? "remind" : "escalate";
      modules
          .find(request.getModule())
          .ifPresent(
              module -> {
                var settings = runtime.effective(request.getTenantId(), module).settingValues();
                runtime.runHook(
                    module,
                    m ->
                        m.onTimer(
                            new org.unionhub.sdk.RequestEvent(
                                request.getId().toString(),
                                request.getTenantId(),
                                request.getModule(),
                                request.getState(),
                                request.getState(),
                                action,
                                "system",
                                now,
                                settings)));
              });
      timer.fired(now, node);
    }
    return ids.size();
  }

  private void fire(RequestTimer timer, ServiceRequest request, Instant now) {
    String state = request.getState();
    switch (timer.getKind()) {
      case REMIND ->
          em.persist(
              new RequestTransition(
                  request,
                  state,
                  state,
                  "remind",
                  "system",
                  ProblemText.of("request.due-on", request.getDueDate()).bilingual(),
                  now));
      case ESCALATE -> {
        String parent =
            tenants.find(request.getTenantId()).map(TenantView::parentCode).orElse(null);
        String target = parent != null ? parent : request.getTenantId();
        request.escalate(target, now);
        em.persist(
            new RequestTransition(
                request,
                state,
                state,
                "escalate",
                "system",
                ProblemText.of("request.overdue-since-escalated-to", target, request.getDueDate())
                    .bilingual(),
                now));
      }
    }
  }

  private LocalDate previousWorkingDay(String tenantCode, LocalDate date) {
    LocalDate d = date.minusDays(1);
    while (!calendar.isWorkingDay(tenantCode, d)) {
      d = d.minusDays(1);
    }
    return d;
  }
}
