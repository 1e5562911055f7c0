package org.unionhub.platform.tenancy;

import java.util.List;
import org.unionhub.platform.problem.FieldError;

/** A tenant change refused by the tree rules; nothing was changed. */
public class TenantChangeRefusedException extends RuntimeException {

  private final transient List<FieldError> errors;

  public TenantChangeRefusedException(List<FieldError> errors) {
    super("tenant change refused: " + errors);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
