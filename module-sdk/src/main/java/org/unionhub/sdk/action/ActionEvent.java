package org.unionhub.sdk.action;

import java.time.Instant;
import java.util.Map;

/**
 * What {@link org.unionhub.sdk.ServiceModule#onAction(ActionEvent)} is told after an action was
 * stored.
 *
 * @param action the action as stored
 * @param at when it was stored (for anonymous items, use only its day)
 * @param settings the owning union's effective settings of the module
 * @since 1.0
 */
public record ActionEvent(MemberAction action, Instant at, Map<String, String> settings) {

  /**
   * Copies the settings; null becomes empty.
   *
   * @since 1.0
   */
  public ActionEvent {
    settings = settings == null ? Map.of() : Map.copyOf(settings);
  }
}
