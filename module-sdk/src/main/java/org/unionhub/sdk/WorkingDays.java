package org.unionhub.sdk;

import java.time.LocalDate;

/**
 * China's working-day calendar as a union sees it: the State Council's statutory holidays and
 * make-up workdays, and the local holidays of the union and its ancestors.
 *
 * @since 1.0
 */
public interface WorkingDays {

  /**
   * @param tenantCode the union whose calendar counts
   * @param date a day
   * @return whether people work that day
   * @since 1.0
   */
  boolean isWorkingDay(String tenantCode, LocalDate date);

  /**
   * The day a number of working days after a start day.
   *
   * @param tenantCode the union whose calendar counts
   * @param start the day counting starts after
   * @param workingDays how many working days
   * @return the due day
   * @since 1.0
   */
  LocalDate plusWorkingDays(String tenantCode, LocalDate start, int workingDays);
}
