package org.unionhub.tenant.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The outbox row of one account: written in the transaction that changed the account (or its
 * union), so the change and the promise to mirror it to Keycloak commit together. {@code changeSeq
 * > syncedSeq} means the Keycloak user does not yet reflect the account; the sync retries with
 * growing delays (2 s ... 5 min) until it does. The same shape as the tenants' {@code GroupSync}.
 */
@Entity
@Table(name = "person_sync")
public class PersonSync {

  /** The longest wait between two attempts. */
  static final Duration MAX_DELAY = Duration.ofMinutes(5);

  @Id
  @Column(name = "person_id")
  private UUID personId;

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

  protected PersonSync() {}

  /** The account changed again: due now, with a fresh count of attempts. */
  void changed(Instant now) {
    changeSeq++;
    attempts = 0;
    nextAttemptAt = now;
  }

  /**
   * Claimed by a node until {@code until}; no other node takes it before then.
   *
   * @param until when the lease ends
   */
  void lease(Instant until) {
    nextAttemptAt = until;
  }

  /**
   * The user reflects the account as of {@code seq}. A change made meanwhile stays pending and due.
   *
   * @param seq the change sequence that was read before syncing
   * @param now when the sync finished
   */
  void synced(long seq, Instant now) {
    syncedSeq = Math.max(syncedSeq, seq);
    attempts = 0;
    lastError = null;
    nextAttemptAt = now;
  }

  /**
   * An attempt failed: try again after 2, 4, 8 ... seconds, at most {@link #MAX_DELAY}.
   *
   * @param now when it failed
   * @param error why
   */
  void failed(Instant now, String error) {
    attempts++;
    nextAttemptAt = now.plus(delay(attempts));
    lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
  }

  static Duration delay(int attempts) {
    if (attempts >= 9) {
      return MAX_DELAY;
    }
    Duration d = Duration.ofSeconds(1L << Math.max(1, attempts));
    return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
  }

  public UUID getPersonId() {
    return personId;
  }

  public long getChangeSeq() {
    return changeSeq;
  }

  public boolean isPending() {
    return changeSeq > syncedSeq;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public String getLastError() {
    return lastError;
  }
}
