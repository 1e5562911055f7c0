package org.unionhub.tenant.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.unionhub.platform.tenancy.TenantLevel.DISTRICT;
import static org.unionhub.platform.tenancy.TenantLevel.GRASSROOTS;
import static org.unionhub.platform.tenancy.TenantLevel.INDUSTRY;
import static org.unionhub.platform.tenancy.TenantLevel.MUNICIPAL;
import static org.unionhub.platform.tenancy.TenantLevel.NATIONAL;
import static org.unionhub.platform.tenancy.TenantLevel.PROVINCIAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantAdministration.NewTenant;
import org.unionhub.platform.tenancy.TenantAdministration.TenantChange;
import org.unionhub.platform.tenancy.TenantLevel;
import org.unionhub.platform.tenancy.TenantView;

class TenantRulesTest {

  /** The demo tree, plus an industry union with an industry union and a company below it. */
  private static final List<TenantView> DEMO =
      List.of(
          t("acftu", NATIONAL, null),
          t("gd", PROVINCIAL, "acftu"),
          t("zj", PROVINCIAL, "acftu"),
          t("gd-sz", MUNICIPAL, "gd"),
          t("zj-hz", MUNICIPAL, "zj"),
          t("gd-sz-ft", DISTRICT, "gd-sz"),
          t("gd-sz-ns", DISTRICT, "gd-sz"),
          t("gd-sz-ft-001", GRASSROOTS, "gd-sz-ft"),
          t("gd-sz-ns-001", GRASSROOTS, "gd-sz-ns"),
          t("zj-hz-001", GRASSROOTS, "zj-hz"),
          t("gd-sz-edu", INDUSTRY, "gd-sz"),
          t("gd-sz-edu-hs", INDUSTRY, "gd-sz-edu"),
          t("gd-sz-edu-hs-001", GRASSROOTS, "gd-sz-edu-hs"));

  private static final TenantTree TREE = TenantTree.of(DEMO);

  private static TenantView t(String code, TenantLevel level, String parent) {
    return new TenantView(code, code + " 工会", level, parent, true);
  }

  private static TenantTree with(TenantView... replaced) {
    var rows = new ArrayList<>(DEMO);
    for (TenantView r : replaced) {
      rows.removeIf(x -> x.code().equals(r.code()));
      rows.add(r);
    }
    return TenantTree.of(rows);
  }

  private static TenantView inactive(String code) {
    TenantView v = TREE.find(code).orElseThrow();
    return new TenantView(v.code(), v.name(), v.level(), v.parentCode(), false);
  }

  private static Caller admin(String... tenants) {
    return Caller.of("admin", Set.of("tenant-admin"), Set.of(tenants));
  }

  private static final Caller PLATFORM = Caller.of("root", Set.of("platform-admin"), Set.of());

  private static List<String> codes(List<FieldError> problems) {
    return problems.stream().map(p -> p.field() + ":" + p.code()).toList();
  }

  @Nested
  class Levels {

    @Test
    void regionalLevelsGoDownButMaySkipALevel() {
      assertThat(NATIONAL.mayContain(PROVINCIAL)).isTrue();
      assertThat(MUNICIPAL.mayContain(DISTRICT)).isTrue();
      assertThat(MUNICIPAL.mayContain(GRASSROOTS)).isTrue();
      assertThat(PROVINCIAL.mayContain(DISTRICT)).isTrue();
    }

    @Test
    void aChildIsNeverAtOrAboveItsParentsLevel() {
      assertThat(DISTRICT.mayContain(DISTRICT)).isFalse();
      assertThat(DISTRICT.mayContain(MUNICIPAL)).isFalse();
      assertThat(PROVINCIAL.mayContain(NATIONAL)).isFalse();
    }

    @Test
    void grassrootsUnionsHaveNothingBelowThem() {
      for (TenantLevel child : TenantLevel.values()) {
        assertThat(GRASSROOTS.mayContain(child)).as(child.name()).isFalse();
      }
      assertThat(GRASSROOTS.mayHaveChildren()).isFalse();
      assertThat(DISTRICT.mayHaveChildren()).isTrue();
    }

    @Test
    void theNationalFederationIsNeverAChild() {
      for (TenantLevel parent : TenantLevel.values()) {
        assertThat(parent.mayContain(NATIONAL)).as(parent.name()).isFalse();
      }
    }

