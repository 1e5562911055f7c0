package org.unionhub.tenant.admin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.unionhub.platform.tenancy.TenantView;

/** An immutable snapshot of the tenant tree that the rules are checked against. */
public final class TenantTree {

  private final Map<String, TenantView> byCode;
  private final Map<String, List<String>> children;

  private TenantTree(Map<String, TenantView> byCode, Map<String, List<String>> children) {
    this.byCode = byCode;
    this.children = children;
  }

  /**
   * @param tenants every tenant
   * @return the tree they form
   */
  public static TenantTree of(Collection<TenantView> tenants) {
    var byCode = new HashMap<String, TenantView>();
    var children = new HashMap<String, List<String>>();
    for (TenantView t : tenants) {
      byCode.put(t.code(), t);
      if (t.parentCode() != null) {
        children.computeIfAbsent(t.parentCode(), k -> new ArrayList<>()).add(t.code());
      }
    }
    children.values().forEach(list -> list.sort(String::compareTo));
    return new TenantTree(Map.copyOf(byCode), Map.copyOf(children));
  }

  /**
   * @param code a tenant code, may be null
   * @return the tenant, empty when there is none
   */
  public Optional<TenantView> find(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
  }

  /**
   * @param code a tenant code
   * @return its children, by code
   */
  public List<TenantView> children(String code) {
    return children.getOrDefault(code, List.of()).stream().map(byCode::get).toList();
  }

  /**
   * @param code a tenant code
   * @return the codes of the tenant and every tenant below it; empty when unknown
   */
  public Set<String> subtree(String code) {
    if (!byCode.containsKey(code)) {
      return Set.of();
    }
    var result = new LinkedHashSet<String>();
    var todo = new ArrayDeque<String>();
    todo.add(code);
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (result.add(next)) {
        todo.addAll(children.getOrDefault(next, List.of()));
      }
    }
    return result;
  }

  /**
   * @param code a tenant code
   * @return the tenant's ancestors, its parent first; empty for the root or an unknown code
   */
  public List<TenantView> ancestors(String code) {
    var result = new ArrayList<TenantView>();
    var seen = new LinkedHashSet<String>();
    TenantView t = byCode.get(code);
    while (t != null && t.parentCode() != null && seen.add(t.parentCode())) {
      t = byCode.get(t.parentCode());
      if (t != null) {
        result.add(t);
      }
    }
    return result;
  }

  /**
   * @param ancestor a tenant code
   * @param code another tenant code
   * @return whether {@code ancestor} is above {@code code} (not the tenant itself)
   */
  public boolean isStrictAncestor(String ancestor, String code) {
    return ancestors(code).stream().anyMatch(a -> a.code().equals(ancestor));
  }

  /**
   * @return every code in the tree
   */
  public Set<String> codes() {
    return byCode.keySet();
  }
}
