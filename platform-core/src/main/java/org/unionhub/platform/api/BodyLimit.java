package org.unionhub.platform.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.unionhub.platform.problem.ProblemText;

/**
 * The largest request body the API reads: {@value #DEFAULT_MAX_BYTES} bytes unless the system
 * property {@code unionhub.api.max-body-bytes} says otherwise. Bodies declared larger are refused
 * before they are read ({@link InputChecks}); bodies that do not declare their length are refused
 * as soon as they pass the limit.
 */
public final class BodyLimit {

  /** One MiB: a configuration export of a province with its rules is a few tens of KiB. */
  public static final int DEFAULT_MAX_BYTES = 1024 * 1024;

  private static final int MAX_BYTES =
      Integer.getInteger("unionhub.api.max-body-bytes", DEFAULT_MAX_BYTES);

  private BodyLimit() {}

  /**
   * @return the limit in bytes
   */
  public static int maxBytes() {
    return MAX_BYTES;
  }

  static ApiRefusal tooLarge() {
    return ApiRefusal.of(
        413, null, "BODY_TOO_LARGE", ProblemText.of("api.the-body-may-be-at-most", MAX_BYTES));
  }

  static byte[] readAll(InputStream in) throws IOException {
    var out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) != -1) {
      if (out.size() + n > MAX_BYTES) {
        throw tooLarge();
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
