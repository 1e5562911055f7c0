package org.unionhub.platform.problem;

/**
 * The thing asked for does not exist or the caller may not see it; the API answers 404 for both so
 * that nothing leaks, and says so in the reader's language ({@link #text()}).
 */
public class NotVisibleException extends RuntimeException {

  private final String what;

  /**
   * @param what the kind of thing, in English, for logs ("request", "item", "tenant", ...)
   */
  public NotVisibleException(String what) {
    super(what + " not found");
    this.what = what;
  }

  /**
   * @return what people read: the kind of thing, not found or not theirs to see
   */
  public ProblemText text() {
    return switch (what) {
      case "tenant", "parent tenant" -> ProblemText.of("problem.not-found.union");
      case "item" -> ProblemText.of("problem.not-found.item");
      case "module" -> ProblemText.of("problem.not-found.module");
      case "member" -> ProblemText.of("problem.not-found.member");
      case "membership" -> ProblemText.of("problem.not-found.membership");
      case "request" -> ProblemText.of("problem.not-found.request");
      case "version" -> ProblemText.of("problem.not-found.version");
      case "user" -> ProblemText.of("problem.not-found.user");
      case "transfer" -> ProblemText.of("problem.not-found.transfer");
      case "job" -> ProblemText.of("problem.not-found.job");
      case "holiday" -> ProblemText.of("problem.not-found.holiday");
      case "year" -> ProblemText.of("problem.not-found.year");
      case "tally" -> ProblemText.of("problem.not-found.tally");
      case "conversation" -> ProblemText.of("problem.not-found.conversation");
      case "action" -> ProblemText.of("problem.not-found.action");
      default -> ProblemText.of("problem.not-found");
    };
  }
}
