package org.unionhub.platform.item;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.unionhub.platform.PlatformProducers;
import org.unionhub.platform.module.ModuleRegistry;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.problem.SubmissionRefusedException;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantScope;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.platform.tenancy.Visibility;
import org.unionhub.platform.workflow.RequestConflictException;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.ServiceModuleFactory;
import org.unionhub.sdk.form.FieldProblem;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.item.Anonymity;
import org.unionhub.sdk.item.Audience;
import org.unionhub.sdk.item.Item;
import org.unionhub.sdk.item.ItemKind;
import org.unionhub.sdk.item.ItemState;
import org.unionhub.sdk.item.Phase;
import org.unionhub.sdk.item.ResultsVisibility;

/**
 * Items a union owns (a survey): its admins draft, edit, publish, close early and push them down;
 * members list the items open to them. Who may do what is decided here, before the tenant scope is
 * set; the walls stand behind it (docs/adr/0020).
 */
@ApplicationScoped
public class ItemService {

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Inject ModuleRegistry modules;
  @Inject TenantDirectory tenants;
  @Inject Visibility visibility;
  @Inject TenantScope scope;
  @Inject Clock clock;
  @Inject ModuleHooks hooks;

  /**
   * An item with what the caller may do with it.
   *
   * @param item the stored item
   * @param sdk the item as modules see it
   * @param manage whether the caller administers it
   * @param taken whether the caller already took the kind's once-per-member action
   */
  public record View(ModuleItem item, Item sdk, boolean manage, boolean taken) {}

  /**
   * Drafts an item.
   *
   * @param caller an admin of the tenant or an ancestor
   * @param tenantCode the owning union
   * @param moduleId the module
   * @param body the definition
   * @return the draft
   */
  @Transactional
  public ModuleItem create(Caller caller, String tenantCode, String moduleId, JsonObject body) {
    ServiceModuleFactory module = module(moduleId);
    TenantView tenant = manageable(caller, tenantCode);
    String kindName = body.get("kind") instanceof JsonString s ? s.getString() : null;
    if (kindName == null && module.descriptor().itemKinds().size() == 1) {
      kindName = module.descriptor().itemKinds().get(0).name();
    }
    ItemKind kind = kindName == null ? null : module.descriptor().itemKind(kindName).orElse(null);
    if (kind == null) {
      throw new SubmissionRefusedException(
          List.of(
              new FieldError("kind", "UNKNOWN_KIND", ProblemText.of("item.no-such-item-kind"))));
    }
    mayCreate(caller, kind);
    scope.limitTo(Set.of(tenant.code()), null);
    var item =
        new ModuleItem(
            tenant.code(), moduleId, kind.name(), null, caller.username(), clock.instant());
    define(item, kind, body, false);
    em.persist(item);
    return item;
  }

  /**
   * Edits a draft or a published item; a published item's questions stay as they are once it has an
   * answer.
   *
   * @param caller an admin of the owner
   * @param tenantCode the owner
   * @param moduleId the module
   * @param id the item
   * @param body the new definition, in full
   * @param ifMatch the version the caller edited, or null
   * @return the item
   */
  @Transactional
  public ModuleItem update(
      Caller caller,
      String tenantCode,
      String moduleId,
      UUID id,
      JsonObject body,
      Integer ifMatch) {
    ModuleItem item = managed(caller, tenantCode, moduleId, id);
    checkVersion(item, ifMatch);
    if (ItemState.valueOf(item.getState()) == ItemState.CLOSED) {
      throw conflict(item, ProblemText.of("item.the-item-is-closed-and-cannot"));
    }
    ItemKind kind = kind(item);
    define(item, kind, body, !ItemState.DRAFT.name().equals(item.getState()) && hasActions(item));
    if (!ItemState.DRAFT.name().equals(item.getState())) {
      refuseIfProblems(publishProblems(item));
    }
    return item;
  }

