/**
 * Working days on China's official calendar: the national schedules (statutory holidays and the
 * make-up workdays, 调休, the State Council announces each year) and tenants' local holidays,
 * inherited down the tree. {@link org.unionhub.platform.calendar.WorkingCalendar} answers from
 * memory; {@link org.unionhub.platform.calendar.CalendarService} holds the use cases that change
 * the stored calendar through the {@link org.unionhub.platform.calendar.CalendarRepository} port,
 * which tenant-config fills.
 */
package org.unionhub.platform.calendar;
