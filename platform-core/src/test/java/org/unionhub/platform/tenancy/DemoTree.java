package org.unionhub.platform.tenancy;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The demo tenant tree in memory, for tests of code that needs a {@link TenantDirectory}. */
public final class DemoTree implements TenantDirectory {

  private final Map<String, TenantView> byCode = new LinkedHashMap<>();

  public DemoTree() {
    add("acftu", "中华全国总工会", TenantLevel.NATIONAL, null);
    add("gd", "广东省总工会", TenantLevel.PROVINCIAL, "acftu");
    add("zj", "浙江省总工会", TenantLevel.PROVINCIAL, "acftu");
    add("gd-sz", "深圳市总工会", TenantLevel.MUNICIPAL, "gd");
    add("zj-hz", "杭州市总工会", TenantLevel.MUNICIPAL, "zj");
    add("gd-sz-ft", "福田区总工会", TenantLevel.DISTRICT, "gd-sz");
    add("gd-sz-ns", "南山区总工会", TenantLevel.DISTRICT, "gd-sz");
    add("gd-sz-ns-001", "南山区某公司工会", TenantLevel.GRASSROOTS, "gd-sz-ns");
  }

  /** Adds a tenant, as an admin creating one while the platform runs would. */
  public void add(String code, String name, TenantLevel level, String parent) {
    byCode.put(code, new TenantView(code, name, level, parent, true));
  }

  /**
   * @return a {@link Visibility} that reads this tree
   */
  public Visibility visibility() {
    var visibility = new Visibility();
    visibility.directory = this;
    return visibility;
  }

  @Override
  public Optional<TenantView> find(String code) {
    return Optional.ofNullable(code == null ? null : byCode.get(code));
  }

  @Override
  public List<TenantView> all() {
    return List.copyOf(byCode.values());
  }

  @Override
  public Set<String> subtree(String code) {
    if (!byCode.containsKey(code)) {
      return Set.of();
    }
    var result = new HashSet<String>();
    var todo = new ArrayDeque<String>(List.of(code));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      result.add(next);
      byCode.values().stream()
          .filter(t -> next.equals(t.parentCode()))
          .forEach(t -> todo.add(t.code()));
    }
    return result;
  }
}
