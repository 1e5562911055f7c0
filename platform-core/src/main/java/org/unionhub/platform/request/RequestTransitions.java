package org.unionhub.platform.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.unionhub.platform.config.EffectiveConfig;
import org.unionhub.platform.module.ModuleRegistry;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantScope;
import org.unionhub.platform.tenancy.Visibility;
import org.unionhub.platform.workflow.RequestConflictException;
import org.unionhub.platform.workflow.RequestLifecycle;
import org.unionhub.sdk.ServiceModuleFactory;
import org.unionhub.sdk.Submission;

/**
 * Staff move a request through its workflow: the version they saw must still be current, the action
 * must fit the state and their role; the move, its history, the rules' automatic steps, the
 * participants (membership) and the new deadlines are one transaction.
 */
@ApplicationScoped
public class RequestTransitions {

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Inject ModuleRegistry modules;
  @Inject Visibility visibility;
  @Inject TenantScope scope;
  @Inject Clock clock;
  @Inject RequestLifecycle lifecycle;
  @Inject RequestDeadlines deadlines;
  @Inject Instance<RequestParticipant> participants;
  @Inject ModuleRuntime runtime;
  @Inject RequestReading reading;
  @Inject RequestData requestData;
  @Inject AutomaticSteps steps;

  /**
   * Takes an action on a request.
   *
   * @param caller the caller
   * @param id the request
   * @param expectedVersion the version the caller saw ({@code If-Match})
   * @param action the action
   * @param comment a comment, or null
   * @return the request after the transition, with its history read in the same transaction
   * @throws RequestConflictException when the version is stale, the action does not fit the state,
   *     or another action won a race
   */
  @Transactional
  public RequestReading.WithHistory act(
      Caller caller, UUID id, int expectedVersion, String action, String comment) {
    ServiceRequest request = reading.get(caller, id);
    if (!visibility.requestScope(caller).contains(request.getTenantId())) {
      throw new NotAllowedException("only union staff of this tenant may act on the request");
    }
    if (request.getVersion() != expectedVersion) {
      throw new RequestConflictException(
          "the request changed since you read it", request.getState(), request.getVersion());
    }
    // From here on the transaction touches this request's union only: the request, its history,
    // its timers and a membership it makes all carry the request's tenant. The module's own code
    // (its facts for the rules, its hooks) reads its store under this scope too: the request's
    // union, whoever acts, as for the submission. Its statements find rows by key and insert:
    // PostgreSQL's cached plans (ADR 28).
    scope.limitTo(Set.of(request.getTenantId()), caller.username(), TenantScope.Plans.CACHED);
    deadlines.takePending(request);
    ServiceModuleFactory module =
        modules.find(request.getModule()).orElseThrow(() -> new NotVisibleException("module"));
    EffectiveConfig config = runtime.effective(request.getTenantId(), module);
    if (config.workflow().state(request.getState()).isEmpty()) {
      // The tenant removed the step this request is in; let it leave the step as the module does.
      config = lifecycle.defaults(module, request.getTenantId());
    }
    Submission data = requestData.asSubmission(request, config);
    RequestLifecycle.Move move =
        lifecycle.act(
            module,
            config,
            data,
            request.getState(),
            request.getVersion(),
            action,
            caller.roles(),
            LocalDate.now(clock));
    Instant now = clock.instant();
    String from = request.getState();
    request.moveTo(move.target(), move.dueDate(), now, (int) config.version());
    em.persist(
        new RequestTransition(
            request, from, move.target().name(), action, caller.username(), comment, now));
    if (move.advance() != null) {
      steps.advance(request, module, config, data, move.advance(), now);
    }
    try {
      // Flush first: the version check must decide the race before anything else runs.
      em.flush();
      if (!request.getState().equals(from)) {
        // After the version check: a participant's own statements must not decide the race.
        for (RequestParticipant p : participants) {
          p.entered(request, module.descriptor(), data.data(), caller.username(), now);
        }
      }
      deadlines.schedule(request);
      em.flush();
    } catch (OptimisticLockException e) {
      throw new RequestConflictException(
          "another action on this request won", from, expectedVersion + 1);
    }
    EffectiveConfig handledUnder = config;
    runtime.runHook(
        module,
        m ->
            m.onTransition(
                ModuleRuntime.event(request, from, action, caller.username(), now, handledUnder)));
    // Under the request's own union, set above: every transition of a request carries its tenant,
    // so the caller sees the whole history, this move included.
    return new RequestReading.WithHistory(request, reading.historyOf(request.getId()));
  }
}
