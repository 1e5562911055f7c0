/**
 * Service requests, one class per job: {@link org.unionhub.platform.request.RequestSubmission}
 * (form, rules, routing, idempotency), {@link org.unionhub.platform.request.RequestTransitions} and
 * {@link org.unionhub.platform.request.AutomaticSteps} (a module's state machine with optimistic
 * locking), {@link org.unionhub.platform.request.RequestReading} (a request, its history,
 * worklists), {@link org.unionhub.platform.request.RequestData} (sealed and masked form data) and
 * {@link org.unionhub.platform.request.ModuleRuntime}. Deadlines are kept by {@code platform.timer}
 * behind {@link org.unionhub.platform.request.RequestDeadlines}.
 */
package org.unionhub.platform.request;