    @Test
    void industryUnionsStandBesideTheRegionalTree() {
      assertThat(NATIONAL.mayContain(INDUSTRY)).isTrue();
      assertThat(MUNICIPAL.mayContain(INDUSTRY)).isTrue();
      assertThat(DISTRICT.mayContain(INDUSTRY)).isTrue();
      assertThat(INDUSTRY.mayContain(INDUSTRY)).isTrue();
      assertThat(INDUSTRY.mayContain(GRASSROOTS)).isTrue();
      assertThat(INDUSTRY.mayContain(DISTRICT)).isFalse();
      assertThat(INDUSTRY.mayContain(MUNICIPAL)).isFalse();
    }
  }

  @Nested
  class Create {

    @Test
    void aGrassrootsUnionUnderADistrictIsAccepted() {
      assertThat(
              TenantRules.checkCreate(
                  TREE, new NewTenant("gd-sz-ns-002", "深圳市南山区某公司工会", "grassroots", "gd-sz-ns")))
          .isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
      var problems = TenantRules.checkCreate(TREE, new NewTenant("X1", " ", "county", null));
      assertThat(codes(problems))
          .containsExactly(
              "code:INVALID_CODE", "name:REQUIRED", "level:UNKNOWN_LEVEL", "parent:REQUIRED");
      assertThat(problems).allSatisfy(p -> assertThat(p.message()).isNotBlank());
    }

    @Test
    void codesFollowThePatternAndAreUnique() {
      for (String bad :
          List.of("a", "1abc", "abc_def", "Abc", "abc def", "a" + "b".repeat(64), "中文")) {
        assertThat(
                codes(
                    TenantRules.checkCreate(
                        TREE, new NewTenant(bad, "名称", "grassroots", "gd-sz-ns"))))
            .as(bad)
            .containsExactly("code:INVALID_CODE");
      }
      assertThat(
              codes(
                  TenantRules.checkCreate(
                      TREE, new NewTenant("gd-sz-ft-001", "名称", "grassroots", "gd-sz-ns"))))
          .containsExactly("code:CODE_TAKEN");
      assertThat(
              TenantRules.checkCreate(
                  TREE, new NewTenant("a" + "b".repeat(63), "名称", "grassroots", "gd-sz-ns")))
          .isEmpty();
    }

    @Test
    void namesAreRequiredAndBounded() {
      assertThat(
              codes(
                  TenantRules.checkCreate(
                      TREE, new NewTenant("x-1", "工".repeat(201), "grassroots", "gd-sz-ns"))))
          .containsExactly("name:TOO_LONG");
      assertThat(
              TenantRules.checkCreate(
                  TREE, new NewTenant("x-1", "工".repeat(200), "grassroots", "gd-sz-ns")))
          .isEmpty();
      assertThat(
              codes(
                  TenantRules.checkCreate(
                      TREE, new NewTenant("x-1", "工会\u0007", "grassroots", "gd-sz-ns"))))
          .containsExactly("name:INVALID_NAME");
    }

    @Test
    void aLevelAtOrAboveTheParentsIsRefusedOnTheLevelField() {
      var problems =
          TenantRules.checkCreate(TREE, new NewTenant("gd-sz-ns-x", "某区", "DISTRICT", "gd-sz-ns"));
      assertThat(codes(problems)).containsExactly("level:LEVEL_NOT_ALLOWED");
      assertThat(problems.get(0).message()).contains("区县级工会");
      assertThat(problems.get(0).message(java.util.Locale.ENGLISH)).contains("district");
      assertThat(
              codes(
                  TenantRules.checkCreate(
                      TREE, new NewTenant("x-1", "某公司分会", "grassroots", "gd-sz-ft-001"))))
          .containsExactly("level:LEVEL_NOT_ALLOWED");
      assertThat(
              codes(TenantRules.checkCreate(TREE, new NewTenant("x-1", "全总", "national", "acftu"))))
          .containsExactly("level:LEVEL_NOT_ALLOWED");
    }

    @Test
    void nothingIsCreatedUnderAnInactiveTenant() {
      assertThat(
              codes(
                  TenantRules.checkCreate(
                      with(inactive("gd-sz-ns")),
                      new NewTenant("x-1", "某公司工会", "grassroots", "gd-sz-ns"))))
          .containsExactly("parent:PARENT_INACTIVE");
    }
  }

  @Nested
  class Change {

    private final TenantView grassroots = TREE.find("gd-sz-ns-001").orElseThrow();

    @Test
    void renameAndMoveWithinTheLevelRules() {
      assertThat(
              TenantRules.checkChange(TREE, grassroots, new TenantChange("新名称", "gd-sz-ft", null)))
          .isEmpty();
      assertThat(TenantRules.checkChange(TREE, grassroots, new TenantChange(null, "gd-sz", null)))
          .isEmpty();
    }

