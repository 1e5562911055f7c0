package org.unionhub.platform.module;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantLevel;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.sdk.Unions;

/**
 * The union tree as modules read it ({@link Unions}), from the tenant directory's memory: no
 * database read per submission. Only active unions are named.
 */
@ApplicationScoped
public class TenantUnions implements Unions {

  @Inject TenantDirectory tenants;

  @Override
  public Optional<String> ofEmployer(String creditCode) {
    if (creditCode == null || creditCode.isBlank()) {
      return Optional.empty();
    }
    return tenants
        .findByCreditCode(creditCode.strip().toUpperCase(Locale.ROOT))
        .filter(t -> t.active() && t.level() == TenantLevel.GRASSROOTS)
        .map(TenantView::code);
  }

  @Override
  public Optional<String> level(String unionCode) {
    if (unionCode == null) {
      return Optional.empty();
    }
    return tenants
        .find(unionCode)
        .filter(TenantView::active)
        .map(t -> t.level().name().toLowerCase(Locale.ROOT));
  }
}
