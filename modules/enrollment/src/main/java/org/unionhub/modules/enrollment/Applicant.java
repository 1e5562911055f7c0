package org.unionhub.modules.enrollment;

import java.time.LocalDate;

/**
 * The rule fact for an enrollment application: who applies, as read from the form.
 *
 * <p>Rules read it through its getters, for example {@code Applicant( age < 16 )}.
 */
public final class Applicant {

  private final String idNumber;
  private final LocalDate birthDate;
  private final int age;
  private final String gender;
  private final String employmentType;
  private final String employerCreditCode;
  private final String district;
  private final int minimumAge;
  private final String employerUnion;
  private final String filedAtLevel;

  /**
   * Creates the fact.
   *
   * @param idNumber the resident ID number
   * @param birthDate the birth date read from the ID number
   * @param age the age in whole years on the submission date
   * @param gender {@code male} or {@code female}
   * @param employmentType how the applicant is employed
   * @param employerCreditCode the employer's unified social credit code
   * @param district the code of the district union the employer belongs to
   */
  public Applicant(
      String idNumber,
      LocalDate birthDate,
      int age,
      String gender,
      String employmentType,
      String employerCreditCode,
      String district) {
    this(idNumber, birthDate, age, gender, employmentType, employerCreditCode, district, 16);
  }

  /**
   * Creates the fact with the tenant's minimum age.
   *
   * @param idNumber the resident ID number
   * @param birthDate the birth date read from the ID number
   * @param age the age in whole years on the submission date
   * @param gender {@code male} or {@code female}
   * @param employmentType how the applicant is employed
   * @param employerCreditCode the employer's unified social credit code
   * @param district the code of the district union the employer belongs to
   * @param minimumAge the youngest age the tenant admits (setting {@code minimumAge})
   */
  public Applicant(
      String idNumber,
      LocalDate birthDate,
      int age,
      String gender,
      String employmentType,
      String employerCreditCode,
      String district,
      int minimumAge) {
    this(
        idNumber,
        birthDate,
        age,
        gender,
        employmentType,
        employerCreditCode,
        district,
        minimumAge,
        null,
        null);
  }

  /**
   * Creates the fact with what routing needs to know about the union tree.
   *
   * @param idNumber the resident ID number
   * @param birthDate the birth date read from the ID number
   * @param age the age in whole years on the submission date
   * @param gender {@code male} or {@code female}
   * @param employmentType how the applicant is employed
   * @param employerCreditCode the employer's unified social credit code, or null
   * @param district the code of the district union the applicant chose, or null
   * @param minimumAge the youngest age the tenant admits (setting {@code minimumAge})
   * @param employerUnion the active grassroots union recording the employer's code, or null
   * @param filedAtLevel the level of the union the application was filed at, lower case, or null
   */
  public Applicant(
      String idNumber,
      LocalDate birthDate,
      int age,
      String gender,
      String employmentType,
      String employerCreditCode,
      String district,
      int minimumAge,
      String employerUnion,
      String filedAtLevel) {
    this.employerUnion = employerUnion;
    this.filedAtLevel = filedAtLevel;
    this.minimumAge = minimumAge;
    this.idNumber = idNumber;
    this.birthDate = birthDate;
    this.age = age;
    this.gender = gender;
    this.employmentType = employmentType;
    this.employerCreditCode = employerCreditCode;
    this.district = district;
  }

  public String getIdNumber() {
    return idNumber;
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public int getAge() {
    return age;
  }

  public String getGender() {
    return gender;
  }

  public String getEmploymentType() {
    return employmentType;
  }

  public String getEmployerCreditCode() {
    return employerCreditCode;
  }

  public String getDistrict() {
    return district;
  }

  /**
   * @return the code of the active grassroots union that records the employer's credit code, or
   *     null when the employer has no union (or no code was given)
   */
  public String getEmployerUnion() {
    return employerUnion;
  }

  /**
   * @return the level of the union the application was filed at ({@code grassroots}, {@code
   *     district}, {@code municipal}, ...), or null when not known
   */
  public String getFiledAtLevel() {
    return filedAtLevel;
  }

  /**
   * @return the youngest age the tenant admits
   */
  public int getMinimumAge() {
    return minimumAge;
  }
}
