package org.unionhub.platform.calendar;

import org.unionhub.platform.problem.Explained;
import org.unionhub.platform.problem.ProblemText;

/**
 * The change was based on a state that is no longer current: someone else replaced the year's
 * schedule first, or the holiday is already there (or not there any more).
 */
public class CalendarConflictException extends RuntimeException implements Explained {

  private final String code;
  private final transient ProblemText text;
  private final Integer currentVersion;

  /**
   * @param code a stable reason code
   * @param message the reason for people
   * @param currentVersion the year's version now, or null when not about a year
   */
  public CalendarConflictException(String code, ProblemText message, Integer currentVersion) {
    super(message.toString());
    this.code = code;
    this.text = message;
    this.currentVersion = currentVersion;
  }

  /**
   * @return the reason, in any language
   */
  public ProblemText text() {
    return text;
  }

  public String code() {
    return code;
  }

  public Integer currentVersion() {
    return currentVersion;
  }
}
