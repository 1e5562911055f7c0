package org.unionhub.platform.tenancy;

/** Levels of the union tree; {@link #INDUSTRY} unions stand beside the regional tree. */
public enum TenantLevel {
  NATIONAL,
  PROVINCIAL,
  MUNICIPAL,
  DISTRICT,
  GRASSROOTS,
  INDUSTRY;

  /**
   * Whether a tenant of level {@code child} may sit directly under a tenant of this level. Regional
   * levels go down the tree, possibly skipping one (a large company's union directly under a city
   * federation); the national federation is only ever the root; grassroots unions have nothing
   * below them; industry unions sit under any other non-grassroots tenant and have only industry or
   * grassroots unions below them.
   *
   * @param child the child's level
   * @return whether it may be a child of this level
   */
  public boolean mayContain(TenantLevel child) {
    if (child == NATIONAL || this == GRASSROOTS) {
      return false;
    }
    if (this == INDUSTRY) {
      return child == INDUSTRY || child == GRASSROOTS;
    }
    return child == INDUSTRY || child.ordinal() > ordinal();
  }

  /**
   * @return whether any tenant may sit under a tenant of this level
   */
  public boolean mayHaveChildren() {
    return this != GRASSROOTS;
  }
}
