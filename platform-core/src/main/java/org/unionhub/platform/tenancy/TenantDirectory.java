package org.unionhub.platform.tenancy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Port: the tenant tree. Implemented by tenant-config. */
public interface TenantDirectory {

  /**
   * @param code a tenant code
   * @return the tenant, empty when there is none with that code
   */
  Optional<TenantView> find(String code);

  /**
   * @return every tenant, parents before children
   */
  List<TenantView> all();

  /**
   * @param code a tenant code
   * @return the codes of the tenant and all its descendants; empty when the tenant is unknown
   */
  Set<String> subtree(String code);

  /**
   * The active grassroots union of an employer.
   *
   * @param creditCode the employer's unified social credit code
   * @return the active tenant recording that code, empty when none (or the code is null)
   */
  default Optional<TenantView> findByCreditCode(String creditCode) {
    if (creditCode == null) {
      return Optional.empty();
    }
    return all().stream().filter(t -> t.active() && creditCode.equals(t.creditCode())).findFirst();
  }
}
