package org.unionhub.platform.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.unionhub.platform.request.RequestTransition;
import org.unionhub.platform.request.ServiceRequest;

/**
 * A request in the API.
 *
 * @param id id
 * @param tenant the tenant it was submitted to
 * @param module the module
 * @param state current state
 * @param dueDate when the current step is due, in working days on the official calendar
 * @param version the optimistic-lock version, also sent as the ETag
 * @param submittedBy who submitted it
 * @param submittedAt when
 * @param finishedAt when it reached a terminal state (approved, rejected…), or null while open
 * @param flaggedForReview why the rules flagged it, or null
 * @param escalatedTo the union it was escalated to when overdue, or null
 * @param configVersion the configuration version it was handled under
 * @param data the form data, identifiers masked
 * @param history the transitions, oldest first; only on single-request reads
 */
public record RequestDto(
    String id,
    String tenant,
    String module,
    String state,
    LocalDate dueDate,
    int version,
    String submittedBy,
    Instant submittedAt,
    Instant finishedAt,
    String flaggedForReview,
    String escalatedTo,
    int configVersion,
    Map<String, String> data,
    List<HistoryDto> history) {

  /**
   * One transition.
   *
   * @param action action taken
   * @param from state before, null for the submission
   * @param to state after
   * @param actor who
   * @param comment why
   * @param at when
   * @param configVersion configuration version it was handled under
   */
  public record HistoryDto(
      String action,
      String from,
      String to,
      String actor,
      String comment,
      Instant at,
      int configVersion) {
    static HistoryDto of(RequestTransition t) {
      return new HistoryDto(
          t.getAction(),
          t.getFromState(),
          t.getToState(),
          t.getActor(),
          t.getComment(),
          t.getOccurredAt(),
          t.getConfigVersion());
    }
  }

  static RequestDto of(
      ServiceRequest r, Map<String, String> maskedData, List<RequestTransition> history) {
    return new RequestDto(
        r.getId().toString(),
        r.getTenantId(),
        r.getModule(),
        r.getState(),
        r.getDueDate(),
        r.getVersion(),
        r.getSubmittedBy(),
        r.getSubmittedAt(),
        r.getFinishedAt(),
        r.getFlaggedReason(),
        r.getEscalatedTo(),
        r.getConfigVersion(),
        maskedData,
        history == null ? null : history.stream().map(HistoryDto::of).toList());
  }
}
