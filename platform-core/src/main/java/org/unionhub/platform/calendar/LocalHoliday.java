package org.unionhub.platform.calendar;

import java.time.LocalDate;

/**
 * A day off that one union declares for itself and every union below it.
 *
 * @param tenantCode the union that declared it
 * @param date the date
 * @param name what the day is
 */
public record LocalHoliday(String tenantCode, LocalDate date, String name) {}
