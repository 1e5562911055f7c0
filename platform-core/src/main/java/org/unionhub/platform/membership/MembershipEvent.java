package org.unionhub.platform.membership;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.unionhub.platform.tenancy.TenantScope;

/** One entry of a membership's history: admitted, card replaced, left. Append only. */
@Entity
@Table(name = "membership_event")
@Cacheable(false)
@Filter(
    name = TenantScope.FILTER,
    condition =
        "(tenant_id in (:" + TenantScope.TENANTS + ") or username = :" + TenantScope.USER + ")")
public class MembershipEvent {

  @Id private UUID id;

  @Column(name = "membership_id", nullable = false, updatable = false)
  private UUID membershipId;

  /** The union holding the membership now: history moves with a transfer. */
  @Column(name = "tenant_id", nullable = false)
  private String tenantId;

  @Column(nullable = false, updatable = false)
  private String username;

  @Column(nullable = false, updatable = false)
  private String kind;

  @Column(nullable = false, updatable = false)
  private String actor;

  @Column(updatable = false)
  private String note;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  protected MembershipEvent() {}

  MembershipEvent(Membership m, String kind, String actor, String note, Instant at) {
    this.id = UUID.randomUUID();
    this.membershipId = m.getId();
    this.tenantId = m.getTenantId();
    this.username = m.getUsername();
    this.kind = kind;
    this.actor = actor;
    this.note = note;
    this.occurredAt = at;
  }

  public UUID getMembershipId() {
    return membershipId;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getKind() {
    return kind;
  }

  public String getActor() {
    return actor;
  }

  public String getNote() {
    return note;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }
}
