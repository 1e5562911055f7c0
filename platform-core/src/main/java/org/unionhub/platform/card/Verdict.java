package org.unionhub.platform.card;

/**
 * The answer to a card verification; the same shape whatever the outcome, and for an invalid card
 * nothing about the member.
 *
 * @param valid whether the card is valid now
 * @param reason why not: {@code EXPIRED}, {@code REVOKED}, {@code BAD_SIGNATURE}, {@code
 *     MALFORMED}, {@code RATE_LIMITED}; null when valid
 * @param name the member's masked name, when valid
 * @param union the union's name, when valid
 */
public record Verdict(boolean valid, String reason, String name, String union) {

  /** Why a card is not valid. */
  public enum Reason {
    EXPIRED,
    REVOKED,
    BAD_SIGNATURE,
    MALFORMED,
    RATE_LIMITED
  }

  static Verdict valid(CardClaims c) {
    return new Verdict(true, null, c.maskedName(), c.union());
  }

  /**
   * @param reason why not
   * @return an invalid verdict
   */
  public static Verdict invalid(Reason reason) {
    return new Verdict(false, reason.name(), null, null);
  }
}
