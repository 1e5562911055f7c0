package org.unionhub.platform.membership;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.unionhub.platform.tenancy.TenantScope;

/**
 * A person's membership of a union. Personal numbers are stored sealed; the register searches by
 * name, member number and the last four characters of the ID number. A member reads their own
 * membership wherever it is held.
 */
@Entity
@Table(name = "membership")
@Cacheable(false)
@Filter(
    name = TenantScope.FILTER,
    condition =
        "(tenant_id in (:" + TenantScope.TENANTS + ") or username = :" + TenantScope.USER + ")")
public class Membership {

  /** A membership's states. */
  public enum Status {
    ACTIVE,
    LEFT
  }

  @Id private UUID id;

  @Column(name = "tenant_id", nullable = false)
  private String tenantId;

  @Column(name = "member_number", nullable = false, updatable = false)
  private String memberNumber;

  @Column(nullable = false, updatable = false)
  private String username;

  @Column(name = "request_id", updatable = false)
  private UUID requestId;

  @Column(nullable = false)
  private String name;

  @Column(name = "id_number_sealed", nullable = false)
  private String idNumberSealed;

  @Column(name = "id_index", nullable = false, updatable = false)
  private String idIndex;

  @Column(name = "id_last4", nullable = false, updatable = false)
  private String idLast4;

  @Column(name = "mobile_sealed")
  private String mobileSealed;

  @Column(nullable = false)
  private String status;

  @Column(name = "joined_on", nullable = false, updatable = false)
  private LocalDate joinedOn;

  @Column(name = "ended_on")
  private LocalDate endedOn;

  @Column(name = "card_id", nullable = false)
  private UUID cardId;

  @Version private int version;

  protected Membership() {}

  Membership(
      String tenantId,
      String memberNumber,
      String username,
      UUID requestId,
      String name,
      String idNumberSealed,
      String idIndex,
      String idLast4,
      String mobileSealed,
      LocalDate joinedOn,
      UUID cardId) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.memberNumber = memberNumber;
    this.username = username;
    this.requestId = requestId;
    this.name = name;
    this.idNumberSealed = idNumberSealed;
    this.idIndex = idIndex;
    this.idLast4 = idLast4;
    this.mobileSealed = mobileSealed;
    this.status = Status.ACTIVE.name();
    this.joinedOn = joinedOn;
    this.cardId = cardId;
  }

  void end(LocalDate on) {
    this.status = Status.LEFT.name();
    this.endedOn = on;
  }

  void moveTo(String tenant) {
    this.tenantId = tenant;
  }

  void newCard(UUID card) {
    this.cardId = card;
  }

  void reseal(String idNumber, String mobile) {
    this.idNumberSealed = idNumber;
    this.mobileSealed = mobile;
  }

  public UUID getId() {
    return id;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getMemberNumber() {
    return memberNumber;
  }

  public String getUsername() {
    return username;
  }

  public UUID getRequestId() {
    return requestId;
  }

  public String getName() {
    return name;
  }

  /**
   * @return the sealed ID number ({@code uh1:…})
   */
  public String getIdNumberSealed() {
    return idNumberSealed;
  }

  public String getIdIndex() {
    return idIndex;
  }

  public String getIdLast4() {
    return idLast4;
  }

  /**
   * @return the sealed mobile number, or null
   */
  public String getMobileSealed() {
    return mobileSealed;
  }

  public Status getStatus() {
    return Status.valueOf(status);
  }

  public LocalDate getJoinedOn() {
    return joinedOn;
  }

  public LocalDate getEndedOn() {
    return endedOn;
  }

  public UUID getCardId() {
    return cardId;
  }

  public int getVersion() {
    return version;
  }
}
