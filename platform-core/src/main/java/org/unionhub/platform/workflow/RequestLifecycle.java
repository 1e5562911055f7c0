package org.unionhub.platform.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.unionhub.platform.calendar.WorkingCalendar;
import org.unionhub.platform.config.ConfigResolver;
import org.unionhub.platform.config.EffectiveConfig;
import org.unionhub.platform.config.ScenarioResult;
import org.unionhub.platform.module.ModuleContexts;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.FormCheck;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.SubmissionRefusedException;
import org.unionhub.platform.rules.RuleEngine;
import org.unionhub.platform.rules.RuleOutcome;
import org.unionhub.sdk.ModuleDescriptor;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.ServiceModule;
import org.unionhub.sdk.ServiceModuleFactory;
import org.unionhub.sdk.Submission;
import org.unionhub.sdk.form.FieldProblem;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.rules.RuleScenario;
import org.unionhub.sdk.rules.WorkflowStep;
import org.unionhub.sdk.workflow.State;
import org.unionhub.sdk.workflow.Transition;
import org.unionhub.sdk.workflow.WorkflowDefinition;

/**
 * The decisions of a request's life, free of storage and HTTP: whether a submission is accepted
 * (form checks, then the module's rules), where it starts and when it is due, and whether an action
 * may move it. {@link org.unionhub.platform.request.RequestSubmission} and {@link
 * org.unionhub.platform.request.RequestTransitions} persist what this decides; the module test kit
 * runs it in memory.
 */
public final class RequestLifecycle {

  private final RuleEngine ruleEngine;
  private final WorkingCalendar calendar;
  private final ConfigResolver resolver;
  private final ModuleContexts contexts;
  private final Map<String, List<String>> defaultRules = new ConcurrentHashMap<>();

  /**
   * @param ruleEngine evaluates rules
   * @param calendar computes due dates
   * @param contexts the contexts modules are created in
   */
  public RequestLifecycle(
      RuleEngine ruleEngine, WorkingCalendar calendar, ModuleContexts contexts) {
    this(ruleEngine, calendar, new ConfigResolver(), contexts);
  }

  /**
   * @param ruleEngine evaluates rules
   * @param calendar computes due dates
   * @param resolver resolves configurations (with the platform's decision tables)
   * @param contexts the contexts modules are created in
   */
  public RequestLifecycle(
      RuleEngine ruleEngine,
      WorkingCalendar calendar,
      ConfigResolver resolver,
      ModuleContexts contexts) {
    this.ruleEngine = ruleEngine;
    this.calendar = calendar;
    this.resolver = resolver;
    this.contexts = contexts;
  }

  /**
   * A module at work, in its context.
   *
   * @param module the module
   * @return a new instance; close it after use
   */
  public ServiceModule instance(ServiceModuleFactory module) {
    return module.create(contexts.of(module));
  }

  /**
   * @return the resolver this lifecycle uses
   */
  public ConfigResolver resolver() {
    return resolver;
  }

  /**
   * An accepted submission.
   *
   * @param values the form values as submitted (the REST API trims them before)
   * @param initialState the state the request starts in
   * @param dueDate when that state is due, or null when it has no deadline
   * @param flags why the rules flagged it for review, empty when they did not
   * @param routeTo the tenant the rules routed it to, or null to keep the one submitted to
   * @param advance the action the rules take automatically right away, or null
   */
  public record Accepted(
      Map<String, String> values,
      State initialState,
      LocalDate dueDate,
      List<String> flags,
      String routeTo,
      String advance) {}

  /**
   * A permitted move.
   *
   * @param transition the transition taken
   * @param target the state it leads to
   * @param dueDate when the target state is due, or null
   * @param advance the action the rules take automatically after this one, or null
   */
  public record Move(Transition transition, State target, LocalDate dueDate, String advance) {}

  /**
   * Checks a submission against the module's form and rules.
   *
   * @param module the module
   * @param submission the submission, values as text
   * @param earlier problems already found (for example values that were not text); fields named
   *     there are not checked again, and any such problem refuses the submission
   * @return the accepted submission
   * @throws SubmissionRefusedException with every problem, when refused
   */
  public Accepted submit(
      ServiceModuleFactory module, Submission submission, List<FieldError> earlier) {
    return submit(module, defaults(module, submission.tenantCode()), submission, earlier);
  }

