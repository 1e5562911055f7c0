package org.unionhub.sdk.validation;

import java.util.regex.Pattern;

/**
 * The 18-character unified social credit code of GB 32100-2015 that identifies an employer, with
 * its MOD 31 check character.
 *
 * @since 0.1
 */
public final class UnifiedSocialCreditCode {

  private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final Pattern SHAPE =
      Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private UnifiedSocialCreditCode() {}

  /**
   * Whether the code has the right shape and check character.
   *
   * @param code the code, upper case
   * @return true when valid
   * @since 0.1
   */
  public static boolean isValid(String code) {
    if (code == null) {
      return false;
    }
    String c = code.strip();
    return SHAPE.matcher(c).matches() && c.charAt(17) == checkCharacter(c);
  }

  /**
   * The check character for the first 17 characters of a code.
   *
   * @param code at least 17 characters of the code's alphabet
   * @return the check character
   * @since 0.1
   */
  public static char checkCharacter(String code) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += CHARSET.indexOf(code.charAt(i)) * WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return CHARSET.charAt(check);
  }
}
