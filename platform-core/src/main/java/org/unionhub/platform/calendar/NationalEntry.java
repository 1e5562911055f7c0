package org.unionhub.platform.calendar;

import java.time.LocalDate;
import org.unionhub.platform.calendar.WorkingCalendar.DayKind;

/**
 * One line of a national schedule.
 *
 * @param date the date
 * @param kind {@code HOLIDAY}: a day off (on a weekend it changes nothing); {@code WORKDAY}: a
 *     weekend day worked to make up for a holiday (调休)
 * @param name what the day is, for example 春节 or 春节调休上班
 */
public record NationalEntry(LocalDate date, DayKind kind, String name) {}
