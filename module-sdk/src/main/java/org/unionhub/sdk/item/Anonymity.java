package org.unionhub.sdk.item;

/**
 * Whether actions on an item of a kind are stored without the actor. For an anonymous item the
 * platform keeps the fact that a member took part apart from what they answered, with nothing that
 * ties the two together (no member id, no timestamp finer than the day, no shared key).
 *
 * @since 1.0
 */
public enum Anonymity {
  /** Always named. */
  NEVER,
  /** The item's owner chooses per item. */
  OPTIONAL,
  /** Always anonymous. */
  ALWAYS
}
