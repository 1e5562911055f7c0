package org.unionhub.platform.request;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.SubmissionRefusedException;
import org.unionhub.sdk.ModuleDescriptor;

/**
 * Takes part in the request use cases, in their transaction: other capabilities of the platform
 * (membership) add their checks to a submission and act when a request enters a state, without the
 * request package knowing them. Implementations are CDI beans.
 */
public interface RequestParticipant {

  /**
   * Further problems of a submission, reported with the form's and the rules' own.
   *
   * @param module the module submitted to
   * @param values the form values as given
   * @return the problems, empty when none
   */
  default List<FieldError> checkSubmission(ModuleDescriptor module, Map<String, String> values) {
    return List.of();
  }

  /**
   * A request entered a new state; throwing {@link SubmissionRefusedException} refuses the action
   * and undoes it.
   *
   * @param request the request, in its new state
   * @param module the module's descriptor
   * @param values the request's form values, unsealed
   * @param actor who acted
   * @param at when
   */
  default void entered(
      ServiceRequest request,
      ModuleDescriptor module,
      Map<String, String> values,
      String actor,
      Instant at) {}
}
