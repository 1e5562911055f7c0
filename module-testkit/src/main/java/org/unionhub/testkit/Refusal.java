package org.unionhub.testkit;

/**
 * One reason a submission was refused, as the API reports it with {@code 422}.
 *
 * @param field the form field at fault
 * @param code the stable reason code, for example {@code REQUIRED} or a rule's own code
 * @param message the reason for people
 * @since 0.1
 */
public record Refusal(String field, String code, String message) {

  @Override
  public String toString() {
    return field + " " + code + " (" + message + ")";
  }
}
