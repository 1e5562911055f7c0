package org.unionhub.platform.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.unionhub.platform.config.EffectiveConfig;
import org.unionhub.platform.security.Caller;
import org.unionhub.sdk.ServiceModuleFactory;

/**
 * The use cases on requests under their former single name, kept so that code written before the
 * split compiles; each method hands over to the class that does the job. New code injects those:
 *
 * <ul>
 *   <li>{@link RequestSubmission} — submit, idempotency;
 *   <li>{@link RequestTransitions} — staff act on a request (and {@link AutomaticSteps});
 *   <li>{@link RequestReading} — one request, its history, one's own requests, worklists;
 *   <li>{@link RequestData} — form data sealed, opened, masked, revealed;
 *   <li>{@link ModuleRuntime} — a module's effective configuration and lifecycle hooks;
 *   <li>deadline timers: {@code platform.timer} through {@link RequestDeadlines}.
 * </ul>
 */
@ApplicationScoped
public class RequestService {

  /** Most requests one worklist page returns. */
  public static final int MAX_PAGE = RequestReading.MAX_PAGE;

  @Inject RequestSubmission submission;
  @Inject RequestTransitions transitions;
  @Inject RequestReading reading;
  @Inject RequestData data;
  @Inject ModuleRuntime runtime;

  /** See {@link RequestSubmission.Submitted}. */
  public record Submitted(ServiceRequest request, boolean created) {
    static Submitted of(RequestSubmission.Submitted s) {
      return new Submitted(s.request(), s.created());
    }
  }

  public EffectiveConfig effective(String tenantCode, ServiceModuleFactory module) {
    return runtime.effective(tenantCode, module);
  }

  public Submitted submit(
      Caller caller, String tenantCode, String moduleId, JsonObject data, String idempotencyKey) {
    return Submitted.of(submission.submit(caller, tenantCode, moduleId, data, idempotencyKey));
  }

  public Optional<Submitted> submitted(Caller caller, String key) {
    return submission.submitted(caller, key).map(Submitted::of);
  }

  public WorklistPage worklist(
      Caller caller,
      String tenantCode,
      String moduleId,
      String state,
      WorklistCursor after,
      int limit) {
    return reading.worklist(caller, tenantCode, moduleId, state, after, limit);
  }

  public WorklistPage worklist(
      Caller caller,
      String tenantCode,
      String moduleId,
      String state,
      boolean open,
      WorklistCursor after,
      int limit) {
    return reading.worklist(caller, tenantCode, moduleId, state, open, after, limit);
  }

  public List<ServiceRequest> mine(Caller caller, int limit) {
    return reading.mine(caller, limit);
  }

  public ServiceRequest get(Caller caller, UUID id) {
    return reading.get(caller, id);
  }

  public List<RequestTransition> history(Caller caller, ServiceRequest request) {
    return reading.history(caller, request);
  }

  public ServiceRequest act(
      Caller caller, UUID id, int expectedVersion, String action, String comment) {
    return transitions.act(caller, id, expectedVersion, action, comment);
  }

  public Map<String, String> revealedData(Caller caller, ServiceRequest request) {
    return data.revealedData(caller, request);
  }

  public Map<String, String> maskedData(ServiceRequest request) {
    return data.maskedData(request);
  }
}
