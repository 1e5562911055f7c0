package org.unionhub.platform.problem;

/** The caller may see the thing but not do this to it. */
public class NotAllowedException extends RuntimeException implements Explained {

  private final transient ProblemText text;

  /**
   * @param text why not, for people
   */
  public NotAllowedException(ProblemText text) {
    super(text.toString());
    this.text = text;
  }

  /**
   * @param message why not, as written (for text that does not come from the bundles)
   */
  public NotAllowedException(String message) {
    this(ProblemText.literal(message));
  }

  /**
   * @return why not, in any language
   */
  public ProblemText text() {
    return text;
  }
}
