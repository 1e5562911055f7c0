package org.unionhub.platform.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port: where the national schedules and the tenants' local holidays are stored. Implemented by
 * tenant-config. Every change runs in the caller's transaction and starts with {@link
 * #beginChange()}.
 */
public interface CalendarRepository {

  /**
   * Everything the in-memory calendar needs, read in a transaction of its own, the revision first
   * so that the snapshot is never labelled newer than its content.
   *
   * @return the stored calendar
   */
  WorkingCalendar.Schedule load();

  /**
   * @return the current revision, which every change increases
   */
  long revision();

  /**
   * Increases the revision and holds its lock until the transaction ends, so that calendar changes
   * run one after another and every node can tell that its copy is out of date.
   */
  void beginChange();

  /**
   * @return the years that have a national schedule, ascending
   */
  List<YearSummary> years();

  /**
   * @param year a year
   * @return its schedule's summary, empty when it has none
   */
  Optional<YearSummary> year(int year);

  /**
   * @param year a year
   * @return its national entries, by date
   */
  List<NationalEntry> entries(int year);

  /**
   * Replaces a year's national schedule, creating the year when it had none.
   *
   * @param year the year
   * @param entries its entries, all inside the year, one per date
   * @param actor who replaces it
   * @param at when
   * @return the year's summary afterwards
   */
  YearSummary replaceYear(int year, List<NationalEntry> entries, String actor, Instant at);

  /**
   * @param tenantCodes tenant codes
   * @return the own local holidays of those tenants, by date
   */
  List<LocalHoliday> holidays(Collection<String> tenantCodes);

  /**
   * @param holiday a local holiday whose tenant has none on that date yet
   * @param actor who adds it
   * @param at when
   */
  void addHoliday(LocalHoliday holiday, String actor, Instant at);

  /**
   * @param tenantCode a tenant
   * @param date a date
   * @return whether the tenant had an own local holiday on that date, now removed
   */
  boolean removeHoliday(String tenantCode, LocalDate date);
}
