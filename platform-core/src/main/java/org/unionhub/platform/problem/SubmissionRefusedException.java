package org.unionhub.platform.problem;

import java.util.List;

/** A submission refused by form validation or by rules; nothing was stored. */
public class SubmissionRefusedException extends RuntimeException {

  private final transient List<FieldError> errors;

  public SubmissionRefusedException(List<FieldError> errors) {
    super("submission refused: " + errors);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
