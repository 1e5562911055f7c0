package org.unionhub.platform.security;

/** The realm roles UnionHub knows. */
public final class Role {
  public static final String PLATFORM_ADMIN = "platform-admin";
  public static final String TENANT_ADMIN = "tenant-admin";
  public static final String STAFF = "staff";
  public static final String MEMBER = "member";

  private Role() {}
}
