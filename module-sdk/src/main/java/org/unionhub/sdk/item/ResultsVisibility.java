package org.unionhub.sdk.item;

/**
 * When members may see an item's tallies; its union's staff and admins always may.
 *
 * @since 1.0
 */
public enum ResultsVisibility {
  /** Never shown to members. */
  NEVER,
  /** Shown once the item has closed. */
  AFTER_CLOSE,
  /** Shown live, as actions arrive. */
  LIVE
}
