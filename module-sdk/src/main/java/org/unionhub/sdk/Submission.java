package org.unionhub.sdk;

import java.time.LocalDate;
import java.util.Map;

/**
 * A request as submitted to a module.
 *
 * @param tenantCode code of the tenant the request was submitted to, for example {@code
 *     gd-sz-ft-001}
 * @param submittedBy user name of the submitter
 * @param submittedOn the submission date in China Standard Time
 * @param data the form data, keyed by field name; values are strings
 * @since 0.1
 */
public record Submission(
    String tenantCode, String submittedBy, LocalDate submittedOn, Map<String, String> data) {

  /**
   * Copies the data map so that the submission is immutable.
   *
   * @since 0.1
   */
  public Submission {
    data = Map.copyOf(data);
  }

  /**
   * A field value.
   *
   * @param field the field name
   * @return the value, or null when the field was not submitted
   * @since 0.1
   */
  public String value(String field) {
    return data.get(field);
  }
}
