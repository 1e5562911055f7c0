package org.unionhub.platform.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.unionhub.platform.config.EffectiveConfig;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.problem.SubmissionRefusedException;
import org.unionhub.platform.workflow.RequestConflictException;
import org.unionhub.platform.workflow.RequestLifecycle;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.ServiceModuleFactory;
import org.unionhub.sdk.Submission;

/**
 * The actions the rules ask for after a submission or a transition, taken as the system one after
 * another, each in the history; a step that is not possible flags the request for staff.
 */
@ApplicationScoped
public class AutomaticSteps {

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  /** Most actions the rules may take automatically one after another. */
  static final int MAX_AUTOMATIC_STEPS = 5;

  @Inject RequestLifecycle lifecycle;
  @Inject Clock clock;

  /**
   * Takes the actions the rules asked for, as the system, each recorded in the history. An action
   * that is not possible where the request is, or that a guard refuses, stops the chain and flags
   * the request for staff.
   */
  void advance(
      ServiceRequest request,
      ServiceModuleFactory module,
      EffectiveConfig config,
      Submission submission,
      String first,
      Instant now) {
    String action = first;
    for (int i = 0; action != null; i++) {
      if (i == MAX_AUTOMATIC_STEPS) {
        request.flag(
            ProblemText.of("request.automatic-steps-stopped", MAX_AUTOMATIC_STEPS).bilingual());
        return;
      }
      String from = request.getState();
      RequestLifecycle.Move move;
      try {
        move =
            lifecycle.act(
                module,
                config,
                submission,
                from,
                request.getVersion(),
                action,
                Set.of(Role.PLATFORM_ADMIN),
                LocalDate.now(clock));
      } catch (RequestConflictException | NotAllowedException | SubmissionRefusedException e) {
        request.flag(
            ProblemText.of("request.rules-asked-to-not-possible-here", action).bilingual());
        return;
      }
      request.moveTo(move.target(), move.dueDate(), now, (int) config.version());
      em.persist(
          new RequestTransition(
              request,
              from,
              move.target().name(),
              action,
              "system",
              ProblemText.of("request.taken-automatically-by-the-rules").bilingual(),
              now));
      action = move.advance();
    }
  }
}
