package org.unionhub.platform.request;

/**
 * The deadline timers of requests, as the jobs on requests need them; implemented by {@code
 * platform.timer.TimerService}, so that the timers depend on requests and not the other way round.
 */
public interface RequestDeadlines {

  /**
   * Locks a request's pending timers before the request itself changes (the order the timer poller
   * takes too, so a racing action waits and then loses on the version check instead of
   * deadlocking).
   *
   * @param request the request about to change
   */
  void lockPending(ServiceRequest request);

  /**
   * Schedules the timers of a request created in the current transaction.
   *
   * @param request the request, persisted in this transaction
   */
  void schedule(ServiceRequest request);

  /**
   * Replaces a request's pending timers with those of its current due date.
   *
   * @param request the request, already persisted
   */
  void reschedule(ServiceRequest request);
}
