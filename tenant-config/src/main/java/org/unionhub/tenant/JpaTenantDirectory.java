package org.unionhub.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantView;

/**
 * The tenant tree, read from the database and served from memory. A change on this node marks the
 * copy stale when its transaction commits; changes made on other nodes are noticed by {@link
 * #refreshIfChanged()}, which compares the tree version in the database with the one loaded.
 */
@ApplicationScoped
public class JpaTenantDirectory implements TenantDirectory {

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  private volatile Tree tree;

  private record Tree(
      Map<String, TenantView> byCode,
      Map<String, List<String>> children,
      Map<String, TenantView> byCreditCode,
      long version) {}

  @Override
  public Optional<TenantView> find(String code) {
    return Optional.ofNullable(tree().byCode().get(code));
  }

  @Override
  public Optional<TenantView> findByCreditCode(String creditCode) {
    return creditCode == null
        ? Optional.empty()
        : Optional.ofNullable(tree().byCreditCode().get(creditCode));
  }

  @Override
  public List<TenantView> all() {
    return List.copyOf(tree().byCode().values());
  }

  @Override
  public Set<String> subtree(String code) {
    Tree t = tree();
    if (!t.byCode().containsKey(code)) {
      return Set.of();
    }
    var result = new HashSet<String>();
    var todo = new ArrayDeque<String>();
    todo.add(code);
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (result.add(next)) {
        todo.addAll(t.children().getOrDefault(next, List.of()));
      }
    }
    return Set.copyOf(result);
  }

  /** Re-reads the tree from the database. */
  public synchronized void reload() {
    // The version first: a change committed between the two reads makes the next check reload
    // again, never miss it.
    long version = currentVersion();
    var rows =
        em.createQuery("select t from Tenant t", Tenant.class).getResultList().stream()
            .map(Tenant::view)
            .toList();
    tree = build(rows, version);
  }

  /**
   * Reloads when the tree version in the database differs from the loaded one: one primary-key read
   * when nothing changed.
   *
   * @return whether it reloaded
   */
  public boolean refreshIfChanged() {
    Tree t = tree;
    if (t == null || t.version() != currentVersion()) {
      reload();
      return true;
    }
    return false;
  }

  /** After a tree change commits on this node, the next read loads the new tree. */
  synchronized void changed(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) TenantTreeChanged event) {
    Tree t = tree;
    if (t == null || t.version() < event.version()) {
      tree = null;
    }
  }

  private long currentVersion() {
    TenantTreeVersion v = em.find(TenantTreeVersion.class, TenantTreeVersion.ID);
    return v == null ? 0 : v.getVersion();
  }

  static Tree build(List<TenantView> rows, long version) {
    var byParent = new HashMap<String, List<TenantView>>();
    rows.forEach(r -> byParent.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(r));
    var ordered = new LinkedHashMap<String, TenantView>();
    var children = new HashMap<String, List<String>>();
    var todo = new ArrayDeque<TenantView>(byParent.getOrDefault(null, List.of()));
    while (!todo.isEmpty()) {
      TenantView t = todo.pop();
      ordered.put(t.code(), t);
      var kids = byParent.getOrDefault(t.code(), List.of());
      children.put(t.code(), kids.stream().map(TenantView::code).toList());
      kids.stream().sorted(Comparator.comparing(TenantView::code).reversed()).forEach(todo::push);
    }
    // Active tenants' credit codes are unique (an index and TenantRules see to it).
    var byCreditCode = new HashMap<String, TenantView>();
    rows.stream()
        .filter(r -> r.active() && r.creditCode() != null)
        .forEach(r -> byCreditCode.put(r.creditCode(), r));
    return new Tree(
        Collections.unmodifiableMap(ordered),
        Map.copyOf(children),
        Map.copyOf(byCreditCode),
        version);
  }

  private Tree tree() {
    Tree t = tree;
    if (t == null) {
      synchronized (this) {
        if (tree == null) {
          reload();
        }
        t = tree;
      }
    }
    return t;
  }
}
