package org.unionhub.platform.tenancy;

/** Levels of the union tree; {@link #INDUSTRY} unions stand beside the regional tree. */
public enum TenantLevel {
  NATIONAL,
  PROVINCIAL,
  MUNICIPAL,
  DISTRICT,
  GRASSROOTS,
  INDUSTRY
}