  /**
   * Publishes a draft after the kind's and the module's checks.
   *
   * @return the item
   */
  @Transactional
  public ModuleItem publish(
      Caller caller, String tenantCode, String moduleId, UUID id, Integer ifMatch) {
    ModuleItem item = managed(caller, tenantCode, moduleId, id);
    checkVersion(item, ifMatch);
    if (!ItemState.DRAFT.name().equals(item.getState())) {
      throw conflict(item, ProblemText.of("item.only-a-draft-can-be-published"));
    }
    var problems = new ArrayList<>(ItemDecisions.publishProblems(toSdk(item), clock.instant()));
    problems.addAll(publishProblems(item));
    refuseIfProblems(problems);
    Instant now = clock.instant();
    item.moveTo(ItemState.PUBLISHED.name(), now);
    em.flush();
    hooks.onItem(item, caller.username(), now);
    return item;
  }

  /**
   * Closes an item now (early, or a scheduled one before it opened).
   *
   * @return the item
   */
  @Transactional
  public ModuleItem close(
      Caller caller, String tenantCode, String moduleId, UUID id, Integer ifMatch) {
    ModuleItem item = managed(caller, tenantCode, moduleId, id);
    checkVersion(item, ifMatch);
    if (!ItemState.PUBLISHED.name().equals(item.getState())) {
      throw conflict(item, ProblemText.of("item.only-a-published-item-can-be"));
    }
    Instant now = clock.instant();
    item.closeAt(now);
    em.flush();
    hooks.onItem(item, caller.username(), now);
    return item;
  }

  /**
   * Runs a pushable item in every active union directly below its owner: each gets a copy in the
   * same state that points to the original, for the members of its own subtree. A union that
   * already has a copy keeps it.
   *
   * @return the copies made
   */
  @Transactional
  public List<ModuleItem> push(Caller caller, String tenantCode, String moduleId, UUID id) {
    ModuleItem item = managed(caller, tenantCode, moduleId, id);
    ItemKind kind = kind(item);
    if (!kind.pushable()) {
      throw new NotAllowedException(ProblemText.of("item.items-of-this-kind-cannot-be"));
    }
    if (item.getOriginId() != null) {
      throw conflict(item, ProblemText.of("item.a-pushed-copy-cannot-be-pushed"));
    }
    var children =
        tenants.all().stream()
            .filter(t -> item.getTenantId().equals(t.parentCode()) && t.active())
            .map(TenantView::code)
            .toList();
    var inScope = new HashSet<>(children);
    inScope.add(item.getTenantId());
    scope.limitTo(inScope, null);
    Set<String> existing =
        new HashSet<>(
            em.createQuery(
                    "select i.tenantId from ModuleItem i where i.originId = :origin", String.class)
                .setParameter("origin", item.getId())
                .getResultList());
    Instant now = clock.instant();
    var copies = new ArrayList<ModuleItem>();
    for (String child : children) {
      if (existing.contains(child)) {
        continue;
      }
      var copy =
          new ModuleItem(
              child, item.getModule(), item.getKind(), item.getId(), caller.username(), now);
      copy.define(
          item.getTitle(),
          item.getDescription(),
          item.getFields(),
          item.getQuestions(),
          item.getOpensAt(),
          item.getClosesAt(),
          item.getAudience(),
          item.isAnonymous(),
          item.getResultsVisibility(),
          now);
      copy.moveTo(item.getState(), now);
      em.persist(copy);
      copies.add(copy);
    }
    return copies;
  }

  /**
   * The items a union owns in a module, for its admins, newest first.
   *
   * @return the items
   */
  @Transactional
  public List<ModuleItem> owned(Caller caller, String tenantCode, String moduleId) {
    module(moduleId);
    TenantView tenant = manageable(caller, tenantCode);
    scope.limitTo(Set.of(tenant.code()), null);
    return em.createQuery(
            "select i from ModuleItem i where i.tenantId = :t and i.module = :m"
                + " order by i.createdAt desc",
            ModuleItem.class)
        .setParameter("t", tenant.code())
        .setParameter("m", moduleId)
        .setMaxResults(500)
        .getResultList();
  }

