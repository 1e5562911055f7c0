package org.unionhub.platform.calendar;

import java.time.Instant;

/**
 * A year that has a national schedule.
 *
 * @param year the year
 * @param holidays how many HOLIDAY entries it has
 * @param workdays how many make-up WORKDAY entries it has
 * @param version increases with every replacement; the first schedule of a year has version 1
 * @param updatedBy who last replaced it; {@code system} for the built-in schedules
 * @param updatedAt when
 */
public record YearSummary(
    int year, int holidays, int workdays, int version, String updatedBy, Instant updatedAt) {}
