package org.unionhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.util.List;
import org.hibernate.annotations.Filter;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.tenancy.TenantScope;

/**
 * Every entity with a {@code tenant_id} column stands behind Hibernate's tenant wall and stays out
 * of the second-level cache (docs/adr/0009), including entities added after this test.
 */
class TenantOwnedEntitiesTest {

  private static List<JavaClass> tenantOwnedEntities() {
    return new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.unionhub")
            .stream()
            .filter(c -> c.isAnnotatedWith(Entity.class))
            .filter(
                c ->
                    c.getAllFields().stream()
                        .anyMatch(
                            f ->
                                f.tryGetAnnotationOfType(Column.class)
                                    .map(column -> column.name().equals("tenant_id"))
                                    .orElse(false)))
            .toList();
  }

  @Test
  void everyTenantOwnedEntityCarriesTheTenantFilterAndIsNotCached() {
    List<JavaClass> owned = tenantOwnedEntities();
    assertThat(owned)
        .extracting(JavaClass::getSimpleName)
        .contains("ServiceRequest", "RequestTransition", "RequestTimer", "TenantHoliday");
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
