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
 * @param settings the tenant's effective settings for the module, by key, as text
 * @since 0.1
 */
public record Submission(
    String tenantCode,
    String submittedBy,
    LocalDate submittedOn,
    Map<String, String> data,
    Map<String, String> settings) {

  /**
   * Copies the maps so that the submission is immutable.
   *
   * @since 0.1
   */
  public Submission {
    data = Map.copyOf(data);
    settings = settings == null ? Map.of() : Map.copyOf(settings);
  }

  /**
   * A submission under the module's default settings.
   *
   * @param tenantCode the tenant submitted to
   * @param submittedBy the submitter
   * @param submittedOn the date
   * @param data the form data
   * @since 0.1
   */
  public Submission(
      String tenantCode, String submittedBy, LocalDate submittedOn, Map<String, String> data) {
    this(tenantCode, submittedBy, submittedOn, data, Map.of());
  }

  /**
   * A setting's effective value for the tenant.
   *
   * @param key the setting key
   * @return the value as text, or null when the module has no such setting
   * @since 0.2
   */
  public String setting(String key) {
    return settings.get(key);
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
