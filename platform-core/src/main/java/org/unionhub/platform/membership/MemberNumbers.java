package org.unionhub.platform.membership;

/**
 * Member numbers, unique nationwide: the year of admission (4 digits), a sequence shared by the
 * whole tree (8 digits, zero-padded) and a check character computed like a resident ID number's
 * (ISO 7064 MOD 11-2, {@code 0}–{@code 9} or {@code X}) — 13 characters, for example {@code
 * 2026000000017}. A number never changes, not even when the member transfers, and is never reused.
 */
public final class MemberNumbers {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9};
  private static final char[] CHECK = "10X98765432".toCharArray();

  private MemberNumbers() {}

  /**
   * @param year the year of admission
   * @param sequence the next value of the nationwide sequence
   * @return the member number
   */
  public static String of(int year, long sequence) {
    if (sequence < 1 || sequence > 99_999_999L || year < 1000 || year > 9999) {
      throw new IllegalArgumentException("member number out of range: " + year + "/" + sequence);
    }
    String body = String.format("%04d%08d", year, sequence);
    return body + check(body);
  }

  /**
   * @param number a member number
   * @return whether it has the format and a correct check character
   */
  public static boolean isValid(String number) {
    return number != null
        && number.matches("\\d{12}[0-9X]")
        && number.charAt(12) == check(number.substring(0, 12));
  }

  private static char check(String body) {
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (body.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }
}
