package org.unionhub.tenant.members;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * The outbox row of one person: their membership changed and Keycloak does not yet reflect it while
 * {@code changeSeq > syncedSeq}. {@code leftTenant} remembers a union whose group they must leave.
 */
@Entity
@Table(name = "member_sync")
public class MemberSync {

  static final Duration MAX_DELAY = Duration.ofMinutes(5);

  @Id
  @Column(length = 100)
  private String username;

  @Column(name = "left_tenant", length = 64)
  private String leftTenant;

  @Column(name = "change_seq", nullable = false)
  private long changeSeq;

  @Column(name = "synced_seq", nullable = false)
  private long syncedSeq;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "last_error", length = 1000)
  private String lastError;

  protected MemberSync() {}

  void lease(Instant until) {
    nextAttemptAt = until;
  }

  void synced(long seq, Instant now) {
    if (seq >= changeSeq) {
      leftTenant = null;
    }
    syncedSeq = Math.max(syncedSeq, seq);
    attempts = 0;
    lastError = null;
    nextAttemptAt = now;
  }

  void failed(Instant now, String error) {
    attempts++;
    long seconds = attempts >= 9 ? MAX_DELAY.toSeconds() : Math.min(1L << attempts, 300);
    nextAttemptAt = now.plusSeconds(seconds);
    lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
  }

  public String getUsername() {
    return username;
  }

  public String getLeftTenant() {
    return leftTenant;
  }

  public long getChangeSeq() {
    return changeSeq;
  }

  public boolean isPending() {
    return changeSeq > syncedSeq;
  }

  public String getLastError() {
    return lastError;
  }
}
