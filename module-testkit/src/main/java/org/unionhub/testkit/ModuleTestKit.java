package org.unionhub.testkit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.unionhub.platform.calendar.WorkingCalendar;
import org.unionhub.platform.module.BasicModuleContext;
import org.unionhub.platform.module.CalendarWorkingDays;
import org.unionhub.platform.request.NotAllowedException;
import org.unionhub.platform.request.RequestConflictException;
import org.unionhub.platform.request.RequestLifecycle;
import org.unionhub.platform.request.SubmissionRefusedException;
import org.unionhub.platform.rules.RuleCompilationException;
import org.unionhub.platform.rules.RuleEngine;
import org.unionhub.sdk.ModuleContext;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.ServiceModuleFactory;
import org.unionhub.sdk.Submission;
import org.unionhub.sdk.workflow.Transition;

/**
 * Runs a service module in memory as the platform runs it — form checks, default Drools rules,
 * workflow and deadlines in working days on China's official calendar — on a date the test
 * controls. No server, no database: a test takes milliseconds once the rules are compiled.
 *
 * <pre>{@code
 * ModuleTestKit kit = ModuleTestKit.of(new EnrollmentModuleFactory()).on(LocalDate.of(2026, 9, 28));
 * TestRequest request = kit.submit(form);
 * assertThat(request.dueDate()).isEqualTo(LocalDate.of(2026, 10, 10));
 * kit.act(request, "approve", "staff");
 * assertThat(request.state()).isEqualTo("approved");
 * }</pre>
 *
 * <p>Submissions go to the tenant {@value #TENANT} and are made by {@value #SUBMITTER}.
 *
 * @since 0.1
 */
public final class ModuleTestKit {

  /**
   * The code of the tenant every submission is made to.
   *
   * @since 0.1
   */
  public static final String TENANT = "test-union";

  /**
   * The user name every submission is made by.
   *
   * @since 0.1
   */
  public static final String SUBMITTER = "applicant";

  private static final String SERVICES_FILE =
      "META-INF/services/" + ServiceModuleFactory.class.getName();

  /** The platform counts union days in China Standard Time wherever it runs. */
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  // Shared by every kit in the JVM: the engine caches KieBases by rule text, so only the first
  // test of a module pays the seconds Drools takes to compile.
  private static final RuleEngine RULES = new RuleEngine();
  private static final WorkingCalendar CALENDAR = WorkingCalendar.official();

  private final ServiceModuleFactory module;
  // One per kit, not shared: it caches rule sources by module id, and two test modules may share
  // an id while listing different rules.
  private final RequestLifecycle lifecycle;
  private final KitClock clock = new KitClock(CHINA);
  private final MemoryStore store = new MemoryStore();
  private final ModuleContext context;
  private org.unionhub.platform.config.EffectiveConfig config;

  private ModuleTestKit(ServiceModuleFactory module) {
    this.module = module;
    this.context =
        new BasicModuleContext(
            module.getId(),
            clock,
            new CalendarWorkingDays(CALENDAR),
            tenant -> config.settingValues(),
            store);
    this.lifecycle = new RequestLifecycle(RULES, CALENDAR, m -> context);
    this.config = module.descriptor().acceptsRequests() ? lifecycle.defaults(module, TENANT) : null;
  }

  /**
   * The context the kit hands the module: its clock is the kit's, its settings those of the kit's
   * configuration, its store the kit's memory.
   *
   * @return the module's context
   * @since 1.0
   */
  public ModuleContext context() {
    return context;
  }

