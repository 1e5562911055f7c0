package org.unionhub.platform.problem;

/**
 * An exception that says why in words for people, to be written in the reader's language where it
 * is shown (the API's error mappers, the pages).
 */
public interface Explained {

  /**
   * @return why, in any language
   */
  ProblemText text();
}
