package org.unionhub.platform.personal;

/** Stored personal data that {@link ResealJob} moves to the active key after a rotation. */
public interface Resealable {

  /**
   * Re-seals up to {@code limit} rows still sealed under an older key, in a transaction of its own.
   *
   * @param limit the most rows
   * @return how many were re-sealed; 0 when none is left
   */
  int resealBatch(int limit);
}
