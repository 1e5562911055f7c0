package org.unionhub.tenant.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.unionhub.platform.audit.AuditTrail;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantAdministration;
import org.unionhub.platform.tenancy.TenantChangeRefusedException;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.tenant.Tenant;
import org.unionhub.tenant.TenantActivityChanged;
import org.unionhub.tenant.TenantTreeChanged;
import org.unionhub.tenant.TenantTreeVersion;
import org.unionhub.tenant.groups.GroupSyncService;

/**
 * Tenant administration. Each change runs in one transaction that first locks the tree-version row
 * (so changes to the tree happen one at a time and are checked against the tree as committed, not
 * against a node's cached copy), checks {@link TenantRules}, writes the tenant, its audit record
 * and its Keycloak outbox row, and increments the tree version. The directory reloads after the
 * commit.
 *
 * <p>Answers never leak: a tenant the caller may not see answers exactly as one that does not exist
 * (404), and callers who administer nothing are refused before anything is looked up (403).
 */
@ApplicationScoped
public class TenantAdminService implements TenantAdministration {

  /** The audit subject of tenant changes. */
  public static final String SUBJECT = "tenant";

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Inject AuditTrail audit;
  @Inject GroupSyncService groupSync;
  @Inject TenantDirectory directory;
  @Inject Event<TenantTreeChanged> treeChanged;
  @Inject Event<TenantActivityChanged> activityChanged;

  @Override
  @Transactional
  public TenantView create(Caller caller, NewTenant request) {
    requireAdmin(caller);
    TenantVersioned locked = lockTree();
    TenantTree tree = locked.tree();
    String parent = strip(request.parent());
    if (parent != null && !TenantRules.mayCreateUnder(caller, tree, parent)) {
      throw new NotVisibleException("parent tenant");
    }
    var normalized =
        new NewTenant(
            strip(request.code()),
            strip(request.name()),
            request.level(),
            parent,
            TenantRules.normalizeCreditCode(strip(request.creditCode())));
    List<FieldError> problems = TenantRules.checkCreate(tree, normalized);
    if (!problems.isEmpty()) {
      throw new TenantChangeRefusedException(problems);
    }
    var tenant =
        new Tenant(
            normalized.code(),
            normalized.name(),
            TenantRules.level(normalized.level()),
            normalized.parent());
    tenant.setCreditCode(normalized.creditCode());
    em.persist(tenant);
    TenantView after = tenant.view();
    audit.record(caller.username(), after.code(), SUBJECT, "create", null, json(after));
    publish(locked, after.code());
    return after;
  }

  @Override
  @Transactional
  public TenantView change(Caller caller, String code, TenantChange change) {
    requireAdmin(caller);
    TenantVersioned locked = lockTree();
    TenantTree tree = locked.tree();
    Set<String> scope = TenantRules.adminScope(caller, tree);
    if (code == null || !scope.contains(code)) {
      throw new NotVisibleException("tenant");
    }
    if (!TenantRules.mayChange(caller, tree, code)) {
      throw new NotAllowedException(ProblemText.of("admin.only-admins-of-a-union-above"));
    }
    TenantView before = tree.find(code).orElseThrow();
    String newParent = strip(change.parent());
    boolean moves = newParent != null && !newParent.equals(before.parentCode());
    if (moves && !TenantRules.mayCreateUnder(caller, tree, newParent)) {
      throw new NotVisibleException("parent tenant");
    }
    var normalized =
        new TenantChange(change.name(), newParent, change.active(), change.creditCode());
    List<FieldError> problems = TenantRules.checkChange(tree, before, normalized);
    if (!problems.isEmpty()) {
      throw new TenantChangeRefusedException(problems);
    }
    Tenant tenant = em.find(Tenant.class, code);
    var actions = new ArrayList<String>();
    String name = strip(change.name());
    if (name != null && !name.equals(before.name())) {
      tenant.rename(name);
      actions.add("rename");
    }
    if (moves) {
      tenant.moveTo(newParent);
      actions.add("move");
    }
    if (change.creditCode() != null) {
      String newCode =
          change.creditCode().isBlank()
              ? null
              : TenantRules.normalizeCreditCode(change.creditCode());
      if (!java.util.Objects.equals(newCode, before.creditCode())) {
        tenant.setCreditCode(newCode);
        actions.add("credit-code");
      }
    }
    if (change.active() != null && change.active() != before.active()) {
      tenant.setActive(change.active());
      actions.add(change.active() ? "reactivate" : "deactivate");
      activityChanged.fire(new TenantActivityChanged(code, change.active()));
    }
    if (actions.isEmpty()) {
      return before;
    }
    TenantView after = tenant.view();
    audit.record(
        caller.username(), code, SUBJECT, String.join(",", actions), json(before), json(after));
    publish(locked, code);
    return after;
  }

  @Override
  public List<AdminView> adminTree(Caller caller) {
    List<TenantView> all = directory.all();
    TenantTree tree = TenantTree.of(all);
    Set<String> scope = TenantRules.adminScope(caller, tree);
    return all.stream()
        .filter(t -> scope.contains(t.code()))
        .map(
            t ->
                new AdminView(
                    t,
                    TenantRules.mayChange(caller, tree, t.code()),
                    TenantRules.mayCreateUnder(caller, tree, t.code())))
        .toList();
  }

  private record TenantVersioned(TenantTree tree, TenantTreeVersion version) {}

  private static void requireAdmin(Caller caller) {
    if (!TenantRules.isAdmin(caller)) {
      throw new NotAllowedException(
          ProblemText.of("admin.only-tenant-and-platform-admins-administer"));
    }
  }

  /** Locks the version row, then reads the tree as committed: changes go one at a time. */
  private TenantVersioned lockTree() {
    TenantTreeVersion version =
        em.find(TenantTreeVersion.class, TenantTreeVersion.ID, LockModeType.PESSIMISTIC_WRITE);
    if (version == null) {
      throw new IllegalStateException("tenant_tree_version has no row; is the schema migrated?");
    }
    List<TenantView> rows =
        em.createQuery("select t from Tenant t", Tenant.class).getResultList().stream()
            .map(Tenant::view)
            .toList();
    return new TenantVersioned(TenantTree.of(rows), version);
  }

  private void publish(TenantVersioned locked, String code) {
    groupSync.enqueue(code);
    locked.version().increment();
    treeChanged.fire(new TenantTreeChanged(locked.version().getVersion()));
  }

  static String json(TenantView t) {
    var builder =
        Json.createObjectBuilder()
            .add("code", t.code())
            .add("name", t.name())
            .add("level", t.level().name().toLowerCase(Locale.ROOT));
    if (t.parentCode() == null) {
      builder.addNull("parent");
    } else {
      builder.add("parent", t.parentCode());
    }
    if (t.creditCode() != null) {
      builder.add("creditCode", t.creditCode());
    }
    return builder.add("active", t.active()).build().toString();
  }

  private static String strip(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
