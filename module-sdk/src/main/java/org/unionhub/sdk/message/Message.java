package org.unionhub.sdk.message;

import java.util.Locale;
import java.util.Objects;

/**
 * One message to one person.
 *
 * @param kind how the address reaches the person
 * @param to the address: a mobile number or an e-mail address
 * @param subject a subject, for channels that have one; may be empty
 * @param text the text, in the person's language
 * @param locale the language of the text
 * @since 0.4
 */
public record Message(Kind kind, String to, String subject, String text, Locale locale) {

  /**
   * Kinds of address.
   *
   * @since 0.4
   */
  public enum Kind {
    /** A mainland China mobile number: text messages. */
    MOBILE,
    /** An e-mail address. */
    EMAIL
  }

  /** Checks that kind, address and text are given. */
  public Message {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(text, "text");
    subject = subject == null ? "" : subject;
    locale = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
  }

  /**
   * @return the address with its middle hidden ({@code 138****8000}, {@code z***@example.com}), for
   *     logs
   * @since 0.4
   */
  public String maskedTo() {
    if (kind == Kind.MOBILE && to.length() >= 7) {
      return to.substring(0, 3) + "****" + to.substring(to.length() - 4);
    }
    int at = to.indexOf('@');
    return at > 0 ? to.charAt(0) + "***" + to.substring(at) : "***";
  }
}
