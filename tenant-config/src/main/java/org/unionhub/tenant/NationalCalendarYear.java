package org.unionhub.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A year that has a national schedule; its days are {@link NationalCalendarDay} rows. */
@Entity
@Table(name = "national_calendar_year")
public class NationalCalendarYear {

  @Id
  @Column(name = "calendar_year")
  private int calendarYear;

  @Column(nullable = false)
  private int version;

  @Column(name = "updated_by", nullable = false, length = 100)
  private String updatedBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected NationalCalendarYear() {}

  NationalCalendarYear(int year) {
    this.calendarYear = year;
  }

  /** Counts a replacement: the first schedule of a year is version 1. */
  void replacedBy(String actor, Instant at) {
    version++;
    updatedBy = actor;
    updatedAt = at;
  }

  public int getYear() {
    return calendarYear;
  }

  public int getVersion() {
    return version;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
