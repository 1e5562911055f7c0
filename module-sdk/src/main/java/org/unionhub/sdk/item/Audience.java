package org.unionhub.sdk.item;

/**
 * Who an item is for.
 *
 * @since 1.0
 */
public enum Audience {
  /** Members of the owning union and of every union below it. */
  SUBTREE_MEMBERS,
  /** Anyone who can log in, member or not. */
  AUTHENTICATED
}
