package org.unionhub.platform.module;

import java.time.LocalDate;
import org.unionhub.platform.calendar.WorkingCalendar;
import org.unionhub.sdk.WorkingDays;

/**
 * The SDK's {@link WorkingDays} on the platform's {@link WorkingCalendar}: the national schedule
 * and the local holidays the calendar service loaded into it.
 *
 * @param calendar the calendar
 */
public record CalendarWorkingDays(WorkingCalendar calendar) implements WorkingDays {

  @Override
  public boolean isWorkingDay(String tenantCode, LocalDate date) {
    return calendar.isWorkingDay(tenantCode, date);
  }

  @Override
  public LocalDate plusWorkingDays(String tenantCode, LocalDate start, int workingDays) {
    return calendar.addWorkingDays(tenantCode, start, workingDays);
  }
}
