package org.unionhub.sdk.action;

import java.time.LocalDate;
import java.util.Map;

/**
 * An action as stored: what module code and talliers see.
 *
 * @param type the action type's name
 * @param targetId the item's or request's id
 * @param tenantCode the union that owns the target
 * @param actor the username of who took it; null for an anonymous item
 * @param day the day it was taken, China Standard Time (no finer time is kept for anonymous items)
 * @param values the payload, field name to value
 * @since 1.0
 */
public record MemberAction(
    String type,
    String targetId,
    String tenantCode,
    String actor,
    LocalDate day,
    Map<String, String> values) {

  /**
   * Copies the values; null becomes empty.
   *
   * @since 1.0
   */
  public MemberAction {
    values = values == null ? Map.of() : Map.copyOf(values);
  }
}