    @Test
    void aMoveThatBreaksTheLevelRulesIsRefusedOnTheParentField() {
      TenantView district = TREE.find("gd-sz-ns").orElseThrow();
      assertThat(
              codes(
                  TenantRules.checkChange(
                      TREE, district, new TenantChange(null, "gd-sz-ft", null))))
          .containsExactly("parent:LEVEL_NOT_ALLOWED");
      assertThat(
              codes(
                  TenantRules.checkChange(
                      TREE, grassroots, new TenantChange(null, "gd-sz-ft-001", null))))
          .containsExactly("parent:LEVEL_NOT_ALLOWED");
    }

    @Test
    void aTenantNeverMovesUnderItselfOrItsDescendants() {
      TenantView edu = TREE.find("gd-sz-edu").orElseThrow();
      assertThat(
              codes(
                  TenantRules.checkChange(TREE, edu, new TenantChange(null, "gd-sz-edu-hs", null))))
          .containsExactly("parent:CYCLE");
      assertThat(
              codes(TenantRules.checkChange(TREE, edu, new TenantChange(null, "gd-sz-edu", null))))
          .containsExactly("parent:CYCLE");
      assertThat(TenantRules.checkChange(TREE, edu, new TenantChange(null, "gd-sz", null)))
          .isEmpty();
      TenantView hs = TREE.find("gd-sz-edu-hs").orElseThrow();
      assertThat(TenantRules.checkChange(TREE, hs, new TenantChange(null, "gd-sz-ft", null)))
          .isEmpty();
    }

    @Test
    void aTenantWithActiveChildrenIsNotDeactivated() {
      TenantView district = TREE.find("gd-sz-ns").orElseThrow();
      assertThat(
              codes(TenantRules.checkChange(TREE, district, new TenantChange(null, null, false))))
          .containsExactly("active:HAS_ACTIVE_CHILDREN");
      assertThat(
              TenantRules.checkChange(
                  with(inactive("gd-sz-ns-001")), district, new TenantChange(null, null, false)))
          .isEmpty();
      assertThat(TenantRules.checkChange(TREE, grassroots, new TenantChange(null, null, false)))
          .isEmpty();
    }

    @Test
    void anActiveTenantNeverSitsUnderAnInactiveOne() {
      TenantTree tree = with(inactive("gd-sz-ft"), inactive("gd-sz-ft-001"));
      assertThat(
              codes(
                  tree.find("gd-sz-ft-001")
                      .map(
                          t -> TenantRules.checkChange(tree, t, new TenantChange(null, null, true)))
                      .orElseThrow()))
          .containsExactly("active:PARENT_INACTIVE");
      assertThat(
              codes(
                  TenantRules.checkChange(
                      tree, grassroots, new TenantChange(null, "gd-sz-ft", null))))
          .containsExactly("parent:PARENT_INACTIVE");
      TenantView inactiveLeaf = tree.find("gd-sz-ft-001").orElseThrow();
      assertThat(
              TenantRules.checkChange(tree, inactiveLeaf, new TenantChange(null, "gd-sz-ns", true)))
          .isEmpty();
    }

    @Test
    void aBlankNameIsRefused() {
      assertThat(TenantRules.checkChange(TREE, grassroots, new TenantChange("  ", null, null)))
          .extracting(FieldError::field, FieldError::code)
          .containsExactly(tuple("name", "REQUIRED"));
    }
  }

  @Nested
  class Permissions {

    @Test
    void aTenantAdminChangesOnlyTenantsStrictlyBelowTheirOwn() {
      Caller sz = admin("gd-sz");
      assertThat(TenantRules.mayChange(sz, TREE, "gd-sz-ns")).isTrue();
      assertThat(TenantRules.mayChange(sz, TREE, "gd-sz-ns-001")).isTrue();
      assertThat(TenantRules.mayChange(sz, TREE, "gd-sz")).isFalse();
      assertThat(TenantRules.mayChange(sz, TREE, "gd")).isFalse();
      assertThat(TenantRules.mayChange(sz, TREE, "zj-hz-001")).isFalse();
      assertThat(TenantRules.mayChange(sz, TREE, "nope")).isFalse();
    }

