package org.unionhub.tenant.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.tenancy.TenantLevel;
import org.unionhub.platform.tenancy.TenantView;

class GroupReconcilerTest {

  private static final TenantView ACFTU =
      new TenantView("acftu", "中华全国总工会", TenantLevel.NATIONAL, null, true);
  private static final TenantView GD =
      new TenantView("gd", "广东省总工会", TenantLevel.PROVINCIAL, "acftu", true);
  private static final TenantView SZ =
      new TenantView("gd-sz", "深圳市总工会", TenantLevel.MUNICIPAL, "gd", true);
  private static final TenantView NS =
      new TenantView("gd-sz-ns", "南山区总工会", TenantLevel.DISTRICT, "gd-sz", true);
  private static final TenantView FT =
      new TenantView("gd-sz-ft", "福田区总工会", TenantLevel.DISTRICT, "gd-sz", true);

  private InMemoryGroups groups;

  /** The groups the demo realm import creates: code attribute only. */
  @BeforeEach
  void realmAsImported() {
    groups = new InMemoryGroups();
    String acftu = groups.seed(null, "acftu");
    String gd = groups.seed(acftu, "gd");
    String sz = groups.seed(gd, "gd-sz");
    groups.seed(sz, "gd-sz-ns");
    groups.seed(sz, "gd-sz-ft");
  }

  @Test
  void aNewTenantGetsASubgroupUnderItsParentsGroupWithItsAttributes() {
    var created =
        new TenantView("gd-sz-ns-002", "蓝天公司工会", TenantLevel.GRASSROOTS, "gd-sz-ns", true);

    GroupReconciler.reconcile(List.of(ACFTU, GD, SZ, NS, created), groups);

    assertThat(groups.attributesAt("/acftu/gd/gd-sz/gd-sz-ns/gd-sz-ns-002"))
        .containsEntry("tenantCode", "gd-sz-ns-002")
        .containsEntry("tenantName", "蓝天公司工会")
        .containsEntry("active", "true");
    assertThat(groups.calls).contains("create /acftu/gd/gd-sz/gd-sz-ns/gd-sz-ns-002");
  }

  @Test
  void aSecondRunChangesNothing() {
    var created =
        new TenantView("gd-sz-ns-002", "蓝天公司工会", TenantLevel.GRASSROOTS, "gd-sz-ns", true);
    GroupReconciler.reconcile(List.of(ACFTU, GD, SZ, NS, created), groups);
    int size = groups.size();

    assertThat(GroupReconciler.reconcile(List.of(ACFTU, GD, SZ, NS, created), groups)).isZero();
    assertThat(groups.size()).isEqualTo(size);
  }

  @Test
  void renameMoveAndDeactivationAreMirroredOnTheSameGroup() {
    var created =
        new TenantView("gd-sz-ns-002", "蓝天公司工会", TenantLevel.GRASSROOTS, "gd-sz-ns", true);
    GroupReconciler.reconcile(List.of(ACFTU, GD, SZ, NS, created), groups);
    int size = groups.size();

    var changed =
        new TenantView("gd-sz-ns-002", "蓝天科技公司工会", TenantLevel.GRASSROOTS, "gd-sz-ft", false);
    GroupReconciler.reconcile(List.of(ACFTU, GD, SZ, FT, changed), groups);

    assertThat(groups.size()).isEqualTo(size);
    assertThat(groups.attributesAt("/acftu/gd/gd-sz/gd-sz-ns/gd-sz-ns-002")).isNull();
    assertThat(groups.attributesAt("/acftu/gd/gd-sz/gd-sz-ft/gd-sz-ns-002"))
        .containsEntry("tenantName", "蓝天科技公司工会")
        .containsEntry("active", "false");
  }

  @Test
  void missingAncestorsAreCreatedFirstAndExistingOnesKeepTheirGroups() {
    var city = new TenantView("gd-gz", "广州市总工会", TenantLevel.MUNICIPAL, "gd", true);
    var district = new TenantView("gd-gz-th", "天河区总工会", TenantLevel.DISTRICT, "gd-gz", true);

    GroupReconciler.reconcile(List.of(ACFTU, GD, city, district), groups);

    assertThat(groups.calls)
        .filteredOn(c -> c.startsWith("create"))
        .containsExactly("create /acftu/gd/gd-gz", "create /acftu/gd/gd-gz/gd-gz-th");
    assertThat(groups.attributesAt("/acftu/gd")).containsEntry("tenantName", "广东省总工会");
  }
}
