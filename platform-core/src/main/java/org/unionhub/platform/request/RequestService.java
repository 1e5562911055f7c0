package org.unionhub.platform.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.unionhub.platform.calendar.WorkingCalendar;
import org.unionhub.platform.config.ConfigurationSource;
import org.unionhub.platform.config.EffectiveConfig;
import org.unionhub.platform.module.ModuleRegistry;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.problem.SubmissionRefusedException;
import org.unionhub.platform.rules.RuleEngine;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantScope;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.platform.tenancy.Visibility;
import org.unionhub.platform.workflow.RequestConflictException;
import org.unionhub.platform.workflow.RequestLifecycle;
import org.unionhub.sdk.RequestEvent;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.ServiceModule;
import org.unionhub.sdk.ServiceModuleFactory;
import org.unionhub.sdk.Submission;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.workflow.State;

/** Use cases on service requests: submit, list, read, act. */
@ApplicationScoped
public class RequestService {

  /** Most requests one worklist page returns. */
  public static final int MAX_PAGE = 100;

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Inject ModuleRegistry modules;
  @Inject RuleEngine ruleEngine;
  @Inject TenantDirectory tenants;
  @Inject Visibility visibility;
  @Inject WorkingCalendar calendar;
  @Inject Clock clock;
  @Inject RequestLifecycle lifecycle;
  @Inject TimerService timers;
  @Inject TenantScope scope;
  @Inject Instance<ConfigurationSource> configurations;
  @Inject RuleFailures ruleFailures;
  @Inject Instance<org.unionhub.platform.audit.AuditTrail> audit;
  @Inject org.unionhub.platform.personal.PersonalData personal;
  @Inject Instance<RequestParticipant> participants;

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(RequestService.class.getName());

  /**
   * The JSON-P provider, looked up once: every {@code Json.create*} call looks it up again through
   * {@code ServiceLoader}, twice per submission and once per request read (issue 13).
   */
  private static final jakarta.json.spi.JsonProvider JSON =
      jakarta.json.spi.JsonProvider.provider();

  /**
   * The module as a tenant runs it: its published configuration, or the module's defaults when no
   * configuration store is deployed.
   *
   * @param tenantCode the tenant
   * @param module the module
   * @return the effective configuration
   */
  public EffectiveConfig effective(String tenantCode, ServiceModuleFactory module) {
    if (configurations.isResolvable()) {
      return configurations
          .get()
          .effective(tenantCode, module.getId())
          .orElseGet(() -> lifecycle.defaults(module, tenantCode));
    }
    return lifecycle.defaults(module, tenantCode);
  }

  /**
   * Runs a module's lifecycle hook; a failing hook is logged and never undoes the platform's work.
   *
   * @param module the module
   * @param hook what to call on a module instance
   */
  void runHook(ServiceModuleFactory module, java.util.function.Consumer<ServiceModule> hook) {
    try (ServiceModule instance = lifecycle.instance(module)) {
      hook.accept(instance);
    } catch (RuntimeException e) {
      LOG.log(
          java.util.logging.Level.WARNING,
          "module " + module.getId() + " failed in a lifecycle hook; the request is unaffected",
          e);
    }
  }

