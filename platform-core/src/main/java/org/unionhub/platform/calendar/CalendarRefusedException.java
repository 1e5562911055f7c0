package org.unionhub.platform.calendar;

import java.util.List;
import org.unionhub.platform.problem.FieldError;

/** A calendar change refused with every problem found; nothing was stored. */
public class CalendarRefusedException extends RuntimeException {

  private final transient List<FieldError> errors;

  public CalendarRefusedException(List<FieldError> errors) {
    super("calendar change refused: " + errors);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
