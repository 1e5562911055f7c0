package org.unionhub.tenant.groups;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionhub.platform.tenancy.TenantView;

/**
 * Makes the group tree match the tenant tree for one tenant and its ancestors: each one a group
 * named by its code, at the path of its place in the tree, with attributes {@code tenantCode},
 * {@code tenantName} and {@code active}. Groups are found by their {@code tenantCode} attribute, so
 * the result depends only on the tenants' current state, not on which changes were missed or
 * repeated: running it twice, or after a failure half-way, does no harm.
 */
public final class GroupReconciler {

  /** The attribute that ties a group to its tenant. */
  public static final String TENANT_CODE = "tenantCode";

  /** The union's name: the group itself is named by the code, which tokens carry. */
  public static final String TENANT_NAME = "tenantName";

  /** {@code true} or {@code false}. */
  public static final String ACTIVE = "active";

  private GroupReconciler() {}

  /**
   * @param chain the tenant and its ancestors, root first
   * @param groups the group tree
   * @return how many groups were created, moved or changed
   */
  public static int reconcile(List<TenantView> chain, GroupDirectory groups) {
    int changes = 0;
    String parentId = null;
    String parentPath = "";
    for (TenantView tenant : chain) {
      String path = parentPath + "/" + tenant.code();
      Map<String, String> wanted = attributes(tenant);
      var found = groups.findByTenant(tenant.code());
      String id;
      if (found.isEmpty()) {
        id = groups.create(parentId, tenant.code(), wanted).id();
        changes++;
      } else {
        id = found.get().id();
        if (!found.get().path().equals(path)) {
          groups.move(id, parentId);
          changes++;
        }
        if (!found.get().attributes().entrySet().containsAll(wanted.entrySet())) {
          groups.setAttributes(id, wanted);
          changes++;
        }
      }
      parentId = id;
      parentPath = path;
    }
    return changes;
  }

  static Map<String, String> attributes(TenantView tenant) {
    var attributes = new LinkedHashMap<String, String>();
    attributes.put(TENANT_CODE, tenant.code());
    attributes.put(TENANT_NAME, tenant.name());
    attributes.put(ACTIVE, Boolean.toString(tenant.active()));
    return attributes;
  }
}
