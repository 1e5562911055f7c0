package org.unionhub.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.unionhub.platform.action.ActionDecisions;
import org.unionhub.platform.action.Actor;
import org.unionhub.platform.calendar.WorkingCalendar;
import org.unionhub.platform.config.ScenarioResult;
import org.unionhub.platform.conversation.ConversationDecisions;
import org.unionhub.platform.item.ItemDecisions;
import org.unionhub.platform.item.ItemDraft;
import org.unionhub.platform.module.BasicModuleContext;
import org.unionhub.platform.module.CalendarWorkingDays;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.FormCheck;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.SubmissionRefusedException;
import org.unionhub.platform.rules.RuleCompilationException;
import org.unionhub.platform.rules.RuleEngine;
import org.unionhub.platform.tally.TallyDecisions;
import org.unionhub.platform.tally.TallyView;
import org.unionhub.platform.workflow.RequestConflictException;
import org.unionhub.platform.workflow.RequestLifecycle;
import org.unionhub.sdk.ModuleContext;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.ServiceModuleFactory;
import org.unionhub.sdk.Submission;
import org.unionhub.sdk.Unions;
import org.unionhub.sdk.action.ActionAttempt;
import org.unionhub.sdk.action.ActionEvent;
import org.unionhub.sdk.action.ActionType;
import org.unionhub.sdk.action.MemberAction;
import org.unionhub.sdk.conversation.ConversationSpec;
import org.unionhub.sdk.conversation.Message;
import org.unionhub.sdk.item.Item;
import org.unionhub.sdk.item.ItemEvent;
import org.unionhub.sdk.item.ItemKind;
import org.unionhub.sdk.item.ItemState;
import org.unionhub.sdk.tally.Tally;
import org.unionhub.sdk.workflow.State;
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
 * <p>Every shape of SDK 1.0 runs too, through the same decisions the server takes: items of the
 * module's kinds ({@link #newItem}, {@link #publish}, {@link #close}) on a clock the test sets and
 * moves ({@link #at}, {@link #advance}); actions on items and requests by {@link TestActor}s, with
 * roles, audience, window, once per member and the payload checked ({@link #act(TestItem, String,
 * TestActor, Map)}); tallies as readers see them ({@link #tally(TestItem, String)}); conversations
 * ({@link #post(TestRequest, TestActor, String)}, {@link #messages(TestRequest)}). The module's own
 * checks and hooks are called where the server calls them.
 *
 * <p>Submissions go to the tenant {@value #TENANT} and are made by {@value #SUBMITTER}; items
 * belong to {@value #TENANT}.
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
  private ModuleContext context;
  private org.unionhub.platform.config.EffectiveConfig config;
  private final Map<String, TestRequest> requests = new java.util.HashMap<>();
  // "Once per member" as the database's unique constraint keeps it: type, target, member.
  private final Set<List<String>> taken = new java.util.HashSet<>();
  private final Map<String, List<MemberAction>> actions = new java.util.HashMap<>();
  private int ids;

  private ModuleTestKit(ServiceModuleFactory module) {
    this.module = module;
    this.lifecycle = new RequestLifecycle(RULES, CALENDAR, m -> context);
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
   * Hands the module this union tree from now on (employers' unions, levels), as the platform hands
   * it the real one; a new kit knows no unions ({@link Unions#NONE}).
   *
   * @param unions the union tree the module sees
   * @return this kit
   * @since 1.1
   */
  public ModuleTestKit withUnions(Unions unions) {
    context =
        new BasicModuleContext(
            context.moduleId(),
            context.clock(),
            context.workingDays(),
            context::settings,
            context.store(),
            unions);
    return this;
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
  public List<ScenarioResult> scenarios() {
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
    kit.config = lifecycle.defaults(module, TENANT);
    kit.context =
        new BasicModuleContext(
            module.getId(),
            kit.clock,
            new CalendarWorkingDays(CALENDAR),
            tenant -> kit.config.settingValues(),
            kit.store);
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
    if (!module.descriptor().acceptsRequests()) {
      throw new IllegalStateException("module " + module.getId() + " takes no requests");
    }
    LocalDate today = today();
    try {
      var accepted =
          lifecycle.submit(
              module, config, new Submission(TENANT, SUBMITTER, today, data), List.of());
      var request = new TestRequest(this, "request-" + ++ids, accepted, today);
      requests.put(request.id(), request);
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

  // ---- SDK 1.0 shapes: time, items, actions, tallies, conversations ----

  /**
   * @param time a time in China Standard Time
   * @return the instant
   * @since 1.0
   */
  public static Instant instant(LocalDateTime time) {
    return time.atZone(CHINA).toInstant();
  }

  /**
   * The kit's clock.
   *
   * @return the instant it is for the kit
   * @since 1.0
   */
  public Instant now() {
    return clock.instant();
  }

  /**
   * Sets the clock to a time, as {@link #on(LocalDate)} sets it to a day.
   *
   * @param time the time in China Standard Time
   * @return this kit
   * @since 1.0
   */
  public ModuleTestKit at(LocalDateTime time) {
    clock.set(instant(time));
    return this;
  }

  /**
   * Moves the clock on, for example past an item's opening or closing time.
   *
   * @param duration how long, not negative
   * @return this kit
   * @since 1.0
   */
  public ModuleTestKit advance(Duration duration) {
    clock.advance(duration);
    return this;
  }

  /**
   * Starts an item of the kit's union.
   *
   * @param kind one of the module's item kinds
   * @return a builder; {@link ItemBuilder#create()} saves the draft
   * @since 1.0
   */
  public ItemBuilder newItem(String kind) {
    itemKind(kind);
    return new ItemBuilder(this, kind);
  }

  TestItem saveDraft(String kind, ItemDraft draft, TestActor by) {
    ItemKind itemKind = itemKind(kind);
    allowed(() -> ItemDecisions.requireManager(itemKind, by.roles()));
    refuseIfAny(ItemDecisions.check(itemKind, draft));
    String id = module.getId() + "-" + kind + "-" + ++ids;
    store.items.put(
        id, defined(id, kind, itemKind, draft, ItemState.DRAFT, null, by.username(), 0));
    return new TestItem(this, id);
  }

  /** An item of the kit's union as a draft defines it, as the platform stores it. */
  private Item defined(
      String id,
      String kind,
      ItemKind itemKind,
      ItemDraft draft,
      ItemState state,
      String origin,
      String createdBy,
      long version) {
    return new Item(
        id,
        module.getId(),
        kind,
        TENANT,
        draft.title().strip(),
        draft.description(),
        FormCheck.stripped(draft.fields()),
        draft.questions(),
        draft.opensAt(),
        draft.closesAt(),
        ItemDecisions.audience(itemKind, draft),
        draft.anonymous(),
        ItemDecisions.resultsVisibility(draft),
        state,
        origin,
        createdBy,
        version);
  }

  /**
   * Starts an edit of an item, from the item as it is; {@link ItemBuilder#save()} saves it.
   *
   * @param item the item
   * @return a builder holding the item's definition
   * @since 1.0
   */
  public ItemBuilder edit(TestItem item) {
    return new ItemBuilder(this, item);
  }

  TestItem saveEdit(TestItem handle, ItemDraft draft, TestActor by) {
    Item i = handle.item();
    ItemKind itemKind = itemKind(i.kind());
    allowed(() -> ItemDecisions.requireManager(itemKind, by.roles()));
    var problems = new ArrayList<FieldError>(ItemDecisions.check(itemKind, draft));
    var known = new java.util.HashSet<String>();
    problems.forEach(p -> known.add(p.field()));
    ItemDecisions.editProblems(i, draft, actions(i.id()).size()).stream()
        .filter(p -> !known.contains(p.field()))
        .forEach(problems::add);
    refuseIfAny(problems);
    store.items.put(
        i.id(),
        defined(
            i.id(),
            i.kind(),
            itemKind,
            draft,
            i.state(),
            i.origin(),
            i.createdBy(),
            i.version() + 1));
    return handle;
  }

  /**
   * Publishes a draft, as its union's tenant admin: the platform's checks, then the module's {@link
   * org.unionhub.sdk.ServiceModule#checkItem checkItem}; afterwards {@link
   * org.unionhub.sdk.ServiceModule#onItem onItem}.
   *
   * @param item a draft
   * @return the item
   * @throws Refused with every problem
   * @since 1.0
   */
  public TestItem publish(TestItem item) {
    Item current = item.item();
    var problems = new ArrayList<FieldError>(ItemDecisions.publishProblems(current, now()));
    try (var instance = lifecycle.instance(module)) {
      instance.checkItem(current).forEach(p -> problems.add(FormCheck.error(p)));
    }
    refuseIfAny(problems);
    return change(item, ItemState.PUBLISHED);
  }

  /**
   * Closes a published item early, as its union's tenant admin.
   *
   * @param item a published item
   * @return the item
   * @throws Refused when it is a draft or already closed
   * @since 1.0
   */
  public TestItem close(TestItem item) {
    refuseIfAny(ItemDecisions.closeProblems(item.item(), now()));
    return change(item, ItemState.CLOSED);
  }

  private TestItem change(TestItem handle, ItemState state) {
    Item i = handle.item();
    Item changed =
        new Item(
            i.id(),
            i.moduleId(),
            i.kind(),
            i.tenantCode(),
            i.title(),
            i.description(),
            i.fields(),
            i.questions(),
            i.opensAt(),
            i.closesAt(),
            i.audience(),
            i.anonymous(),
            i.resultsVisibility(),
            state,
            i.origin(),
            i.createdBy(),
            i.version() + 1);
    store.items.put(i.id(), changed);
    hook(m -> m.onItem(new ItemEvent(changed, "test-admin", now())));
    return handle;
  }

  /**
   * Takes an action on an item as the platform would: roles, audience, window, once per member, the
   * payload against the item's questions or the action's fields, then the module's {@link
   * org.unionhub.sdk.ServiceModule#checkAction checkAction}; stores it (without the actor for an
   * anonymous item), counts it in the module's tallies and calls {@link
   * org.unionhub.sdk.ServiceModule#onAction onAction}.
   *
   * @param item the item
   * @param action one of the module's action types, on the item's kind
   * @param actor who acts
   * @param payload the payload by field name; empty for none
   * @return the action as stored
   * @throws ActionRefused when the actor's roles or the audience do not allow it
   * @throws Refused with every problem of the attempt (window, already done, payload)
   * @since 1.0
   */
  public MemberAction act(
      TestItem item, String action, TestActor actor, Map<String, String> payload) {
    Item target = item.item();
    return take(action, target, target.id(), actor, payload, actor.inUnion());
  }

  /**
   * Takes an action of one of the module's action types on a request (supporting a suggestion, for
   * example) as the platform would; it does not move the request's workflow.
   *
   * @param request the request
   * @param action an action type on requests
   * @param actor who acts
   * @param payload the payload by field name; empty for none
   * @return the action as stored
   * @throws ActionRefused when the actor's roles do not allow it
   * @throws Refused with every problem of the attempt
   * @since 1.0
   */
  public MemberAction act(
      TestRequest request, String action, TestActor actor, Map<String, String> payload) {
    return take(action, null, request.id(), actor, payload, actor.inUnion());
  }

  private MemberAction take(
      String action,
      Item item,
      String targetId,
      TestActor actor,
      Map<String, String> payload,
      boolean memberOfSubtree) {
    ActionType type =
        module
            .descriptor()
            .action(action)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "module " + module.getId() + " has no action '" + action + "'"));
    boolean inAudience =
        item == null
            ? actor.inUnion()
            : ActionDecisions.inAudience(item, actor.roles(), memberOfSubtree);
    var key = List.of(type.name(), targetId, actor.username());
    Map<String, String> values;
    try {
      values =
          ActionDecisions.decide(
              type,
              item,
              new Actor(actor.username(), actor.roles(), inAudience),
              now(),
              payload,
              taken.contains(key));
    } catch (NotAllowedException e) {
      throw new ActionRefused(
          inAudience ? ActionRefused.Reason.ROLE_NOT_ALLOWED : ActionRefused.Reason.NOT_IN_AUDIENCE,
          e.getMessage());
    } catch (SubmissionRefusedException e) {
      throw refused(e.errors());
    }
    var problems = new ArrayList<FieldError>();
    try (var instance = lifecycle.instance(module)) {
      instance
          .checkAction(
              new ActionAttempt(
                  type.name(), item, item == null ? targetId : null, actor.username(), values))
          .forEach(p -> problems.add(FormCheck.error(p)));
    }
    refuseIfAny(problems);
    if (type.oncePerMember() && !taken.add(key)) {
      refuseIfAny(List.of(ActionDecisions.alreadyDone(type)));
    }
    boolean anonymous = item != null && item.anonymous();
    MemberAction stored =
        ActionDecisions.stored(
            type,
            targetId,
            TENANT,
            new Actor(actor.username(), actor.roles(), inAudience),
            anonymous,
            now(),
            values);
    actions.computeIfAbsent(targetId, k -> new ArrayList<>()).add(stored);
    var form = ActionDecisions.payloadForm(type, item);
    TallyDecisions.increments(module.descriptor(), stored, form)
        .forEach(
            (tally, entries) ->
                TallyDecisions.apply(
                    store.tallies.computeIfAbsent(
                        targetId + "/" + tally, k -> new java.util.TreeMap<>()),
                    entries));
    hook(m -> m.onAction(new ActionEvent(stored, now(), config.settingValues())));
    return stored;
  }

  /**
   * The actions stored on an item or request, as the platform stores them: for an anonymous item,
   * without actor and with the day only.
   *
   * @param targetId the item's or request's id
   * @return the actions, oldest first
   * @since 1.0
   */
  public List<MemberAction> actions(String targetId) {
    return List.copyOf(actions.getOrDefault(targetId, List.of()));
  }

  /**
   * A tally of an item as its union's staff read it: for an anonymous item, cells counting fewer
   * than k (the module's setting, default 5) are hidden.
   *
   * @param item the item
   * @param tally the tally's name
   * @return the tally
   * @since 1.0
   */
  public TallyView tally(TestItem item, String tally) {
    return tally(item, tally, TestActor.staff("test-staff"));
  }

  /**
   * A tally of an item as someone would read it.
   *
   * @param item the item
   * @param tally the tally's name
   * @param reader who reads
   * @return the tally
   * @throws ActionRefused when the reader may not read it now
   * @since 1.0
   */
  public TallyView tally(TestItem item, String tally, TestActor reader) {
    Tally declared =
        module
            .descriptor()
            .tally(tally)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "module " + module.getId() + " has no tally '" + tally + "'"));
    Item i = item.item();
    boolean officer =
        reader.inUnion()
            && !java.util.Collections.disjoint(
                reader.roles(), Set.of(Role.STAFF, Role.TENANT_ADMIN));
    boolean inAudience = ActionDecisions.inAudience(i, reader.roles(), reader.inUnion());
    if (!TallyDecisions.mayRead(declared, i, reader.roles(), officer, inAudience, now())) {
      throw new ActionRefused(
          ActionRefused.Reason.ROLE_NOT_ALLOWED,
          reader.username() + " may not read " + tally + " now");
    }
    return TallyDecisions.view(
        store.tally(i.id(), tally),
        i.anonymous(),
        TallyDecisions.minimumCell(declared, config.settingValues()));
  }

  /**
   * Posts a message in a request's conversation: the submitter ({@value #SUBMITTER}) or the union's
   * staff write.
   *
   * @param request the request
   * @param author who writes
   * @param body the text
   * @return the message as stored
   * @throws ActionRefused when the author may not write here
   * @throws Refused with every problem of the message
   * @since 1.0
   */
  public Message post(TestRequest request, TestActor author, String body) {
    boolean terminal = config.workflow().state(request.state()).map(State::terminal).orElse(false);
    return post(request.id(), author, SUBMITTER.equals(author.username()), terminal, body);
  }

  /**
   * Posts a message in an item's conversation: members of its audience or the union's staff write.
   *
   * @param item the item
   * @param author who writes
   * @param body the text
   * @return the message as stored
   * @throws ActionRefused when the author may not write here
   * @throws Refused with every problem of the message
   * @since 1.0
   */
  public Message post(TestItem item, TestActor author, String body) {
    Item i = item.item();
    return post(
        i.id(),
        author,
        ActionDecisions.inAudience(i, author.roles(), author.inUnion()),
        i.phase(now()) == org.unionhub.sdk.item.Phase.CLOSED,
        body);
  }

  private Message post(
      String subjectId, TestActor author, boolean participant, boolean terminal, String body) {
    ConversationSpec spec =
        module
            .descriptor()
            .conversation()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "module " + module.getId() + " has no conversations"));
    boolean officer =
        author.inUnion()
            && !java.util.Collections.disjoint(
                author.roles(), Set.of(Role.STAFF, Role.TENANT_ADMIN));
    Role role;
    String text;
    try {
      role = ConversationDecisions.authorRole(spec, author.roles(), officer, participant);
      text = ConversationDecisions.check(spec, body, terminal);
    } catch (NotAllowedException e) {
      throw new ActionRefused(ActionRefused.Reason.ROLE_NOT_ALLOWED, e.getMessage());
    } catch (SubmissionRefusedException e) {
      throw refused(e.errors());
    }
    var thread = store.messages.computeIfAbsent(subjectId, k -> new ArrayList<>());
    var message =
        new Message(
            subjectId + "/" + (thread.size() + 1),
            subjectId,
            thread.size() + 1,
            author.username(),
            role,
            text,
            now());
    thread.add(message);
    return message;
  }

  /**
   * @param request a request
   * @return its conversation, in order
   * @since 1.0
   */
  public List<Message> messages(TestRequest request) {
    return store.messages(request.id());
  }

  /**
   * @param item an item
   * @return its conversation, in order
   * @since 1.0
   */
  public List<Message> messages(TestItem item) {
    return store.messages(item.id());
  }

  private ItemKind itemKind(String kind) {
    return module
        .descriptor()
        .itemKind(kind)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "module " + module.getId() + " has no item kind '" + kind + "'"));
  }

  private void hook(java.util.function.Consumer<org.unionhub.sdk.ServiceModule> call) {
    try (var instance = lifecycle.instance(module)) {
      call.accept(instance);
    }
  }

  private static void allowed(Runnable check) {
    try {
      check.run();
    } catch (NotAllowedException e) {
      throw new ActionRefused(ActionRefused.Reason.ROLE_NOT_ALLOWED, e.getMessage());
    }
  }

  private static void refuseIfAny(List<FieldError> problems) {
    if (!problems.isEmpty()) {
      throw refused(problems);
    }
  }

  private static Refused refused(List<FieldError> problems) {
    return new Refused(
        problems.stream().map(f -> new Refusal(f.field(), f.code(), f.message())).toList());
  }
}
