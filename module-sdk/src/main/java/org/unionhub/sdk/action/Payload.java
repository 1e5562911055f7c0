package org.unionhub.sdk.action;

/**
 * Where the fields of an action's payload come from.
 *
 * @since 1.0
 */
public enum Payload {
  /** No payload: the action itself is the fact (support, sign up). */
  NONE,
  /** The fields the action type declares ({@link ActionType#fields()}). */
  DECLARED,
  /** The item's own questions, as its owner wrote them (a survey's answers). */
  ITEM_QUESTIONS
}
