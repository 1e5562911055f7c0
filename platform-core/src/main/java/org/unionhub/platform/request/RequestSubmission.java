package org.unionhub.platform.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.unionhub.platform.config.EffectiveConfig;
import org.unionhub.platform.module.ModuleRegistry;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.problem.SubmissionRefusedException;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantScope;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.platform.tenancy.Visibility;
import org.unionhub.platform.workflow.RequestLifecycle;
import org.unionhub.sdk.ServiceModuleFactory;
import org.unionhub.sdk.Submission;

/**
 * A worker submits a request: form checks, participants' checks (one membership) and rules, all
 * problems at once; routing by the rules; stored with its history, automatic steps and deadlines in
 * one transaction, or not at all; an idempotency key answers a repeated submission with the first.
 */
@ApplicationScoped
public class RequestSubmission {

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Inject ModuleRegistry modules;
  @Inject TenantDirectory tenants;
  @Inject Visibility visibility;
  @Inject Clock clock;
  @Inject RequestLifecycle lifecycle;
  @Inject RequestDeadlines deadlines;
  @Inject TenantScope scope;
  @Inject RuleFailures ruleFailures;
  @Inject org.unionhub.platform.personal.PersonalData personal;
  @Inject Instance<RequestParticipant> participants;
  @Inject ModuleRuntime runtime;
  @Inject AutomaticSteps steps;

  /**
   * The result of a submission.
   *
   * @param request the stored request
   * @param created false when an earlier submission with the same idempotency key was found
   */
  public record Submitted(ServiceRequest request, boolean created) {}

  /**
   * Validates, evaluates rules and stores a submission. Nothing is stored when it is refused.
   *
   * @param caller who submits
   * @param tenantCode the tenant submitted to
   * @param moduleId the module
   * @param data the form data
   * @param idempotencyKey the client's key, or null
   * @return the stored request
   * @throws SubmissionRefusedException with every field problem
   */
  @Transactional
  public Submitted submit(
      Caller caller, String tenantCode, String moduleId, JsonObject data, String idempotencyKey) {
    TenantView tenant =
        tenants
            .find(tenantCode)
            .filter(TenantView::active)
            .orElseThrow(() -> new NotVisibleException("tenant"));
    // A module without requests (only items, say) has no request form to submit to.
    ServiceModuleFactory module =
        modules
            .find(moduleId)
            .filter(m -> m.descriptor().acceptsRequests())
            .orElseThrow(() -> new NotVisibleException("module"));
    var submitScope = new java.util.HashSet<>(visibility.requestScope(caller));
    submitScope.add(tenant.code());
    // A submission finds rows by key and inserts: PostgreSQL's cached plans (ADR 28).
    scope.limitTo(submitScope, caller.username(), TenantScope.Plans.CACHED);
    if (idempotencyKey != null) {
      var earlier = findByIdempotencyKey(caller.username(), idempotencyKey);
      if (earlier != null) {
        return new Submitted(earlier, false);
      }
    }
    var earlier = new ArrayList<FieldError>();
    Map<String, String> values = textValues(data, earlier);
    EffectiveConfig config = runtime.effective(tenant.code(), module);
    if (!config.enabled()) {
      throw new NotVisibleException("module");
    }
    var submission = new Submission(tenant.code(), caller.username(), LocalDate.now(clock), values);
    for (RequestParticipant p : participants) {
      earlier.addAll(p.checkSubmission(module.descriptor(), values));
    }
    RequestLifecycle.Accepted accepted;
    try {
      accepted = lifecycle.submit(module, config, submission, earlier);
    } catch (org.unionhub.platform.rules.RuleEvaluationException e) {
      ruleFailures.record(tenant.code(), module.getId(), config.version(), e.getMessage());
      throw e;
    }
    Instant now = clock.instant();
    String handler = tenant.code();
    String routingNote = null;
    if (accepted.routeTo() != null && !accepted.routeTo().equals(tenant.code())) {
      var target = tenants.find(accepted.routeTo()).filter(TenantView::active);
      boolean related =
          target.isPresent()
              && (tenants.subtree(accepted.routeTo()).contains(tenant.code())
                  || tenants.subtree(tenant.code()).contains(accepted.routeTo()));
      if (related) {
        handler = accepted.routeTo();
        routingNote = ProblemText.of("request.routed-by-rules-to", handler).bilingual();
        var widened = new java.util.HashSet<>(submitScope);
        widened.add(handler);
        scope.limitTo(widened, caller.username(), TenantScope.Plans.CACHED);
      } else {
        routingNote =
            ProblemText.of("request.rules-asked-to-route-to-which", accepted.routeTo()).bilingual();
      }
    }
    var request =
        new ServiceRequest(
            handler,
            module.getId(),
            accepted.initialState(),
            RequestData.toJson(personal.seal(accepted.values(), RequestData.sealedFields(config))),
            caller.username(),
            now,
            accepted.dueDate(),
            idempotencyKey,
            (int) config.version());
    var flags = new ArrayList<>(accepted.flags());
    if (routingNote != null && handler.equals(tenant.code())) {
      flags.add(routingNote);
    }
    if (!flags.isEmpty()) {
      request.flag(String.join("; ", flags));
    }
    em.persist(request);
    em.persist(
        new RequestTransition(
            request,
            null,
            accepted.initialState().name(),
            "submit",
            caller.username(),
            routingNote,
            now));
    if (accepted.advance() != null) {
      steps.advance(request, module, config, submission, accepted.advance(), now);
    }
    deadlines.schedule(request);
    em.flush();
    runtime.runHook(
        module,
        m ->
            m.onSubmit(
                ModuleRuntime.event(request, null, "submit", caller.username(), now, config)));
    return new Submitted(request, true);
  }

