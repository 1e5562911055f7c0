package org.unionhub.platform.request;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a worklist page ended: the sort key of its last row, opaque to clients.
 *
 * @param submittedAt when the last row was submitted
 * @param id the last row's id
 */
public record WorklistCursor(Instant submittedAt, UUID id) {

  static WorklistCursor of(ServiceRequest last) {
    return new WorklistCursor(last.getSubmittedAt(), last.getId());
  }

  /**
   * @return the cursor as an opaque URL-safe token
   */
  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((submittedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param token a token from {@link #encode()}
   * @return the cursor
   * @throws IllegalArgumentException when the token was not made by {@link #encode()}
   */
  public static WorklistCursor decode(String token) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 2);
      return new WorklistCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
    } catch (IllegalArgumentException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("cursor is not one this server issued", e);
    }
  }
}
