package org.unionhub.sdk.item;

/**
 * Where an item is in its life. Whether a published item is open also depends on its window: see
 * {@link Item#phase(java.time.Instant)}.
 *
 * @since 1.0
 */
public enum ItemState {
  /** Being prepared; only its union's admins see it. */
  DRAFT,
  /** Published: visible to its audience, open inside its window. */
  PUBLISHED,
  /** Closed early or by its close time; no more actions. */
  CLOSED
}
