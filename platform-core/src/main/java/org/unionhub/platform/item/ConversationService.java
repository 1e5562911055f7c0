package org.unionhub.platform.item;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.unionhub.platform.module.ModuleRegistry;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.problem.SubmissionRefusedException;
import org.unionhub.platform.request.RequestReading;
import org.unionhub.platform.request.ServiceRequest;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.Visibility;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.action.Target;
import org.unionhub.sdk.conversation.ConversationSpec;

/**
 * Conversations on requests, for modules that declare them: the submitter and the union's staff
 * write; messages are numbered from 1 without gaps under a lock on the request.
 */
@ApplicationScoped
public class ConversationService {

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Inject RequestReading reading;
  @Inject ModuleRegistry modules;
  @Inject Visibility visibility;
  @Inject Clock clock;

  /**
   * @return the request's messages in order; 404 when the caller may not see the request or its
   *     module has no conversations
   */
  @Transactional
  public List<ConversationMessage> messages(Caller caller, UUID requestId) {
    ServiceRequest request = reading.get(caller, requestId);
    spec(request);
    return em.createQuery(
            "select m from ConversationMessage m where m.subjectId = :s order by m.seq",
            ConversationMessage.class)
        .setParameter("s", request.getId())
        .getResultList();
  }

  /**
   * Adds a message as the submitter or as a union officer the module lets reply.
   *
   * @return the stored message
   */
  @Transactional
  public ConversationMessage write(Caller caller, UUID requestId, String body) {
    ServiceRequest request = reading.get(caller, requestId);
    ConversationSpec spec = spec(request);
    Role role = role(caller, request, spec);
    if (body == null || body.isBlank()) {
      throw new SubmissionRefusedException(
          List.of(new FieldError("body", "REQUIRED", ProblemText.of("item.the-message-is-empty"))));
    }
    if (body.strip().length() > spec.maxLength()) {
      throw new SubmissionRefusedException(
          List.of(
              new FieldError(
                  "body",
                  "TOO_LONG",
                  ProblemText.of("item.at-most-characters", spec.maxLength()))));
    }
    boolean terminal =
        modules.find(request.getModule()).orElseThrow().descriptor().workflow().states().stream()
            .anyMatch(s -> s.name().equals(request.getState()) && s.terminal());
    if (terminal && !spec.openInTerminalStates()) {
      throw new NotAllowedException(ProblemText.of("item.the-request-is-finished"));
    }
    // The request's row lock orders writers: seq is max + 1 without gaps or duplicates.
    em.lock(request, LockModeType.PESSIMISTIC_WRITE);
    Long last =
        em.createQuery(
                "select coalesce(max(m.seq), 0) from ConversationMessage m where m.subjectId = :s",
                Long.class)
            .setParameter("s", request.getId())
            .getSingleResult();
    var message =
        new ConversationMessage(
            request.getTenantId(),
            request.getId(),
            last + 1,
            caller.username(),
            role.id(),
            body.strip(),
            clock.instant());
    em.persist(message);
    return message;
  }

  private ConversationSpec spec(ServiceRequest request) {
    return modules
        .find(request.getModule())
        .flatMap(m -> m.descriptor().conversation())
        .filter(c -> c.target().on() == Target.On.REQUEST)
        .orElseThrow(() -> new NotVisibleException("conversation"));
  }

  private Role role(Caller caller, ServiceRequest request, ConversationSpec spec) {
    if (caller.username().equals(request.getSubmittedBy())) {
      return caller.hasRole(Role.MEMBER) ? Role.MEMBER : Role.WORKER;
    }
    Set<String> scope = visibility.requestScope(caller);
    for (Role r : spec.repliedBy()) {
      if (caller.hasRole(r) && scope.contains(request.getTenantId())) {
        return r;
      }
    }
    if (caller.hasRole(Role.PLATFORM_ADMIN)) {
      return Role.PLATFORM_ADMIN;
    }
    throw new NotAllowedException(ProblemText.of("item.you-may-not-write-in-this"));
  }
}
