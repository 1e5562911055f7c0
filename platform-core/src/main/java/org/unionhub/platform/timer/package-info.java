/**
 * Deadline timers of requests: a row per timer, scheduled in the transaction that sets a due date,
 * claimed with {@code FOR UPDATE SKIP LOCKED} by whichever node polls first, and fired once — a
 * reminder a working day before, an escalation to the union above the day after. Depends on {@code
 * request}; the request jobs reach it only through {@code request.RequestDeadlines}.
 */
package org.unionhub.platform.timer;
