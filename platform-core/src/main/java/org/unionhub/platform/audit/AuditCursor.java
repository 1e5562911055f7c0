package org.unionhub.platform.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * Where an audit page ended: the sort key of its last record, opaque to clients.
 *
 * @param occurredAt when the last record was made
 * @param id the last record's id
 */
public record AuditCursor(Instant occurredAt, UUID id) {

  /**
   * @param last the last record of a page
   * @return the cursor after it
   */
  public static AuditCursor after(AuditEntry last) {
    return new AuditCursor(last.occurredAt(), last.id());
  }

  /**
   * @return the cursor as an opaque URL-safe token
   */
  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((occurredAt + "|" + id).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param token a token from {@link #encode()}
   * @return the cursor
   * @throws IllegalArgumentException when the token was not made by {@link #encode()}
   */
  public static AuditCursor decode(String token) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 2);
      return new AuditCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
    } catch (IllegalArgumentException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("cursor is not one this server issued", e);
    }
  }
}