  /**
   * Checks a submission against a tenant's effective form and rules.
   *
   * @param module the module
   * @param config the module as the tenant runs it
   * @param submission the submission, values as text
   * @param earlier problems already found; fields named there are not checked again, and any such
   *     problem refuses the submission
   * @return the accepted submission
   * @throws SubmissionRefusedException with every problem, when refused
   */
  public Accepted submit(
      ServiceModuleFactory module,
      EffectiveConfig config,
      Submission submission,
      List<FieldError> earlier) {
    var problems = FormCheck.problems(config.form(), submission.data(), earlier);
    RuleOutcome outcome;
    if (problems.isEmpty()) {
      outcome = evaluate(module, config, withSettings(submission, submission.data(), config));
    } else {
      // Every problem at once: the rules see the values that passed the form's checks. A module
      // whose facts need a value that did not pass cannot make them; then the form's problems
      // are all there is to say.
      var valid = new java.util.LinkedHashMap<>(submission.data());
      problems.forEach(p -> valid.remove(p.field()));
      try {
        outcome = evaluate(module, config, withSettings(submission, valid, config));
      } catch (RuntimeException factsNeedWhatFailed) {
        outcome = new RuleOutcome();
      }
    }
    var refused = new HashSet<String>();
    problems.forEach(p -> refused.add(p.field()));
    for (var r : outcome.rejections()) {
      if (!refused.contains(r.field())) {
        problems.add(new FieldError(r.field(), r.code(), r.message()));
      }
    }
    if (!problems.isEmpty()) {
      throw new SubmissionRefusedException(problems);
    }
    WorkflowDefinition workflow = config.workflow();
    State initial = workflow.state(workflow.initialState()).orElseThrow();
    int days =
        outcome.dueInWorkingDays() != null ? outcome.dueInWorkingDays() : initial.workingDays();
    return new Accepted(
        submission.data(),
        initial,
        dueDate(submission.tenantCode(), submission.submittedOn(), days),
        outcome.flags(),
        outcome.routeTo(),
        outcome.advance());
  }

  private static Submission withSettings(
      Submission submission, Map<String, String> data, EffectiveConfig config) {
    return new Submission(
        submission.tenantCode(),
        submission.submittedBy(),
        submission.submittedOn(),
        data,
        config.settingValues());
  }

  /**
   * Runs the module's facts for a submission through a tenant's effective rules, without checking
   * the form first.
   *
   * @param module the module
   * @param config the effective configuration
   * @param submission the submission
   * @return what the rules asked for
   */
  public RuleOutcome evaluate(
      ServiceModuleFactory module, EffectiveConfig config, Submission submission) {
    WorkflowDefinition workflow = config.workflow();
    var facts = new ArrayList<Object>();
    facts.add(
        new WorkflowStep(
            "submit", null, workflow.initialState(), Role.MEMBER.id(), submission.tenantCode()));
    try (ServiceModule instance = instance(module)) {
      facts.addAll(instance.facts(submission));
    }
    return ruleEngine.evaluate(config.ruleSet(), facts, false);
  }

  /**
   * Asks the rules that watch the workflow step about a transition: a rejection refuses it (a
   * guard), an {@code advance} takes another action right after it.
   *
   * @param module the module
   * @param config the effective configuration
   * @param step the step about to be taken
   * @param submission the request's data, as submitted
   * @return what the rules asked for
   */
  public RuleOutcome guard(
      ServiceModuleFactory module,
      EffectiveConfig config,
      WorkflowStep step,
      Submission submission) {
    if (config.ruleSet().stepRules().isEmpty()) {
      return new RuleOutcome();
    }
    var facts = new ArrayList<Object>();
    facts.add(step);
    try (ServiceModule instance = instance(module)) {
      facts.addAll(instance.facts(submission));
    } catch (RuntimeException unreadable) {
      // Data stored under an older form may no longer make the module's facts; the step alone
      // still lets guards on the action and the role decide.
    }
    return ruleEngine.evaluate(config.ruleSet(), facts, true);
  }

