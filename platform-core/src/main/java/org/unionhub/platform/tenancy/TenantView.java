package org.unionhub.platform.tenancy;

/**
 * A tenant as the runtime sees it.
 *
 * @param code the stable code, for example {@code gd-sz-ft}
 * @param name the union's name
 * @param level its level
 * @param parentCode the parent's code, null for the root
 * @param active whether it accepts requests
 * @param creditCode a grassroots union's employer: its unified social credit code, or null
 */
public record TenantView(
    String code,
    String name,
    TenantLevel level,
    String parentCode,
    boolean active,
    String creditCode) {

  /**
   * A tenant that records no employer.
   *
   * @param code the stable code
   * @param name the union's name
   * @param level its level
   * @param parentCode the parent's code, null for the root
   * @param active whether it accepts requests
   */
  public TenantView(
      String code, String name, TenantLevel level, String parentCode, boolean active) {
    this(code, name, level, parentCode, active, null);
  }
}