  /**
   * The published items open to the caller: those of the unions on the path from their union up to
   * the root for the members of the owner's subtree, and those for everyone logged in. Where a
   * union on the path has a pushed copy, the caller sees the copy and not the original.
   *
   * @param caller the caller
   * @param moduleId the module, or null for every module
   * @return the items, newest first, with whether the caller already took part
   */
  @Transactional
  public List<View> visible(Caller caller, String moduleId) {
    Set<String> path = path(caller);
    scope.limitTo(Set.of(TenantScope.ALL), null);
    var jpql =
        new StringBuilder(
            "select i from ModuleItem i where i.state <> 'DRAFT' and (i.tenantId in :path"
                + " or i.audience = 'AUTHENTICATED')");
    if (moduleId != null) {
      jpql.append(" and i.module = :m");
    }
    jpql.append(" order by i.createdAt desc");
    var query =
        em.createQuery(jpql.toString(), ModuleItem.class)
            .setParameter("path", path.isEmpty() ? Set.of("") : path)
            .setMaxResults(500);
    if (moduleId != null) {
      query.setParameter("m", moduleId);
    }
    List<ModuleItem> found = query.getResultList();
    Set<UUID> superseded = new HashSet<>();
    for (ModuleItem i : found) {
      if (i.getOriginId() != null && path.contains(i.getTenantId())) {
        superseded.add(i.getOriginId());
      }
    }
    var views = new ArrayList<View>();
    Set<UUID> taken = taken(caller, found);
    for (ModuleItem i : found) {
      if (superseded.contains(i.getId())) {
        continue;
      }
      if (i.getOriginId() != null && !path.contains(i.getTenantId())) {
        continue;
      }
      if (modules.find(i.getModule()).isEmpty()) {
        continue;
      }
      views.add(new View(i, toSdk(i), false, taken.contains(i.getId())));
    }
    return views;
  }

  /**
   * One item, for its admins and for its audience (published only).
   *
   * @return the item, with what the caller may do
   */
  @Transactional
  public View find(Caller caller, String tenantCode, String moduleId, UUID id) {
    module(moduleId);
    ModuleItem item = load(id);
    if (!item.getTenantId().equals(tenantCode) || !item.getModule().equals(moduleId)) {
      throw new NotVisibleException("item");
    }
    boolean manage = administers(caller, item.getTenantId());
    if (!manage && !inAudience(caller, item)) {
      throw new NotVisibleException("item");
    }
    return new View(item, toSdk(item), manage, !taken(caller, List.of(item)).isEmpty());
  }

  /**
   * The item as the action and results use cases need it: loaded in the platform's scope, then
   * checked against the caller. Not a use case on its own.
   *
   * @return the item; {@link NotVisibleException} when the caller is not in its audience and does
   *     not administer it
   */
  ModuleItem visibleTo(Caller caller, String tenantCode, String moduleId, UUID id) {
    ModuleItem item = load(id);
    if (!item.getTenantId().equals(tenantCode) || !item.getModule().equals(moduleId)) {
      throw new NotVisibleException("item");
    }
    if (!administers(caller, item.getTenantId()) && !inAudience(caller, item)) {
      throw new NotVisibleException("item");
    }
    return item;
  }

  private ModuleItem load(UUID id) {
    scope.limitTo(Set.of(TenantScope.ALL), null);
    ModuleItem item = em.find(ModuleItem.class, id);
    if (item == null || modules.find(item.getModule()).isEmpty()) {
      throw new NotVisibleException("item");
    }
    return item;
  }

  /**
   * @return whether the caller is in the item's audience (a published item only)
   */
  boolean inAudience(Caller caller, ModuleItem item) {
    if (ItemState.DRAFT.name().equals(item.getState())) {
      return false;
    }
    if (Audience.AUTHENTICATED.name().equals(item.getAudience())) {
      return true;
    }
    Set<String> path = path(caller);
    if (!path.contains(item.getTenantId())) {
      return false;
    }
    if (item.getOriginId() == null) {
      // The original of a pushed item is for members of unions on the path without a copy.
      Long copiesOnPath =
          em.createQuery(
                  "select count(i) from ModuleItem i where i.originId = :o and i.tenantId in :path",
                  Long.class)
              .setParameter("o", item.getId())
              .setParameter("path", path)
              .getSingleResult();
      return copiesOnPath == 0;
    }
    return true;
  }

