package org.unionhub.platform.item;

import org.unionhub.platform.problem.Explained;
import org.unionhub.platform.problem.ProblemText;

/**
 * The member already took this once-per-member action: the database's unique constraint refused a
 * second participation. The API answers 409; the transaction rolls back, nothing is stored.
 */
public class AlreadyTakenException extends RuntimeException implements Explained {
  private static final ProblemText TEXT = ProblemText.of("item.you-have-already-taken-part-once");

  public AlreadyTakenException() {
    super(TEXT.toString());
  }

  /**
   * @return the reason, in any language
   */
  public ProblemText text() {
    return TEXT;
  }
}
