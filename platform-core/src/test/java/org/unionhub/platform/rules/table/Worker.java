package org.unionhub.platform.rules.table;

import java.time.LocalDate;

/**
 * A rule fact with a property of every kind decision tables compare, nullable and not, and one (an
 * enum) they cannot.
 */
public final class Worker {

  /** How a worker is employed; tables cannot compare enums. */
  public enum Contract {
    FULL_TIME,
    DISPATCHED
  }

  private int age;
  private Integer yearsOfService;
  private long staffCount;
  private double monthlyWage;
  private Double bonus;
  private String name;
  private String district;
  private boolean member;
  private Boolean retired;
  private LocalDate birthDate;
  private Contract contract;

  public int getAge() {
    return age;
  }

  public Integer getYearsOfService() {
    return yearsOfService;
  }

  public long getStaffCount() {
    return staffCount;
  }

  public double getMonthlyWage() {
    return monthlyWage;
  }

  public Double getBonus() {
    return bonus;
  }

  public String getName() {
    return name;
  }

  public String getDistrict() {
    return district;
  }

  public boolean isMember() {
    return member;
  }

  public Boolean getRetired() {
    return retired;
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public Contract getContract() {
    return contract;
  }

  public Worker age(int value) {
    age = value;
    return this;
  }

  public Worker yearsOfService(Integer value) {
    yearsOfService = value;
    return this;
  }

  public Worker staffCount(long value) {
    staffCount = value;
    return this;
  }

  public Worker monthlyWage(double value) {
    monthlyWage = value;
    return this;
  }

  public Worker bonus(Double value) {
    bonus = value;
    return this;
  }

  public Worker name(String value) {
    name = value;
    return this;
  }

  public Worker district(String value) {
    district = value;
    return this;
  }

  public Worker member(boolean value) {
    member = value;
    return this;
  }

  public Worker retired(Boolean value) {
    retired = value;
    return this;
  }

  public Worker birthDate(LocalDate value) {
    birthDate = value;
    return this;
  }

  public Worker contract(Contract value) {
    contract = value;
    return this;
  }

  /** The value of a property by its name, as a table's condition column names it. */
  Object get(String property) {
    return switch (property) {
      case "age" -> age;
      case "yearsOfService" -> yearsOfService;
      case "staffCount" -> staffCount;
      case "monthlyWage" -> monthlyWage;
      case "bonus" -> bonus;
      case "name" -> name;
      case "district" -> district;
      case "member" -> member;
      case "retired" -> retired;
      case "birthDate" -> birthDate;
      default -> throw new IllegalArgumentException(property);
    };
  }

  @Override
  public String toString() {
    return "Worker[age="
        + age
        + ", yearsOfService="
        + yearsOfService
        + ", staffCount="
        + staffCount
        + ", monthlyWage="
        + monthlyWage
        + ", bonus="
        + bonus
        + ", name="
        + name
        + ", district="
        + district
        + ", member="
        + member
        + ", retired="
        + retired
        + ", birthDate="
        + birthDate
        + "]";
  }
}
