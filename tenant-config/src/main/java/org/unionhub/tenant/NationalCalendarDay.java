package org.unionhub.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.unionhub.platform.calendar.WorkingCalendar.DayKind;

/** A date on which the national schedule departs from the Monday-to-Friday rule. */
@Entity
@Table(name = "national_calendar_day")
public class NationalCalendarDay {

  @Id
  @Column(name = "calendar_date")
  private LocalDate calendarDate;

  @Column(name = "calendar_year", nullable = false)
  private int calendarYear;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private DayKind kind;

  @Column(nullable = false, length = 100)
  private String name;

  protected NationalCalendarDay() {}

  NationalCalendarDay(LocalDate date, DayKind kind, String name) {
    this.calendarDate = date;
    this.calendarYear = date.getYear();
    this.kind = kind;
    this.name = name;
  }
}