  /**
   * Runs the module as a tenant with this configuration layer would: adapted settings, form,
   * workflow steps and rules. The layer is checked as UnionHub checks a publish (apart from the
   * scenarios, which {@link #scenarios()} runs).
   *
   * @param layerJson a tenant's layer, in the JSON form of the configuration API
   * @return this kit
   * @throws IllegalArgumentException with every problem, when UnionHub would refuse the layer
   * @since 0.2
   */
  public ModuleTestKit withLayer(String layerJson) {
    var read = org.unionhub.platform.config.ConfigLayerJson.read(layerJson);
    var resolution =
        lifecycle
            .resolver()
            .check(
                TENANT,
                module.descriptor(),
                lifecycle.defaultRules(module),
                List.of(),
                read.layer());
    var problems = new java.util.ArrayList<>(read.problems());
    problems.addAll(resolution.problems());
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("UnionHub would refuse this layer: " + problems);
    }
    this.config = resolution.config();
    return this;
  }

  /**
   * Runs the rule scenarios of the module (and of a layer given with {@link #withLayer}) against
   * the effective rules, on the kit's date, as publishing does.
   *
   * @return one result per scenario
   * @since 0.2
   */
  public List<RequestLifecycle.ScenarioResult> scenarios() {
    return lifecycle.runScenarios(module, config, today());
  }

  /**
   * A kit for a module, after checking that UnionHub would load it: its descriptor has no {@link
   * org.unionhub.sdk.ModuleDescriptor#problems() problems}, its default rules exist and compile,
   * and its factory is listed in {@code META-INF/services/org.unionhub.sdk.ServiceModuleFactory}.
   * Then calls the factory's {@link ServiceModuleFactory#init(ModuleContext) init(context)}, as the
   * platform does once after discovery.
   *
   * @param module the module's factory
   * @return the kit, its clock on today's date in China
   * @throws AssertionError naming the factory and every problem found, when the module is invalid
   * @since 0.1
   */
  public static ModuleTestKit of(ServiceModuleFactory module) {
    var kit = new ModuleTestKit(module);
    var lifecycle = kit.lifecycle;
    var problems = new ArrayList<String>();
    try {
      problems.addAll(module.descriptor().problems());
    } catch (RuntimeException e) {
      problems.add("its descriptor could not be read: " + e);
    }
    if (problems.isEmpty()) {
      problems.addAll(ruleProblems(module, lifecycle));
    }
    problems.addAll(listingProblems(module));
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "module "
              + module.getClass().getName()
              + " is not ready for UnionHub:\n  - "
              + String.join("\n  - ", problems));
    }
    module.init(kit.context);
    return kit;
  }

  private static List<String> ruleProblems(
      ServiceModuleFactory module, RequestLifecycle lifecycle) {
    try {
      RULES.kieBase(lifecycle.defaultRules(module));
      return List.of();
    } catch (RuleCompilationException e) {
      return e.problems().stream()
          .map(
              p ->
                  "its default rules do not compile, line "
                      + p.line()
                      + (p.column() > 0 ? ", column " + p.column() : "")
                      + ": "
                      + p.message())
          .toList();
    } catch (IllegalStateException e) {
      // RequestLifecycle's way of saying a listed rule resource is not on the class path.
      return List.of(e.getMessage());
    }
  }

  // A broken entry in a services file throws ServiceConfigurationError, which names the entry;
  // it is left to fail the test as it is.
  private static List<String> listingProblems(ServiceModuleFactory module) {
    boolean listed =
        ServiceLoader.load(ServiceModuleFactory.class, module.getClass().getClassLoader()).stream()
            .anyMatch(provider -> provider.type() == module.getClass());
    return listed
        ? List.of()
        : List.of("it is not listed in " + SERVICES_FILE + ", so the platform would never find it");
  }

  /**
   * Sets the kit's date. Set it before the first submission: deadlines count from it.
   *
   * @param date the date it is in China
   * @return this kit
   * @since 0.1
   */
  public ModuleTestKit on(LocalDate date) {
    clock.set(date.atTime(KitClock.START_OF_DAY).atZone(CHINA).toInstant());
    return this;
  }

  /**
   * The kit's date.
   *
   * @return the date it is in China for this kit
   * @since 0.1
   */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), CHINA);
  }

  /**
   * Moves the clock on by calendar days.
   *
   * @param days how many days, not negative
   * @return this kit
   * @since 0.1
   */
  public ModuleTestKit advanceDays(int days) {
    if (days < 0) {
      throw new IllegalArgumentException("the clock only moves forward, got " + days + " days");
    }
    clock.advance(java.time.Duration.ofDays(days));
    return this;
  }

  /**
   * Moves the clock to the Nth working day after today on China's official calendar, skipping
   * weekends and statutory holidays and stopping on make-up workdays (调休).
   *
   * @param workingDays how many working days, at least 1
   * @return this kit
   * @since 0.1
   */
  public ModuleTestKit advanceWorkingDays(int workingDays) {
    LocalDate today = today();
    clock.advance(
        java.time.Duration.ofDays(
            java.time.temporal.ChronoUnit.DAYS.between(
                today, CALENDAR.addWorkingDays(today, workingDays))));
    return this;
  }

  /**
   * Submits form data as the platform would: form checks first, then the module's default rules.
   *
   * @param data the form values by field name; leave a field out to leave it empty
   * @return the accepted request, in its workflow's initial state
   * @throws Refused with every problem, when the form or the rules refuse the submission
   * @since 0.1
   */
  public TestRequest submit(Map<String, String> data) {
    LocalDate today = today();
    try {
      var accepted =
          lifecycle.submit(
              module, config, new Submission(TENANT, SUBMITTER, today, data), List.of());
      var request = new TestRequest(this, accepted, today);
      if (accepted.advance() != null) {
        // The rules take an action at once, as the platform does.
        act(request, accepted.advance(), "platform-admin");
      }
      return request;
    } catch (SubmissionRefusedException e) {
      throw new Refused(
          e.errors().stream().map(f -> new Refusal(f.field(), f.code(), f.message())).toList());
    }
  }

  /**
   * Why a submission would be refused, for tests that expect it to be.
   *
   * @param data the form values by field name
   * @return every problem, empty when the submission would be accepted
   * @since 0.1
   */
  public List<Refusal> refusals(Map<String, String> data) {
    try {
      submit(data);
      return List.of();
    } catch (Refused e) {
      return e.refusals();
    }
  }

  /**
   * Takes an action on a request, on the kit's date, as someone with one role. As on the server,
   * tenant admins may take staff actions and platform admins any action.
   *
   * @param request a request this kit accepted
   * @param action the action, for example {@code approve}
   * @param role the actor's role, for example {@code staff}
   * @return the request, moved to the transition's target state with that state's deadline
   * @throws ActionRefused when the action is not possible in the request's state or the role may
   *     not take it
   * @since 0.1
   */
  public TestRequest act(TestRequest request, String action, String role) {
    LocalDate today = today();
    String state = request.state();
    RequestLifecycle.Move move;
    try {
      move =
          lifecycle.act(
              module,
              config,
              new Submission(TENANT, SUBMITTER, today, request.values(), config.settingValues()),
              state,
              request.version(),
              action,
              Role.byId(role).map(Set::of).orElse(Set.of()),
              today);
    } catch (RequestConflictException e) {
      List<String> possible =
          config.workflow().transitionsFrom(state).stream().map(Transition::action).toList();
      throw new ActionRefused(
          ActionRefused.Reason.NOT_POSSIBLE_IN_STATE,
          e.getMessage() + "; possible there: " + (possible.isEmpty() ? "none" : possible));
    } catch (NotAllowedException e) {
      throw new ActionRefused(
          ActionRefused.Reason.ROLE_NOT_ALLOWED, e.getMessage() + ", not " + role);
    } catch (SubmissionRefusedException e) {
      throw new ActionRefused(
          ActionRefused.Reason.REFUSED_BY_RULES,
          e.errors().stream().map(f -> f.field() + ": " + f.message()).toList().toString());
    }
    request.record(new Step(action, state, move.target().name(), role, today), move.dueDate());
    if (move.advance() != null) {
      // The rules take the next action themselves, as the platform does.
      act(request, move.advance(), "platform-admin");
    }
    return request;
  }
}
