package org.unionhub.platform.request;

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
import org.unionhub.platform.rules.RuleEngine;
import org.unionhub.platform.rules.RuleOutcome;
import org.unionhub.platform.security.Role;
import org.unionhub.sdk.ModuleDescriptor;
import org.unionhub.sdk.ServiceModule;
import org.unionhub.sdk.ServiceModuleFactory;
import org.unionhub.sdk.Submission;
import org.unionhub.sdk.form.FieldProblem;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.workflow.State;
import org.unionhub.sdk.workflow.Transition;

/**
 * The decisions of a request's life, free of storage and HTTP: whether a submission is accepted
 * (form checks, then the module's rules), where it starts and when it is due, and whether an action
 * may move it. {@link RequestService} persists what this decides; the module test kit runs it in
 * memory.
 */
public final class RequestLifecycle {

  private final RuleEngine ruleEngine;
  private final WorkingCalendar calendar;
  private final Map<String, List<String>> defaultRules = new ConcurrentHashMap<>();

  public RequestLifecycle(RuleEngine ruleEngine, WorkingCalendar calendar) {
    this.ruleEngine = ruleEngine;
    this.calendar = calendar;
  }

  /**
   * An accepted submission.
   *
   * @param values the form values as submitted (the REST API trims them before)
   * @param initialState the state the request starts in
   * @param dueDate when that state is due, or null when it has no deadline
   * @param flags why the rules flagged it for review, empty when they did not
   * @param routeTo the tenant the rules routed it to, or null to keep the one submitted to
   */
  public record Accepted(
      Map<String, String> values,
      State initialState,
      LocalDate dueDate,
      List<String> flags,
      String routeTo) {}

  /**
   * A permitted move.
   *
   * @param transition the transition taken
   * @param target the state it leads to
   * @param dueDate when the target state is due, or null
   */
  public record Move(Transition transition, State target, LocalDate dueDate) {}

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
    ModuleDescriptor descriptor = module.descriptor();
    var problems = new ArrayList<>(earlier);
    var checked = new HashSet<String>();
    earlier.forEach(p -> checked.add(p.field()));
    for (String field : submission.data().keySet()) {
      if (descriptor.field(field) == null && checked.add(field)) {
        problems.add(
            new FieldError(field, "UNKNOWN_FIELD", "表单中没有此项 (no such field in this form)"));
      }
    }
    for (FormField field : descriptor.form()) {
      if (checked.contains(field.name())) {
        continue;
      }
      FieldProblem problem = field.check(submission.value(field.name()));
      if (problem != null) {
        problems.add(
            new FieldError(
                problem.field(),
                problem.code(),
                problem.message().zh() + " (" + problem.message().en() + ")"));
      }
    }
    if (!problems.isEmpty()) {
      throw new SubmissionRefusedException(problems);
    }
    RuleOutcome outcome;
    try (ServiceModule instance = module.create()) {
      outcome = ruleEngine.evaluate(defaultRules(module), instance.facts(submission));
    }
    if (!outcome.rejections().isEmpty()) {
      throw new SubmissionRefusedException(
          outcome.rejections().stream()
              .map(r -> new FieldError(r.field(), r.code(), r.message()))
              .toList());
    }
    State initial = descriptor.workflow().state(descriptor.workflow().initialState()).orElseThrow();
    int days =
        outcome.dueInWorkingDays() != null ? outcome.dueInWorkingDays() : initial.workingDays();
    return new Accepted(
        submission.data(),
        initial,
        dueDate(submission.submittedOn(), days),
        outcome.flags(),
        outcome.routeTo());
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
      Set<String> roles,
      LocalDate today) {
    Transition transition =
        descriptor
            .workflow()
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
    State target = descriptor.workflow().state(transition.to()).orElseThrow();
    return new Move(transition, target, dueDate(today, target.workingDays()));
  }

  /**
   * Whether someone with these roles may take a transition. Tenant admins may do what staff do;
   * platform admins may do anything.
   *
   * @param roles the roles
   * @param transition the transition
   * @return whether it is allowed
   */
  public static boolean mayTake(Set<String> roles, Transition transition) {
    return roles.contains(transition.role())
        || roles.contains(Role.PLATFORM_ADMIN)
        || (Role.STAFF.equals(transition.role()) && roles.contains(Role.TENANT_ADMIN));
  }

  private LocalDate dueDate(LocalDate from, int workingDays) {
    return workingDays > 0 ? calendar.addWorkingDays(from, workingDays) : null;
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
