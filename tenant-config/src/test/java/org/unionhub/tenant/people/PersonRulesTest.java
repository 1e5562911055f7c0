package org.unionhub.tenant.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.unionhub.platform.tenancy.TenantLevel.DISTRICT;
import static org.unionhub.platform.tenancy.TenantLevel.GRASSROOTS;
import static org.unionhub.platform.tenancy.TenantLevel.MUNICIPAL;
import static org.unionhub.platform.tenancy.TenantLevel.NATIONAL;
import static org.unionhub.platform.tenancy.TenantLevel.PROVINCIAL;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.people.PeopleAdministration.NewPerson;
import org.unionhub.platform.people.PeopleAdministration.PersonChange;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantLevel;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.tenant.admin.TenantTree;

class PersonRulesTest {

  private static final TenantTree TREE =
      TenantTree.of(
          List.of(
              t("acftu", NATIONAL, null),
              t("gd", PROVINCIAL, "acftu"),
              t("gd-sz", MUNICIPAL, "gd"),
              t("gd-sz-ft", DISTRICT, "gd-sz"),
              t("gd-sz-ns", DISTRICT, "gd-sz"),
              t("gd-sz-ns-001", GRASSROOTS, "gd-sz-ns")));

  private static final Caller PLATFORM =
      Caller.of("platform-admin", Set.of("platform-admin"), Set.of());
  private static final Caller CITY = Caller.of("sz-admin", Set.of("tenant-admin"), Set.of("gd-sz"));
  private static final Caller DISTRICT_ADMIN =
      Caller.of("ns-admin", Set.of("tenant-admin"), Set.of("gd-sz-ns"));
  private static final Caller STAFF = Caller.of("ns-staff", Set.of("staff"), Set.of("gd-sz-ns"));
  private static final Caller WORKER = Caller.of("worker1", Set.of(), Set.of());

  private static TenantView t(String code, TenantLevel level, String parent) {
    return new TenantView(code, code, level, parent, true);
  }

  private static NewPerson person(String username, String mobile, String... roles) {
    return new NewPerson(username, "李明", mobile, null, Set.of(roles));
  }

  private static Person existing(String username, String tenant, String... roles) {
    return new Person(tenant, username, "李明", null, null, Set.of(roles), "x", Instant.EPOCH);
  }

  private static List<String> codes(List<FieldError> problems) {
    return problems.stream().map(FieldError::code).toList();
  }

  @Test
  void aTenantAdminReachesTheirUnionAndEverythingBelowButNoSiblingOrAncestor() {
    assertThat(PersonRules.reach(CITY, TREE))
        .containsExactlyInAnyOrder("gd-sz", "gd-sz-ft", "gd-sz-ns", "gd-sz-ns-001");
    assertThat(PersonRules.reach(DISTRICT_ADMIN, TREE))
        .containsExactlyInAnyOrder("gd-sz-ns", "gd-sz-ns-001");
    assertThat(PersonRules.reach(PLATFORM, TREE)).contains("acftu", "gd-sz-ft");
    assertThat(PersonRules.reach(STAFF, TREE)).isEmpty();
    assertThat(PersonRules.reach(WORKER, TREE)).isEmpty();
  }

  @Test
  void staffAndWorkersGrantNothingAndAdminsAtMostTheirOwnRole() {
    assertThat(PersonRules.grantable(STAFF)).isEmpty();
    assertThat(PersonRules.grantable(WORKER)).isEmpty();
    assertThat(PersonRules.grantable(DISTRICT_ADMIN))
        .containsExactlyInAnyOrder("staff", "tenant-admin");
    assertThat(PersonRules.grantable(PLATFORM)).containsExactlyInAnyOrder("staff", "tenant-admin");
  }

  @Test
  void aRoleAboveOnesOwnIsRefused() {
    assertThat(PersonRules.checkNew(DISTRICT_ADMIN, person("li.ming", null, "platform-admin"), ""))
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("roles", "ROLE_ABOVE_OWN"));
    assertThat(
            codes(
                PersonRules.checkChange(
                    CITY,
                    existing("li.ming", "gd-sz-ns", "staff"),
                    new PersonChange(Set.of("platform-admin"), null, null, false))))
        .containsExactly("ROLE_ABOVE_OWN");
    assertThat(PersonRules.checkNew(PLATFORM, person("li.ming", null, "platform-admin"), ""))
        .as("platform admins are made in Keycloak only")
        .extracting(FieldError::code)
        .containsExactly("ROLE_ABOVE_OWN");
  }

  @Test
  void aValidAccountHasNoProblems() {
    assertThat(PersonRules.checkNew(DISTRICT_ADMIN, person("li.ming", "13800138000", "staff"), ""))
        .isEmpty();
    assertThat(PersonRules.checkNew(CITY, person("ns-admin2", null, "tenant-admin", "staff"), ""))
        .isEmpty();
  }

  @Test
  void everyProblemOfAnAccountIsReportedAtOnceWithItsRowPrefix() {
    var bad = new NewPerson("Li Ming", "  ", "12345", "not-an-address", Set.of("boss"));
    assertThat(PersonRules.checkNew(CITY, bad, "rows[3]."))
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(
            tuple("rows[3].username", "INVALID_USERNAME"),
            tuple("rows[3].name", "REQUIRED"),
            tuple("rows[3].mobile", "INVALID_MOBILE"),
            tuple("rows[3].email", "INVALID_EMAIL"),
            tuple("rows[3].roles", "UNKNOWN_ROLE"));
    assertThat(codes(PersonRules.checkNew(CITY, new NewPerson(null, "李明", null, null, null), "")))
        .containsExactly("REQUIRED", "REQUIRED");
  }

  @Test
  void mobileNumbersAreMainlandNumbers() {
    assertThat(PersonRules.MOBILE.matcher("13800138000").matches()).isTrue();
    assertThat(PersonRules.MOBILE.matcher("19912345678").matches()).isTrue();
    assertThat(PersonRules.MOBILE.matcher("12800138000").matches()).isFalse();
    assertThat(PersonRules.MOBILE.matcher("1380013800").matches()).isFalse();
    assertThat(PersonRules.MOBILE.matcher("+8613800138000").matches()).isFalse();
  }

  @Test
  void nobodyLocksThemselvesOut() {
    Person self = existing("ns-admin", "gd-sz-ns", "tenant-admin");
    assertThat(
            PersonRules.checkChange(
                DISTRICT_ADMIN, self, new PersonChange(null, null, false, false)))
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("enabled", "SELF_LOCKOUT"));
    assertThat(
            PersonRules.checkChange(
                DISTRICT_ADMIN, self, new PersonChange(Set.of("staff"), null, null, false)))
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("roles", "SELF_LOCKOUT"));
    assertThat(
            PersonRules.checkChange(
                DISTRICT_ADMIN, self, new PersonChange(null, "gd-sz-ns-001", null, false)))
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("tenant", "SELF_LOCKOUT"));
    assertThat(
            PersonRules.checkChange(
                DISTRICT_ADMIN,
                self,
                new PersonChange(Set.of("staff", "tenant-admin"), "gd-sz-ns", true, true)))
        .as("keeping one's own role, union and state is fine")
        .isEmpty();
  }

  @Test
  void anAdminMayDisableAndDemoteOthers() {
    Person peer = existing("ns-admin2", "gd-sz-ns", "tenant-admin");
    assertThat(
            PersonRules.checkChange(
                DISTRICT_ADMIN, peer, new PersonChange(Set.of("staff"), null, false, false)))
        .isEmpty();
  }
}
