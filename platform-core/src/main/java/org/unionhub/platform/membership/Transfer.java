package org.unionhub.platform.membership;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.unionhub.platform.tenancy.TenantScope;

/**
 * A member's request to move their membership to another union (a new employer): requested by the
 * member, released by the old union, accepted by the new one; either union may refuse with a
 * reason. Both unions' officers see it, and the member.
 */
@Entity
@Table(name = "membership_transfer")
@Cacheable(false)
@Filter(
    name = TenantScope.FILTER,
    condition =
        "(from_tenant in (:"
            + TenantScope.TENANTS
            + ") or to_tenant in (:"
            + TenantScope.TENANTS
            + ") or username = :"
            + TenantScope.USER
            + ")")
public class Transfer {

  /** Where a transfer stands. */
  public enum Status {
    /** Asked by the member; the old union decides first. */
    REQUESTED,
    /** The old union let the member go; the new union decides. */
    RELEASED,
    /** Done: the membership, its number and history belong to the new union. */
    COMPLETED,
    /** One of the unions refused; the membership stays where it was. */
    REFUSED
  }

  @Id private UUID id;

  @Column(name = "membership_id", nullable = false, updatable = false)
  private UUID membershipId;

  @Column(nullable = false, updatable = false)
  private String username;

  @Column(name = "from_tenant", nullable = false, updatable = false)
  private String fromTenant;

  @Column(name = "to_tenant", nullable = false, updatable = false)
  private String toTenant;

  @Column(nullable = false)
  private String status;

  @Column(updatable = false)
  private String reason;

  @Column private String refusal;

  @Column(name = "requested_at", nullable = false, updatable = false)
  private Instant requestedAt;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Version private int version;

  protected Transfer() {}

  Transfer(Membership m, String toTenant, String reason, Instant at) {
    this.id = UUID.randomUUID();
    this.membershipId = m.getId();
    this.username = m.getUsername();
    this.fromTenant = m.getTenantId();
    this.toTenant = toTenant;
    this.status = Status.REQUESTED.name();
    this.reason = reason;
    this.requestedAt = at;
  }

  void move(Status to, String why, Instant at) {
    this.status = to.name();
    this.refusal = why;
    this.decidedAt = at;
  }

  public UUID getId() {
    return id;
  }

  public UUID getMembershipId() {
    return membershipId;
  }

  public String getUsername() {
    return username;
  }

  public String getFromTenant() {
    return fromTenant;
  }

  public String getToTenant() {
    return toTenant;
  }

  public Status getStatus() {
    return Status.valueOf(status);
  }

  public String getReason() {
    return reason;
  }

  public String getRefusal() {
    return refusal;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public int getVersion() {
    return version;
  }
}
