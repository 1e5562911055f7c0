package org.unionhub.sdk.action;

import java.util.Map;
import org.unionhub.sdk.item.Item;

/**
 * An action about to be stored, after the platform checked its payload against the form, the
 * caller's roles, the window and the audience: what {@link
 * org.unionhub.sdk.ServiceModule#checkAction(ActionAttempt)} may still refuse.
 *
 * @param type the action type's name
 * @param item the item acted on, or null for a request
 * @param requestId the request acted on, or null for an item
 * @param actor the username of who acts
 * @param values the payload, field name to value, stripped
 * @since 1.0
 */
public record ActionAttempt(
    String type, Item item, String requestId, String actor, Map<String, String> values) {

  /**
   * Copies the values; null becomes empty.
   *
   * @since 1.0
   */
  public ActionAttempt {
    values = values == null ? Map.of() : Map.copyOf(values);
  }
}
