package org.unionhub.sdk.action;

/**
 * What an action, a tally or a conversation is attached to.
 *
 * @param on items of a kind, or requests
 * @param itemKind the item kind's name when {@code on} is {@link On#ITEM}, otherwise null
 * @since 1.0
 */
public record Target(On on, String itemKind) {

  /**
   * The two things that can be acted on.
   *
   * @since 1.0
   */
  public enum On {
    /** A union's item of a given kind. */
    ITEM,
    /** A request of the module, submitted by a member. */
    REQUEST
  }

  /**
   * @param kind an item kind of the same module
   * @return items of that kind
   * @since 1.0
   */
  public static Target items(String kind) {
    return new Target(On.ITEM, kind);
  }

  /**
   * @return the module's requests
   * @since 1.0
   */
  public static Target requests() {
    return new Target(On.REQUEST, null);
  }
}
