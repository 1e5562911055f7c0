package org.unionhub.tenant.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The outbox row of one erasure: the login account to delete in Keycloak. The username is kept only
 * until Keycloak has deleted the account; then only the pseudonym and the times remain.
 */
@Entity
@Table(name = "account_erasure")
public class AccountErasureRow {

  @Id private UUID id;

  @Column(nullable = false, length = 64)
  private String pseudonym;

  @Column(length = 255)
  private String username;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "done_at")
  private Instant doneAt;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "last_error", length = 1000)
  private String lastError;

  protected AccountErasureRow() {}

  AccountErasureRow(String pseudonym, String username, Instant now) {
    this.id = UUID.randomUUID();
    this.pseudonym = pseudonym;
    this.username = username;
    this.requestedAt = now;
    this.nextAttemptAt = now;
  }

  void lease(Instant until) {
    nextAttemptAt = until;
  }

  void done(Instant now) {
    username = null;
    doneAt = now;
    lastError = null;
  }

  void failed(Instant now, String error) {
    attempts++;
    nextAttemptAt = now.plus(PersonSync.delay(attempts));
    lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
  }

  public UUID getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getPseudonym() {
    return pseudonym;
  }

  static Duration lease() {
    return Duration.ofSeconds(60);
  }
}