  private static RequestEvent event(
      ServiceRequest r, String from, String action, String actor, Instant at, EffectiveConfig c) {
    return new RequestEvent(
        r.getId().toString(),
        r.getTenantId(),
        r.getModule(),
        from,
        r.getState(),
        action,
        actor,
        at,
        c.settingValues());
  }

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
    scope.limitTo(submitScope, caller.username());
    if (idempotencyKey != null) {
      var earlier = findByIdempotencyKey(caller.username(), idempotencyKey);
      if (earlier != null) {
        return new Submitted(earlier, false);
      }
    }
    var earlier = new ArrayList<FieldError>();
    Map<String, String> values = textValues(data, earlier);
    EffectiveConfig config = effective(tenant.code(), module);
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
        routingNote = "规则转交 " + handler + " 办理 (routed by rules to " + handler + ")";
        var widened = new java.util.HashSet<>(submitScope);
        widened.add(handler);
        scope.limitTo(widened, caller.username());
      } else {
        routingNote =
            "规则要求转交 "
                + accepted.routeTo()
                + "，但该单位不在本单位的上下级中，仍由本单位办理 (rules asked to route to "
                + accepted.routeTo()
                + ", which is not an active tenant above or below this one; kept here)";
      }
    }
    var request =
        new ServiceRequest(
            handler,
            module.getId(),
            accepted.initialState().name(),
            toJson(personal.seal(accepted.values(), sealedFields(config))),
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
      advance(request, module, config, submission, accepted.advance(), now);
    }
    timers.schedule(request);
    em.flush();
    runHook(
        module, m -> m.onSubmit(event(request, null, "submit", caller.username(), now, config)));
    return new Submitted(request, true);
  }

  /**
   * A page of the worklist: requests of the tenant and its descendants that the caller may see,
   * newest first.
   *
   * @param caller the caller
   * @param tenantCode the tenant whose worklist is asked for
   * @param moduleId only this module, or null for all
   * @param state only this state, or null for all
   * @param after the cursor from the previous page, or null for the first
   * @param limit page size, at most {@link #MAX_PAGE}
   * @return the page
   */
  @Transactional
  public WorklistPage worklist(
      Caller caller,
      String tenantCode,
      String moduleId,
      String state,
      WorklistCursor after,
      int limit) {
    return worklist(caller, tenantCode, moduleId, state, false, after, limit);
  }

  /**
   * A page of the worklist: requests of the tenant and its descendants that the caller may see,
   * newest first, optionally only those still to be handled.
   *
   * @param caller the caller
   * @param tenantCode the tenant whose worklist is asked for
   * @param moduleId only this module, or null for all
   * @param state only this state, or null for all
   * @param open true for only requests not in a terminal state of their module's workflow
   * @param after the cursor from the previous page, or null for the first
   * @param limit page size, at most {@link #MAX_PAGE}
   * @return the page
   */
  @Transactional
  public WorklistPage worklist(
      Caller caller,
      String tenantCode,
      String moduleId,
      String state,
      boolean open,
      WorklistCursor after,
      int limit) {
    Set<String> visible = visibility.requestScope(caller);
    if (!visible.contains(tenantCode)) {
      throw new NotVisibleException("tenant");
    }
    scope.limitTo(visible, caller.username());
    Set<String> subtree = tenants.subtree(tenantCode);
    var jpql = new StringBuilder("select r from ServiceRequest r where r.tenantId in :tenants");
    if (moduleId != null) {
      jpql.append(" and r.module = :module");
    }
    if (state != null) {
      jpql.append(" and r.state = :state");
    }
    // Finished means a terminal state of the request's own module: state names are per module.
    var finished = new LinkedHashMap<String, Object>();
    if (open) {
      for (ServiceModuleFactory m : modules.all()) {
        if (!m.descriptor().acceptsRequests()) {
          continue;
        }
        String id = m.descriptor().id();
        List<String> terminal =
            m.descriptor().workflow().states().stream()
                .filter(State::terminal)
                .map(State::name)
                .toList();
        if (!terminal.isEmpty() && (moduleId == null || moduleId.equals(id))) {
          int i = finished.size() / 2;
          jpql.append(" and not (r.module = :fm" + i + " and r.state in :fs" + i + ")");
          finished.put("fm" + i, id);
          finished.put("fs" + i, terminal);
        }
      }
    }
    if (after != null) {
      jpql.append(" and (r.submittedAt < :at or (r.submittedAt = :at and r.id < :id))");
    }
    jpql.append(" order by r.submittedAt desc, r.id desc");
    var query =
        em.createQuery(jpql.toString(), ServiceRequest.class).setParameter("tenants", subtree);
    finished.forEach(query::setParameter);
    if (moduleId != null) {
      query.setParameter("module", moduleId);
    }
    if (state != null) {
      query.setParameter("state", state);
    }
    if (after != null) {
      query.setParameter("at", after.submittedAt()).setParameter("id", after.id());
    }
    int size = Math.max(1, Math.min(limit, MAX_PAGE));
    List<ServiceRequest> rows = query.setMaxResults(size + 1).getResultList();
    boolean more = rows.size() > size;
    List<ServiceRequest> page = more ? rows.subList(0, size) : rows;
    WorklistCursor next = more ? WorklistCursor.of(page.get(page.size() - 1)) : null;
    return new WorklistPage(List.copyOf(page), next);
  }

  /**
   * The caller's own requests, newest first.
   *
   * @param caller the submitter
   * @param limit the most to return, at most {@link #MAX_PAGE}
   * @return the requests
   */
  @Transactional
  public List<ServiceRequest> mine(Caller caller, int limit) {
    scope.limitTo(visibility.requestScope(caller), caller.username());
    return em.createQuery(
            "select r from ServiceRequest r where r.submittedBy = :user"
                + " order by r.submittedAt desc, r.id desc",
            ServiceRequest.class)
        .setParameter("user", caller.username())
        .setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE)))
        .getResultList();
  }

  /**
   * A request the caller may see: an officer of its tenant or an ancestor, or its submitter.
   *
   * @param caller the caller
   * @param id the request id
   * @return the request
   */
  @Transactional
  public ServiceRequest get(Caller caller, UUID id) {
    Set<String> visible = visibility.requestScope(caller);
    scope.limitTo(visible, caller.username());
    ServiceRequest request = em.find(ServiceRequest.class, id);
    if (request == null) {
      throw new NotVisibleException("request");
    }
    if (!visible.contains(request.getTenantId())) {
      if (!caller.username().equals(request.getSubmittedBy())) {
        throw new NotVisibleException("request");
      }
      // The submitter reads their own request and its history, wherever it is handled.
      var widened = new java.util.HashSet<>(visible);
      widened.add(request.getTenantId());
      scope.limitTo(widened, caller.username());
    }
    return request;
  }

  /**
   * @param caller the caller
   * @param request a request the caller may see
   * @return its history, oldest first
   */
  @Transactional
  public List<RequestTransition> history(Caller caller, ServiceRequest request) {
    get(caller, request.getId());
    return em.createQuery(
            "select t from RequestTransition t where t.requestId = :id order by t.occurredAt, t.id",
            RequestTransition.class)
        .setParameter("id", request.getId())
        .getResultList();
  }

  /**
   * Takes an action on a request.
   *
   * @param caller the caller
   * @param id the request
   * @param expectedVersion the version the caller saw ({@code If-Match})
   * @param action the action
   * @param comment a comment, or null
   * @return the request after the transition
   * @throws RequestConflictException when the version is stale, the action does not fit the state,
   *     or another action won a race
   */
  @Transactional
  public ServiceRequest act(
      Caller caller, UUID id, int expectedVersion, String action, String comment) {
    ServiceRequest request = get(caller, id);
    if (!visibility.requestScope(caller).contains(request.getTenantId())) {
      throw new NotAllowedException("only union staff of this tenant may act on the request");
    }
    if (request.getVersion() != expectedVersion) {
      throw new RequestConflictException(
          "the request changed since you read it", request.getState(), request.getVersion());
    }
    timers.lockPending(request);
    ServiceModuleFactory module =
        modules.find(request.getModule()).orElseThrow(() -> new NotVisibleException("module"));
    EffectiveConfig config = effective(request.getTenantId(), module);
    if (config.workflow().state(request.getState()).isEmpty()) {
      // The tenant removed the step this request is in; let it leave the step as the module does.
      config = lifecycle.defaults(module, request.getTenantId());
    }
    Submission data = asSubmission(request, config);
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
    request.moveTo(move.target().name(), move.dueDate(), now, (int) config.version());
    em.persist(
        new RequestTransition(
            request, from, move.target().name(), action, caller.username(), comment, now));
    if (move.advance() != null) {
      advance(request, module, config, data, move.advance(), now);
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
      timers.reschedule(request);
      em.flush();
    } catch (OptimisticLockException e) {
      throw new RequestConflictException(
          "another action on this request won", from, expectedVersion + 1);
    }
    EffectiveConfig handledUnder = config;
    runHook(
        module,
        m -> m.onTransition(event(request, from, action, caller.username(), now, handledUnder)));
    return request;
  }

  /** Most actions the rules may take automatically one after another. */
  static final int MAX_AUTOMATIC_STEPS = 5;

  /**
   * Takes the actions the rules asked for, as the system, each recorded in the history. An action
   * that is not possible where the request is, or that a guard refuses, stops the chain and flags
   * the request for staff.
   */
  private void advance(
      ServiceRequest request,
      ServiceModuleFactory module,
      EffectiveConfig config,
      Submission submission,
      String first,
      Instant now) {
    String action = first;
    for (int i = 0; action != null; i++) {
      if (i == MAX_AUTOMATIC_STEPS) {
        request.flag("规则自动办理超过" + MAX_AUTOMATIC_STEPS + "步，已停止 (automatic steps stopped)");
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
            "规则要求自动“" + action + "”，但无法执行 (rules asked to " + action + ", not possible here)");
        return;
      }
      request.moveTo(move.target().name(), move.dueDate(), now, (int) config.version());
      em.persist(
          new RequestTransition(
              request,
              from,
              move.target().name(),
              action,
              "system",
              "规则自动办理 (taken automatically by the rules)",
              now));
      action = move.advance();
    }
  }

  private Submission asSubmission(ServiceRequest request, EffectiveConfig config) {
    return new Submission(
        request.getTenantId(),
        request.getSubmittedBy(),
        LocalDate.now(clock),
        storedData(request),
        config.settingValues());
  }

  /** A request's form data, sealed values opened, values as text, in field order. */
  private Map<String, String> storedData(ServiceRequest request) {
    var values = new LinkedHashMap<String, String>();
    JsonObject json = JSON.createReader(new StringReader(request.getData())).readObject();
    json.forEach((k, v) -> values.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
    return personal.open(values);
  }

  /** The form fields stored sealed: ID and mobile numbers (docs/adr/0022). */
  private static Set<String> sealedFields(EffectiveConfig config) {
    var sealed = new java.util.HashSet<String>();
    for (EffectiveConfig.EffectiveField f : config.fields()) {
      if (org.unionhub.platform.personal.PersonalData.SEALED_TYPES.contains(f.field().type())) {
        sealed.add(f.field().name());
      }
    }
    return sealed;
  }

  /**
   * The form data unmasked, for a caller whose role holds the module's {@link
   * org.unionhub.sdk.Permission#REVEAL_IDENTIFIERS} permission and who handles the request's
   * tenant. The reveal is audited.
   *
   * @param caller the caller
   * @param request a request the caller may see
   * @return the data as submitted
   * @throws NotAllowedException when the caller may not reveal it
   */
  @Transactional
  public Map<String, String> revealedData(Caller caller, ServiceRequest request) {
    var permission =
        modules
            .find(request.getModule())
            .map(m -> m.descriptor().permission(org.unionhub.sdk.Permission.REVEAL_IDENTIFIERS))
            .orElse(null);
    if (permission == null
        || !permission.heldBy(caller.roles())
        || !visibility.requestScope(caller).contains(request.getTenantId())) {
      throw new NotAllowedException("revealing identifiers needs the module's permission");
    }
    scope.limitTo(visibility.requestScope(caller), caller.username());
    Map<String, String> values = storedData(request);
    if (audit.isResolvable()) {
      audit
          .get()
          .record(
              caller.username(),
              request.getTenantId(),
              "request:" + request.getId(),
              "reveal-identifiers",
              null,
              null);
    }
    return values;
  }

  /**
   * The form data as the caller may see it: identifiers masked.
   *
   * @param request a request
   * @return the data with ID numbers masked
   */
  public Map<String, String> maskedData(ServiceRequest request) {
    EffectiveConfig config =
        modules
            .find(request.getModule())
            .map(m -> effective(request.getTenantId(), m))
            .orElse(null);
    var result = new LinkedHashMap<String, String>();
    storedData(request)
        .forEach(
            (k, value) -> {
              FormField field =
                  config == null
                      ? null
                      : config.fields().stream()
                          .filter(f -> f.name().equals(k))
                          .map(EffectiveConfig.EffectiveField::field)
                          .findFirst()
                          .orElse(null);
              boolean secret =
                  field == null || field.type() == org.unionhub.sdk.form.FieldType.ID_NUMBER;
              boolean mobile =
                  field != null && field.type() == org.unionhub.sdk.form.FieldType.MOBILE;
              result.put(
                  k,
                  secret
                      ? org.unionhub.platform.personal.Masks.idNumber(value)
                      : mobile ? org.unionhub.platform.personal.Masks.mobile(value) : value);
            });
    return result;
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
    scope.limitTo(visibility.requestScope(caller), caller.username());
    return java.util.Optional.ofNullable(findByIdempotencyKey(caller.username(), key))
        .map(r -> new Submitted(r, false));
  }

  private ServiceRequest findByIdempotencyKey(String username, String key) {
    return em.createQuery(
            "select r from ServiceRequest r where r.submittedBy = :user and r.idempotencyKey = :key",
            ServiceRequest.class)
        .setParameter("user", username)
        .setParameter("key", key)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  /** Form values must be text; anything else is reported and left out. */
  private static Map<String, String> textValues(JsonObject data, List<FieldError> problems) {
    var values = new LinkedHashMap<String, String>();
    JsonObject input = data == null ? JsonValue.EMPTY_JSON_OBJECT : data;
    for (var entry : input.entrySet()) {
      if (entry.getValue() instanceof JsonString s) {
        values.put(entry.getKey(), s.getString().strip());
      } else if (entry.getValue().getValueType() != JsonValue.ValueType.NULL) {
        problems.add(new FieldError(entry.getKey(), "NOT_TEXT", "应为文本 (must be a string)"));
      }
    }
    return values;
  }

  private static String toJson(Map<String, String> values) {
    var builder = JSON.createObjectBuilder();
    values.forEach(builder::add);
    return builder.build().toString();
  }
}
