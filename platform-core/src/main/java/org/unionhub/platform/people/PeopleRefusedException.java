package org.unionhub.platform.people;

import java.util.List;
import org.unionhub.platform.problem.FieldError;

/** A change to people refused; nothing was changed. */
public class PeopleRefusedException extends RuntimeException {

  private final transient List<FieldError> errors;

  public PeopleRefusedException(List<FieldError> errors) {
    super("people change refused: " + errors);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
