package org.unionhub.platform.personal;

/** How personal data looks to everyone without a need to see it in full. */
public final class Masks {

  private Masks() {}

  /**
   * @param idNumber a resident ID number
   * @return the first 6 and last 4 characters, the rest as {@code *}: {@code 110105********002X}
   */
  public static String idNumber(String idNumber) {
    return org.unionhub.sdk.validation.ResidentIdNumber.mask(idNumber);
  }

  /**
   * @param mobile a mobile number
   * @return the first 3 and last 4 digits: {@code 138****8000}
   */
  public static String mobile(String mobile) {
    if (mobile == null || mobile.length() < 8) {
      return mobile == null ? null : "*".repeat(mobile.length());
    }
    int n = mobile.length();
    return mobile.substring(0, 3) + "*".repeat(n - 7) + mobile.substring(n - 4);
  }

  /**
   * @param name a person's name
   * @return the family name (first character) and {@code *} for the rest: {@code 张*}, {@code 欧**}
   */
  public static String name(String name) {
    if (name == null || name.isBlank()) {
      return name;
    }
    String s = name.strip();
    int first = s.offsetByCodePoints(0, 1);
    return s.substring(0, first) + "*".repeat(Math.max(1, s.codePointCount(first, s.length())));
  }
}