  /**
   * The request an earlier submission with this idempotency key created.
   *
   * @param caller the submitter
   * @param key the key
   * @return the request, if any
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public java.util.Optional<Submitted> submitted(Caller caller, String key) {
    scope.limitTo(visibility.requestScope(caller), caller.username(), TenantScope.Plans.CACHED);
    return java.util.Optional.ofNullable(findByIdempotencyKey(caller.username(), key))
        .map(r -> new Submitted(r, false));
  }

  /**
   * The caller's own request with this key. Every submission with a key asks this, and almost
   * always finds nothing: the look-up is one indexed JDBC select of the id, and only a hit loads
   * the entity. An HQL query here was translated anew on every call (Hibernate does not cache query
   * plans while a filter is enabled), a tenth of a submission's CPU under load. The walls: the row
   * is the caller's own ({@code submitted_by}), which the tenant filter always shows, and the
   * select runs in the transaction whose row-level-security scope {@link TenantScope} has set.
   */
  private ServiceRequest findByIdempotencyKey(String username, String key) {
    UUID id =
        em.unwrap(Session.class)
            .doReturningWork(
                connection -> {
                  try (PreparedStatement statement =
                      connection.prepareStatement(
                          "select id from service_request"
                              + " where submitted_by = ? and idempotency_key = ?")) {
                    statement.setString(1, username);
                    statement.setString(2, key);
                    try (ResultSet result = statement.executeQuery()) {
                      return result.next() ? result.getObject(1, UUID.class) : null;
                    }
                  }
                });
    return id == null ? null : em.find(ServiceRequest.class, id);
  }

  /** Form values must be text; anything else is reported and left out. */
  private static Map<String, String> textValues(JsonObject data, List<FieldError> problems) {
    var values = new LinkedHashMap<String, String>();
    JsonObject input = data == null ? JsonValue.EMPTY_JSON_OBJECT : data;
    for (var entry : input.entrySet()) {
      if (entry.getValue() instanceof JsonString s) {
        values.put(entry.getKey(), s.getString().strip());
      } else if (entry.getValue().getValueType() != JsonValue.ValueType.NULL) {
        problems.add(
            new FieldError(entry.getKey(), "NOT_TEXT", ProblemText.of("common.must-be-a-string")));
      }
    }
    return values;
  }
}