  /**
   * @return whether the caller administers the union (an admin of it or of an ancestor, or a
   *     platform admin)
   */
  boolean administers(Caller caller, String tenantCode) {
    if (caller.hasRole(Role.PLATFORM_ADMIN)) {
      return true;
    }
    return caller.hasRole(Role.TENANT_ADMIN)
        && visibility.requestScope(caller).contains(tenantCode);
  }

  /**
   * @return the caller's unions and every union above them
   */
  Set<String> path(Caller caller) {
    var path = new LinkedHashSet<String>();
    for (String code : caller.tenants()) {
      String at = code;
      while (at != null && path.add(at)) {
        at = tenants.find(at).map(TenantView::parentCode).orElse(null);
      }
    }
    return path;
  }

  private Set<UUID> taken(Caller caller, List<ModuleItem> items) {
    if (items.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        em.createQuery(
                "select p.targetId from Participation p where p.member = :me"
                    + " and p.targetId in :ids",
                UUID.class)
            .setParameter("me", caller.username())
            .setParameter("ids", items.stream().map(ModuleItem::getId).toList())
            .getResultList());
  }

  boolean hasActions(ModuleItem item) {
    return !em.createQuery("select a.id from StoredAction a where a.targetId = :t", UUID.class)
        .setParameter("t", item.getId())
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  private ModuleItem managed(Caller caller, String tenantCode, String moduleId, UUID id) {
    module(moduleId);
    manageable(caller, tenantCode);
    scope.limitTo(Set.of(tenantCode), null);
    ModuleItem item = em.find(ModuleItem.class, id);
    if (item == null
        || !item.getModule().equals(moduleId)
        || !item.getTenantId().equals(tenantCode)) {
      throw new NotVisibleException("item");
    }
    mayCreate(caller, kind(item));
    return item;
  }

  private TenantView manageable(Caller caller, String tenantCode) {
    TenantView tenant =
        tenants.find(tenantCode).orElseThrow(() -> new NotVisibleException("tenant"));
    if (caller.hasRole(Role.PLATFORM_ADMIN)) {
      return tenant;
    }
    if (!visibility.requestScope(caller).contains(tenant.code())) {
      throw new NotVisibleException("tenant");
    }
    if (!caller.hasRole(Role.TENANT_ADMIN)) {
      throw new NotAllowedException(ProblemText.of("item.only-the-union-s-admins-manage"));
    }
    return tenant;
  }

  private static void mayCreate(Caller caller, ItemKind kind) {
    if (caller.hasRole(Role.PLATFORM_ADMIN)) {
      return;
    }
    if (kind.createdBy().stream().noneMatch(caller::hasRole)) {
      throw new NotAllowedException(ProblemText.of("item.your-role-does-not-manage-items"));
    }
  }

  ServiceModuleFactory module(String moduleId) {
    return modules.find(moduleId).orElseThrow(() -> new NotVisibleException("module"));
  }

  ItemKind kind(ModuleItem item) {
    return module(item.getModule())
        .descriptor()
        .itemKind(item.getKind())
        .orElseThrow(() -> new NotVisibleException("item"));
  }

  private List<FieldError> publishProblems(ModuleItem item) {
    var problems = new ArrayList<FieldError>();
    ServiceModuleFactory module = module(item.getModule());
    for (FieldProblem p : hooks.checkItem(module, toSdk(item))) {
      problems.add(
          new FieldError(p.field(), p.code(), p.message().zh() + " (" + p.message().en() + ")"));
    }
    return problems;
  }

  private static void refuseIfProblems(List<FieldError> problems) {
    if (!problems.isEmpty()) {
      throw new SubmissionRefusedException(problems);
    }
  }

  private static void checkVersion(ModuleItem item, Integer ifMatch) {
    if (ifMatch != null && ifMatch != item.getVersion()) {
      throw conflict(item, ProblemText.of("item.someone-else-changed-the-item-first"));
    }
  }

  private static RequestConflictException conflict(ModuleItem item, ProblemText message) {
    return new RequestConflictException(message, item.getState(), item.getVersion());
  }

  /**
   * Reads the whole definition and checks it with the platform's {@link ItemDecisions} (as the test
   * kit does); every problem at once, nothing changed on one.
   */
  private void define(ModuleItem item, ItemKind kind, JsonObject body, boolean acted) {
    var problems = new ArrayList<FieldError>();
    List<FormField> questions = List.of();
    if (body.get("questions") instanceof JsonArray array) {
      questions = QuestionJson.read(array, "questions", problems);
    } else if (body.containsKey("questions") && body.get("questions") != JsonValue.NULL) {
      problems.add(
          new FieldError("questions", "NOT_A_LIST", ProblemText.of("common.must-be-a-list")));
    }
    Instant opensAt = instant(body, "opensAt", problems);
    Instant closesAt = instant(body, "closesAt", problems);
    Audience audience = choice(body, "audience", Audience.class, problems);
    ResultsVisibility results =
        choice(body, "resultsVisibility", ResultsVisibility.class, problems);
    boolean anonymous =
        body.containsKey("anonymous")
            ? body.get("anonymous") == JsonValue.TRUE
            : kind.anonymity() == Anonymity.ALWAYS;
    String title = string(body, "title");
    String description = string(body, "description");
    var draft =
        new ItemDraft(
            title == null ? null : title.strip(),
            description == null || description.isBlank() ? null : description.strip(),
            Map.of(),
            questions,
            opensAt,
            closesAt,
            audience,
            anonymous,
            results);
    var known = new HashSet<String>();
    problems.forEach(p -> known.add(p.field()));
    ItemDecisions.check(kind, draft).stream()
        .filter(p -> !known.contains(p.field()))
        .forEach(problems::add);
    if (!ItemState.DRAFT.name().equals(item.getState())) {
      ItemDecisions.editProblems(toSdk(item), draft, acted ? 1 : 0).stream()
          .filter(p -> !known.contains(p.field()))
          .forEach(problems::add);
    }
    refuseIfProblems(problems);
    item.define(
        draft.title(),
        draft.description(),
        "{}",
        QuestionJson.write(questions).toString(),
        opensAt,
        closesAt,
        ItemDecisions.audience(kind, draft).name(),
        anonymous,
        ItemDecisions.resultsVisibility(draft).name(),
        clock.instant());
  }

  private static String string(JsonObject body, String key) {
    return body.get(key) instanceof JsonString s ? s.getString() : null;
  }

  private static <E extends Enum<E>> E choice(
      JsonObject body, String key, Class<E> type, List<FieldError> problems) {
    String value = string(body, key);
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      problems.add(
          new FieldError(
              key,
              "NOT_ALLOWED",
              ProblemText.of("item.one-of", java.util.Arrays.toString(type.getEnumConstants()))));
      return null;
    }
  }

