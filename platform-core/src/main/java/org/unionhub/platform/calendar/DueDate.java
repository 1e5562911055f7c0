package org.unionhub.platform.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A due date, and the years on the way to it that had no national schedule: there only weekends
 * were days off, so the date may come too early once the State Council's schedule is entered.
 *
 * @param date the due date
 * @param unscheduledYears years crossed without a national schedule, ascending; empty when the
 *     calendar was complete
 */
public record DueDate(LocalDate date, SortedSet<Integer> unscheduledYears) {

  public DueDate {
    unscheduledYears = Collections.unmodifiableSortedSet(new TreeSet<>(unscheduledYears));
  }

  /**
   * @return whether every year on the way had a national schedule
   */
  public boolean complete() {
    return unscheduledYears.isEmpty();
  }
}
