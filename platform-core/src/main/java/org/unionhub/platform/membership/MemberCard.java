package org.unionhub.platform.membership;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A card's revocation state, read by every verification on every node. Holds no personal data and
 * no tenant, so that the public verify endpoint reads it without a tenant scope.
 */
@Entity
@Table(name = "member_card")
@Cacheable(false)
public class MemberCard {

  @Id
  @Column(name = "card_id")
  private UUID cardId;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column private String reason;

  protected MemberCard() {}

  MemberCard(UUID cardId) {
    this.cardId = cardId;
  }

  void revoke(String why, Instant at) {
    if (revokedAt == null) {
      this.revokedAt = at;
      this.reason = why;
    }
  }

  public UUID getCardId() {
    return cardId;
  }

  public boolean isActive() {
    return revokedAt == null;
  }
}