  /**
   * Decides whether an action may move a request, asking the tenant's guard rules.
   *
   * @param module the module
   * @param config the module as the request's tenant runs it
   * @param request the request's data as submitted
   * @param state the current state
   * @param version the current version
   * @param action the action asked for
   * @param roles the actor's roles
   * @param today the day the action is taken
   * @return the move
   * @throws SubmissionRefusedException when a guard rule refuses the action
   */
  public Move act(
      ServiceModuleFactory module,
      EffectiveConfig config,
      Submission request,
      String state,
      int version,
      String action,
      Set<Role> roles,
      LocalDate today) {
    Move move = act(config, state, version, action, roles, today);
    String role =
        roles.contains(move.transition().role())
            ? move.transition().role().id()
            : roles.stream()
                .max(java.util.Comparator.naturalOrder())
                .map(Role::id)
                .orElse("system");
    RuleOutcome outcome =
        guard(
            module,
            config,
            new WorkflowStep(action, state, move.target().name(), role, config.tenantCode()),
            request);
    if (!outcome.rejections().isEmpty()) {
      throw new SubmissionRefusedException(
          outcome.rejections().stream()
              .map(r -> new FieldError(r.field(), r.code(), r.message()))
              .toList());
    }
    LocalDate due =
        outcome.dueInWorkingDays() != null
            ? dueDate(config.tenantCode(), today, outcome.dueInWorkingDays())
            : move.dueDate();
    return new Move(move.transition(), move.target(), due, outcome.advance());
  }

  /**
   * Runs every scenario of an effective configuration against its rules.
   *
   * @param module the module
   * @param config the effective configuration
   * @param today the date scenarios are evaluated on (ages and deadlines depend on it)
   * @return one result per scenario, in order
   */
  public List<ScenarioResult> runScenarios(
      ServiceModuleFactory module, EffectiveConfig config, LocalDate today) {
    var results = new ArrayList<ScenarioResult>();
    for (EffectiveConfig.EffectiveScenario s : config.scenarios()) {
      results.add(runScenario(module, config, s.scenario(), s.source(), today));
    }
    return results;
  }

  private ScenarioResult runScenario(
      ServiceModuleFactory module,
      EffectiveConfig config,
      RuleScenario scenario,
      String source,
      LocalDate today) {
    var wrong = new ArrayList<String>();
    var formProblems = new ArrayList<String>();
    // Scenarios test rules, not the form: only the values given are checked, so an author writes
    // just the inputs the rules read.
    for (var given : scenario.given().entrySet()) {
      FormField field = config.field(given.getKey());
      FieldProblem p =
          field == null
              ? null
              : field.toBuilder().optional().buildUnchecked().check(given.getValue());
      if (field == null) {
        formProblems.add(given.getKey() + ": no such field in this form");
      } else if (p != null) {
        formProblems.add(field.name() + ": " + p.message().en());
      }
    }
    RuleOutcome outcome;
    try {
      if (!formProblems.isEmpty()) {
        return new ScenarioResult(
            scenario.name(),
            source,
            false,
            "the given form data is refused before the rules run: "
                + String.join("; ", formProblems));
      }
      outcome =
          evaluate(
              module,
              config,
              new Submission(
                  config.tenantCode(),
                  "scenario",
                  today,
                  scenario.given(),
                  config.settingValues()));
    } catch (RuntimeException e) {
      return new ScenarioResult(
          scenario.name(), source, false, "the rules failed: " + e.getMessage());
    }
    RuleScenario.Expectation expect = scenario.expect();
    if (expect.rejectedFields() != null) {
      var actual =
          outcome.rejections().stream()
              .map(RuleOutcome.Rejection::field)
              .sorted()
              .distinct()
              .toList();
      var expected = expect.rejectedFields().stream().sorted().distinct().toList();
      if (!actual.equals(expected)) {
        wrong.add(
            expected.isEmpty()
                ? "expected acceptance but the rules rejected " + actual
                : "expected rejection of " + expected + " but the rules rejected " + actual);
      }
    }
    if (expect.flagged() != null && expect.flagged() == outcome.flags().isEmpty()) {
      wrong.add(
          expect.flagged()
              ? "expected a review flag, got none"
              : "expected no review flag, got " + outcome.flags());
    }
    if (expect.routeTo() != null && !expect.routeTo().equals(outcome.routeTo())) {
      wrong.add("expected routing to " + expect.routeTo() + ", got " + outcome.routeTo());
    }
    if (expect.dueInWorkingDays() != null
        && !expect.dueInWorkingDays().equals(outcome.dueInWorkingDays())) {
      wrong.add(
          "expected a deadline of "
              + expect.dueInWorkingDays()
              + " working days, got "
              + outcome.dueInWorkingDays());
    }
    return new ScenarioResult(scenario.name(), source, wrong.isEmpty(), String.join("; ", wrong));
  }

