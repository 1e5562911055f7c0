package org.unionhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.annotations.Filter;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.tenancy.TenantScope;

/**
 * Every entity with a tenant column ({@code tenant_id}, {@code tenant_code}) stands behind
 * Hibernate's tenant wall and stays out of the second-level cache (docs/adr/0009), including
 * entities added after this test.
 */
class TenantOwnedEntitiesTest {

  private static final Set<String> TENANT_COLUMNS = Set.of("tenant_id", "tenant_code");

  /**
   * Keyed by a tenant, but not a tenant's rows in the sense of the walls, which show a scope its
   * tenants and their descendants only.
   */
  private static final Map<String, String> NOT_TENANT_SCOPED =
      Map.of(
          "org.unionhub.tenant.groups.GroupSync",
          "the platform's outbox to Keycloak groups, never read on a tenant's behalf",
          "org.unionhub.tenant.config.ConfigVersion",
          "configuration flows down the tree: descendants read what their ancestors published",
          "org.unionhub.tenant.config.ConfigDraft",
          "a tenant's configuration draft: the configuration service decides who edits it (ADR 10)");

  private static List<JavaClass> tenantOwnedEntities() {
    return new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.unionhub")
            .stream()
            .filter(c -> c.isAnnotatedWith(Entity.class))
            .filter(c -> !NOT_TENANT_SCOPED.containsKey(c.getName()))
            .filter(
                c ->
                    c.getAllFields().stream()
                        .anyMatch(
                            f ->
                                f.tryGetAnnotationOfType(Column.class)
                                    .map(column -> TENANT_COLUMNS.contains(column.name()))
                                    .orElse(false)))
            .toList();
  }

  @Test
  void everyTenantOwnedEntityCarriesTheTenantFilterAndIsNotCached() {
    List<JavaClass> owned = tenantOwnedEntities();
    assertThat(owned)
        .extracting(JavaClass::getSimpleName)
        .contains(
            "ServiceRequest",
            "RequestTransition",
            "RequestTimer",
            "TenantHoliday",
            "AuditRecord",
            "ModuleItem",
            "StoredAction",
            "Participation",
            "TallyCellRow",
            "ConversationMessage",
            "Person");
    for (JavaClass entity : owned) {
      Class<?> type = entity.reflect();
      assertThat(type.getAnnotationsByType(Filter.class))
          .as("%s's filters", type.getSimpleName())
          .extracting(Filter::name)
          .contains(TenantScope.FILTER);
      assertThat(type.getAnnotation(Cacheable.class))
          .as("%s is @Cacheable(false)", type.getSimpleName())
          .isNotNull()
          .extracting(Cacheable::value)
          .isEqualTo(false);
    }
  }
}
