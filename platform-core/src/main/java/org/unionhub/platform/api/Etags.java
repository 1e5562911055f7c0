package org.unionhub.platform.api;

import jakarta.ws.rs.core.EntityTag;
import org.unionhub.platform.problem.ProblemText;

/** ETags of versioned resources: the optimistic-lock version, as a strong tag. */
final class Etags {

  private Etags() {}

  static EntityTag of(int version) {
    return new EntityTag(Integer.toString(version));
  }

  /**
   * @param ifMatch the If-Match header, for example {@code "3"} or {@code W/"3"}
   * @return the version it names
   * @throws ApiRefusal 400 naming If-Match when it names none
   */
  static int version(String ifMatch) {
    String v = ifMatch.strip();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    v = v.replace("\"", "");
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw ApiRefusal.badRequest(
          "If-Match", "INVALID_ETAG", ProblemText.of("api.if-match-must-be-an-etag"));
    }
  }
}
