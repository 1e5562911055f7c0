package org.unionhub.sdk.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The 18-character resident identity card number of GB 11643-1999: a six-digit area code, the birth
 * date {@code yyyyMMdd}, a three-digit sequence, and an ISO 7064 MOD 11-2 check character.
 *
 * @since 0.1
 */
public final class ResidentIdNumber {

  private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  private ResidentIdNumber() {}

  /**
   * Whether the number has the right shape, a real birth date and the right check character.
   *
   * @param number the number; a lower-case {@code x} is accepted
   * @return true when valid
   * @since 0.1
   */
  public static boolean isValid(String number) {
    return birthDate(number).isPresent();
  }

  /**
   * The birth date encoded in a valid number.
   *
   * @param number the number
   * @return the birth date, or empty when the number is not valid
   * @since 0.1
   */
  public static Optional<LocalDate> birthDate(String number) {
    if (number == null) {
      return Optional.empty();
    }
    String n = number.strip().toUpperCase(java.util.Locale.ROOT);
    if (!SHAPE.matcher(n).matches() || n.charAt(17) != checkCharacter(n)) {
      return Optional.empty();
    }
    try {
      LocalDate birth =
          LocalDate.of(
              Integer.parseInt(n.substring(6, 10)),
              Integer.parseInt(n.substring(10, 12)),
              Integer.parseInt(n.substring(12, 14)));
      return birth.getYear() < 1900 ? Optional.empty() : Optional.of(birth);
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Age in whole years on a given day.
   *
   * @param number a valid number
   * @param on the day
   * @return the age, or empty when the number is not valid
   * @since 0.1
   */
  public static Optional<Integer> ageOn(String number, LocalDate on) {
    return birthDate(number).map(birth -> Period.between(birth, on).getYears());
  }

  /**
   * The check character for the first 17 digits of a number.
   *
   * @param number at least 17 digits
   * @return the check character
   * @since 0.1
   */
  public static char checkCharacter(String number) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (number.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK.charAt(sum % 11);
  }

  /**
   * Masks a number for display: the first 6 and last 4 characters stay visible.
   *
   * @param number the number
   * @return the masked number, or null for null
   * @since 0.1
   */
  public static String mask(String number) {
    if (number == null || number.length() < 10) {
      return number == null ? null : "*".repeat(number.length());
    }
    return number.substring(0, 6)
        + "*".repeat(number.length() - 10)
        + number.substring(number.length() - 4);
  }
}
