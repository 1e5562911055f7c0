package org.unionhub.tenant.people;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.unionhub.platform.tenancy.TenantScope;

/**
 * An account of union staff or admins that UnionHub manages. Keycloak holds the credentials and
 * sessions; this row holds the union, the roles and whether the account is enabled, and is the
 * state the Keycloak user is made to match. Behind both tenant walls (docs/adr/0009).
 */
@Entity
@Table(name = "person")
@Cacheable(false)
@Filter(name = TenantScope.FILTER, condition = "tenant_id in (:" + TenantScope.TENANTS + ")")
public class Person {

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false, length = 64)
  private String tenantId;

  @Column(nullable = false, length = 40, updatable = false)
  private String username;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(length = 11)
  private String mobile;

  @Column(length = 254)
  private String email;

  @Column(nullable = false, length = 100)
  private String roles;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "keycloak_id", length = 64)
  private String keycloakId;

  @Column(name = "setup_requested", nullable = false)
  private boolean setupRequested;

  @Column(name = "setup_link", length = 4000)
  private String setupLink;

  @Column(name = "setup_link_expires")
  private Instant setupLinkExpires;

  @Version private long version;

  @Column(name = "created_by", nullable = false, length = 100)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Person() {}

  Person(
      String tenantId,
      String username,
      String name,
      String mobile,
      String email,
      Set<String> roles,
      String createdBy,
      Instant createdAt) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.username = username;
    this.name = name;
    this.mobile = mobile;
    this.email = email;
    this.roles = String.join(",", new TreeSet<>(roles));
    this.enabled = true;
    this.setupRequested = true;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  /**
   * An account made outside UnionHub (in Keycloak's console), taken into the People list: it has
   * its password already, so no set-up link is asked for.
   */
  static Person adopted(
      String tenantId,
      String username,
      String name,
      String mobile,
      String email,
      Set<String> roles,
      boolean enabled,
      String keycloakId,
      Instant now) {
    var p = new Person(tenantId, username, name, mobile, email, roles, ADOPTED_BY, now);
    p.enabled = enabled;
    p.setupRequested = false;
    p.keycloakId = keycloakId;
    return p;
  }

  /** Who "created" an adopted account: Keycloak's console, not a UnionHub admin. */
  public static final String ADOPTED_BY = "keycloak";

  void setRoles(Set<String> roles) {
    this.roles = String.join(",", new TreeSet<>(roles));
  }

  void moveTo(String tenant) {
    this.tenantId = tenant;
  }

  void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** Asks the next sync for a new set-up link; the old one is no longer shown. */
  void requestSetupLink() {
    setupRequested = true;
    setupLink = null;
    setupLinkExpires = null;
  }

  void linked(String keycloakId) {
    this.keycloakId = keycloakId;
  }

  void setupLinkIssued(String link, Instant expires) {
    setupRequested = false;
    setupLink = link;
    setupLinkExpires = expires;
  }

  public UUID getId() {
    return id;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getUsername() {
    return username;
  }

  public String getName() {
    return name;
  }

  public String getMobile() {
    return mobile;
  }

  public String getEmail() {
    return email;
  }

  public Set<String> getRoles() {
    return roles.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(roles.split(",")));
  }

  public boolean isEnabled() {
    return enabled;
  }

  public String getKeycloakId() {
    return keycloakId;
  }

  public boolean isSetupRequested() {
    return setupRequested;
  }

  public String getSetupLink() {
    return setupLink;
  }

  public Instant getSetupLinkExpires() {
    return setupLinkExpires;
  }

  public long getVersion() {
    return version;
  }
}
