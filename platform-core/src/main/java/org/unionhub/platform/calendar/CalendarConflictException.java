package org.unionhub.platform.calendar;

/**
 * The change was based on a state that is no longer current: someone else replaced the year's
 * schedule first, or the holiday is already there (or not there any more).
 */
public class CalendarConflictException extends RuntimeException {

  private final String code;
  private final Integer currentVersion;

  /**
   * @param code a stable reason code
   * @param message the reason for people
   * @param currentVersion the year's version now, or null when not about a year
   */
  public CalendarConflictException(String code, String message, Integer currentVersion) {
    super(message);
    this.code = code;
    this.currentVersion = currentVersion;
  }

  public String code() {
    return code;
  }

  public Integer currentVersion() {
    return currentVersion;
  }
}
