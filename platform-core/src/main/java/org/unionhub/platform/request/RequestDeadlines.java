package org.unionhub.platform.request;

/**
 * The deadline timers of requests, as the jobs on requests need them; implemented by {@code
 * platform.timer.TimerService}, so that the timers depend on requests and not the other way round.
 */
public interface RequestDeadlines {

  /**
   * Removes a request's pending timers before the request itself changes, locking them in the order
   * the timer poller takes too (a racing action waits and then loses on the version check instead
   * of deadlocking); {@link #schedule} adds those of the new due date after the change.
   *
   * @param request the request about to change
   */
  void takePending(ServiceRequest request);

  /**
   * Schedules the timers of a request that has none pending: created in the current transaction, or
   * changed after {@link #takePending}.
   *
   * @param request the request, persisted in this transaction
   */
  void schedule(ServiceRequest request);
}
