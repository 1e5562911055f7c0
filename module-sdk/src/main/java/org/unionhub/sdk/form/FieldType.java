package org.unionhub.sdk.form;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.validation.ResidentIdNumber;
import org.unionhub.sdk.validation.UnifiedSocialCreditCode;

/**
 * The kinds of form field the platform knows how to validate and render.
 *
 * @since 0.1
 */
public enum FieldType {
  /** Free text. */
  TEXT,
  /** A resident identity card number (GB 11643), validated with its check digit. */
  ID_NUMBER,
  /** A mainland mobile number, 11 digits starting with 1. */
  MOBILE,
  /** A unified social credit code (GB 32100), validated with its check character. */
  CREDIT_CODE,
  /** One of the field's {@link FormField#choices()}. */
  CHOICE,
  /** An ISO date, {@code yyyy-MM-dd}. */
  DATE,
  /** The code of a tenant, for example a district union. */
  TENANT;

  private static final Pattern MOBILE_NUMBER = Pattern.compile("1[3-9]\\d{9}");
  private static final Pattern TENANT_CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /**
   * Checks a non-blank value against this type. Required-ness and length are checked by {@link
   * FormField#check(String)}.
   *
   * @param field the field being checked
   * @param value the submitted, non-blank value
   * @return the problem, or null when the value is acceptable
   * @since 0.1
   */
  FieldProblem check(FormField field, String value) {
    return switch (this) {
      case TEXT -> null;
      case ID_NUMBER ->
          ResidentIdNumber.isValid(value)
              ? null
              : problem(
                  field, "INVALID_ID_NUMBER", "身份证号码格式或校验位不正确", "not a valid resident ID number");
      case MOBILE ->
          MOBILE_NUMBER.matcher(value).matches()
              ? null
              : problem(
                  field, "INVALID_MOBILE", "手机号码应为以1开头的11位数字", "not an 11-digit mobile number");
      case CREDIT_CODE ->
          UnifiedSocialCreditCode.isValid(value)
              ? null
              : problem(
                  field,
                  "INVALID_CREDIT_CODE",
                  "统一社会信用代码格式或校验位不正确",
                  "not a valid unified social credit code");
      case CHOICE ->
          field.choices().stream().anyMatch(c -> c.value().equals(value))
              ? null
              : problem(field, "NOT_A_CHOICE", "不是可选的值", "not one of the allowed values");
      case DATE -> {
        try {
          LocalDate.parse(value);
          yield null;
        } catch (DateTimeParseException e) {
          yield problem(field, "INVALID_DATE", "日期格式应为 yyyy-MM-dd", "dates are written yyyy-MM-dd");
        }
      }
      case TENANT ->
          TENANT_CODE.matcher(value).matches()
              ? null
              : problem(field, "INVALID_TENANT", "不是有效的工会代码", "not a valid union code");
    };
  }

  private static FieldProblem problem(FormField field, String code, String zh, String en) {
    return new FieldProblem(field.name(), code, LocalizedText.of(zh, en));
  }
}