    @Test
    void aTenantAdminCreatesInTheirOwnUnionsAndBelowOnly() {
      Caller sz = admin("gd-sz");
      assertThat(TenantRules.mayCreateUnder(sz, TREE, "gd-sz")).isTrue();
      assertThat(TenantRules.mayCreateUnder(sz, TREE, "gd-sz-ns")).isTrue();
      assertThat(TenantRules.mayCreateUnder(sz, TREE, "gd")).isFalse();
      Caller ft = admin("gd-sz-ft");
      assertThat(TenantRules.mayCreateUnder(ft, TREE, "gd-sz-ns")).isFalse();
      assertThat(TenantRules.mayCreateUnder(ft, TREE, "gd-sz-ft")).isTrue();
    }

    @Test
    void theAdminScopeIsTheOwnUnionsSubtrees() {
      assertThat(TenantRules.adminScope(admin("gd-sz-ft", "zj-hz"), TREE))
          .containsExactlyInAnyOrder("gd-sz-ft", "gd-sz-ft-001", "zj-hz", "zj-hz-001");
      assertThat(TenantRules.adminScope(PLATFORM, TREE)).hasSize(DEMO.size());
    }

    @Test
    void staffAndWorkersAdministerNothing() {
      Caller staff = Caller.of("ft-staff", Set.of("staff"), Set.of("gd-sz-ft"));
      Caller worker = Caller.of("worker1", Set.of(), Set.of());
      for (Caller c : List.of(staff, worker)) {
        assertThat(TenantRules.isAdmin(c)).isFalse();
        assertThat(TenantRules.adminScope(c, TREE)).isEmpty();
        assertThat(TenantRules.mayChange(c, TREE, "gd-sz-ft-001")).isFalse();
        assertThat(TenantRules.mayCreateUnder(c, TREE, "gd-sz-ft")).isFalse();
      }
    }

    @Test
    void aPlatformAdminMayDoAnythingToExistingTenants() {
      assertThat(TenantRules.mayChange(PLATFORM, TREE, "acftu")).isTrue();
      assertThat(TenantRules.mayCreateUnder(PLATFORM, TREE, "zj")).isTrue();
      assertThat(TenantRules.mayCreateUnder(PLATFORM, TREE, "nope")).isFalse();
    }
  }

  @Nested
  class CreditCode {

    private static final String XINGHE = "91440300192185379H";

    private final TenantView ft001 =
        new TenantView("gd-sz-ft-001", "星河科技工会", GRASSROOTS, "gd-sz-ft", true, XINGHE);

    @Test
    void aGrassrootsUnionRecordsAValidCodeOnceAmongActiveTenants() {
      assertThat(
              TenantRules.checkCreate(
                  TREE, new NewTenant("gd-sz-ns-002", "某公司工会", "grassroots", "gd-sz-ns", XINGHE)))
          .isEmpty();
      assertThat(
              codes(
                  TenantRules.checkCreate(
                      with(ft001),
                      new NewTenant("gd-sz-ns-002", "某公司工会", "grassroots", "gd-sz-ns", XINGHE))))
          .containsExactly("creditCode:CREDIT_CODE_TAKEN");
      assertThat(
              TenantRules.checkChange(
                  with(ft001), ft001, new TenantChange(null, null, null, XINGHE.toLowerCase())))
          .as("its own code again")
          .isEmpty();
    }

    @Test
    void aWrongCheckCharacterOrANonGrassrootsUnionIsRefusedOnTheField() {
      String wrongCheck = XINGHE.substring(0, 17) + "J";
      assertThat(
              codes(
                  TenantRules.checkCreate(
                      TREE,
                      new NewTenant(
                          "gd-sz-ns-002", "某公司工会", "grassroots", "gd-sz-ns", wrongCheck))))
          .containsExactly("creditCode:INVALID_CREDIT_CODE");
      assertThat(
              codes(
                  TenantRules.checkChange(
                      TREE,
                      TREE.find("gd-sz-ns").orElseThrow(),
                      new TenantChange(null, null, null, XINGHE))))
          .containsExactly("creditCode:NOT_GRASSROOTS");
    }

    @Test
    void aDeactivatedUnionFreesItsCodeAndCannotComeBackWhileAnotherHoldsIt() {
      var old = new TenantView("gd-sz-ns-001", "旧工会", GRASSROOTS, "gd-sz-ns", false, XINGHE);
      var tree = with(ft001, old);
      assertThat(TenantRules.checkChange(tree, ft001, new TenantChange("新名称", null, null)))
          .isEmpty();
      assertThat(codes(TenantRules.checkChange(tree, old, new TenantChange(null, null, true))))
          .containsExactly("creditCode:CREDIT_CODE_TAKEN");
      assertThat(TenantRules.checkChange(tree, old, new TenantChange(null, null, true, "")))
          .as("reactivated without the code")
          .isEmpty();
    }
  }
}