  /**
   * The module as a tenant with no configuration of its own or its ancestors' runs it.
   *
   * @param module the module
   * @param tenantCode the tenant
   * @return the module's defaults
   */
  public EffectiveConfig defaults(ServiceModuleFactory module, String tenantCode) {
    return resolver.resolve(tenantCode, module.descriptor(), defaultRules(module), List.of());
  }

  /**
   * Decides whether an action may move a request.
   *
   * @param descriptor the request's module
   * @param state the request's current state
   * @param version the request's current version, reported with a conflict
   * @param action the action asked for
   * @param roles the actor's roles
   * @param today the day the action is taken
   * @return the move
   * @throws RequestConflictException when the action is not possible in the state
   * @throws NotAllowedException when the actor lacks the role the transition needs
   */
  public Move act(
      ModuleDescriptor descriptor,
      String state,
      int version,
      String action,
      Set<Role> roles,
      LocalDate today) {
    EffectiveConfig config = resolver.resolve("module", descriptor, List.of(), List.of());
    return act(config, state, version, action, roles, today);
  }

  /**
   * Decides whether an action may move a request under a tenant's effective workflow.
   *
   * @param config the module as the request's tenant runs it
   * @param state the request's current state
   * @param version the request's current version, reported with a conflict
   * @param action the action asked for
   * @param roles the actor's roles
   * @param today the day the action is taken
   * @return the move
   * @throws RequestConflictException when the action is not possible in the state
   * @throws NotAllowedException when the actor lacks the role the transition needs
   */
  public Move act(
      EffectiveConfig config,
      String state,
      int version,
      String action,
      Set<Role> roles,
      LocalDate today) {
    WorkflowDefinition workflow = config.workflow();
    Transition transition =
        workflow
            .transition(state, action)
            .orElseThrow(
                () ->
                    new RequestConflictException(
                        "action '" + action + "' is not possible in state '" + state + "'",
                        state,
                        version));
    if (!mayTake(roles, transition)) {
      throw new NotAllowedException("action '" + action + "' needs the role " + transition.role());
    }
    State target = workflow.state(transition.to()).orElseThrow();
    return new Move(
        transition, target, dueDate(config.tenantCode(), today, target.workingDays()), null);
  }

  /**
   * Whether someone with these roles may take a transition. Tenant admins may do what staff do;
   * platform admins may do anything.
   *
   * @param roles the roles
   * @param transition the transition
   * @return whether it is allowed
   */
  public static boolean mayTake(Set<Role> roles, Transition transition) {
    return roles.contains(transition.role())
        || roles.contains(Role.PLATFORM_ADMIN)
        || (Role.STAFF.equals(transition.role()) && roles.contains(Role.TENANT_ADMIN));
  }

  private LocalDate dueDate(String tenantCode, LocalDate from, int workingDays) {
    return workingDays > 0 ? calendar.addWorkingDays(tenantCode, from, workingDays) : null;
  }

  /**
   * The module's default rule sources, read once.
   *
   * @param module the module
   * @return the DRL texts
   */
  public List<String> defaultRules(ServiceModuleFactory module) {
    return defaultRules.computeIfAbsent(
        module.getId(),
        id -> {
          var sources = new ArrayList<String>();
          for (String resource : module.descriptor().defaultRules()) {
            try (InputStream in =
                module.getClass().getClassLoader().getResourceAsStream(resource)) {
              if (in == null) {
                throw new IllegalStateException(
                    "module " + id + " lists missing rule resource " + resource);
              }
              sources.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
          return List.copyOf(sources);
        });
  }
}
