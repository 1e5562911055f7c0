package org.unionhub.sdk.item;

/**
 * An item's phase at a moment: its state and its window together.
 *
 * @since 1.0
 */
public enum Phase {
  /** Not published yet. */
  DRAFT,
  /** Published, before its open time. */
  SCHEDULED,
  /** Published and inside its window: actions are accepted. */
  OPEN,
  /** Past its close time, or closed early. */
  CLOSED
}
