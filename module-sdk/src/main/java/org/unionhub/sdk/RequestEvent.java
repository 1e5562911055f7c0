package org.unionhub.sdk;

import java.time.Instant;
import java.util.Map;

/**
 * What happened to a request, as a module's lifecycle hooks see it.
 *
 * @param requestId the request's id
 * @param tenantCode the tenant handling the request
 * @param moduleId the module
 * @param from the state before, or null for a new request
 * @param to the state after
 * @param action the action taken: {@code submit}, a transition's action, {@code remind} or {@code
 *     escalate}
 * @param actor who acted, or {@code system} for timers
 * @param at when
 * @param settings the tenant's effective settings for the module, by key, as text
 * @since 0.2
 */
public record RequestEvent(
    String requestId,
    String tenantCode,
    String moduleId,
    String from,
    String to,
    String action,
    String actor,
    Instant at,
    Map<String, String> settings) {

  /**
   * Copies the settings.
   *
   * @since 0.2
   */
  public RequestEvent {
    settings = settings == null ? Map.of() : Map.copyOf(settings);
  }
}
