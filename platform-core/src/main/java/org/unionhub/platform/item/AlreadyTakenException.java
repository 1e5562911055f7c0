package org.unionhub.platform.item;

/**
 * The member already took this once-per-member action: the database's unique constraint refused a
 * second participation. The API answers 409; the transaction rolls back, nothing is stored.
 */
public class AlreadyTakenException extends RuntimeException {
  public AlreadyTakenException() {
    super("您已经参与过，每人只能一次 (you have already taken part; once per member)");
  }
}