  /** An instant, or a local date-time (China Standard Time) such as {@code 2026-12-08T09:00}. */
  private static Instant instant(JsonObject body, String key, List<FieldError> problems) {
    String value = string(body, key);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(value).atZone(PlatformProducers.ZONE).toInstant();
      } catch (DateTimeParseException e2) {
        problems.add(
            new FieldError(key, "INVALID_TIME", ProblemText.of("item.a-time-such-as-2026-12")));
        return null;
      }
    }
  }

  /**
   * @param item a stored item
   * @return the item as module code sees it
   */
  public static Item toSdk(ModuleItem item) {
    return new Item(
        item.getId().toString(),
        item.getModule(),
        item.getKind(),
        item.getTenantId(),
        item.getTitle(),
        item.getDescription(),
        Map.of(),
        QuestionJson.read(item.getQuestions()),
        item.getOpensAt(),
        item.getClosesAt(),
        Audience.valueOf(item.getAudience()),
        item.isAnonymous(),
        ResultsVisibility.valueOf(item.getResultsVisibility()),
        ItemState.valueOf(item.getState()),
        item.getOriginId() == null ? null : item.getOriginId().toString(),
        item.getCreatedBy(),
        item.getVersion());
  }

  /**
   * @param item an item
   * @return its phase now
   */
  public Phase phase(ModuleItem item) {
    return toSdk(item).phase(clock.instant());
  }

  /**
   * @return the tenants a caller's union path names, for the service hall
   */
  public Optional<TenantView> tenant(String code) {
    return tenants.find(code);
  }
}
