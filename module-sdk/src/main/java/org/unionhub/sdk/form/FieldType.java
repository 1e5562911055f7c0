package org.unionhub.sdk.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.validation.ResidentIdNumber;
import org.unionhub.sdk.validation.UnifiedSocialCreditCode;

/**
 * The kinds of form field; each knows how to check a value. Values travel as strings: numbers in
 * plain decimal notation, dates as {@code yyyy-MM-dd}, several choices joined by commas.
 *
 * @since 0.1
 */
public enum FieldType {
  /** One line of text. */
  TEXT,
  /** A mainland resident ID number (18 characters with check digit). */
  ID_NUMBER,
  /** A mainland mobile number (11 digits, starting with 1). */
  MOBILE,
  /** A unified social credit code (18 characters with check character). */
  CREDIT_CODE,
  /** One of the field's choices. */
  CHOICE,
  /** A date, {@code yyyy-MM-dd}. */
  DATE,
  /** A union's code. */
  TENANT,
  /**
   * The code of a district union: forms offer the active district unions to choose from, and the
   * platform refuses a code that names none ({@code UNKNOWN_DISTRICT}).
   *
   * @since 1.1
   */
  DISTRICT,
  /**
   * A number within the field's {@link FormField#min()} and {@link FormField#max()}.
   *
   * @since 1.0
   */
  NUMBER,
  /**
   * Several lines of text.
   *
   * @since 1.0
   */
  LONG_TEXT,
  /**
   * Any number of the field's choices up to {@link FormField#maxChoices()}, comma-separated.
   *
   * @since 1.0
   */
  MULTI_CHOICE,
  /**
   * A rating from 1 to 5.
   *
   * @since 1.0
   */
  RATING;

  private static final Pattern MOBILE_NUMBER = Pattern.compile("1[3-9]\\d{9}");
  private static final Pattern TENANT_CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");

  /**
   * @return whether the field's values are counted per choice ({@link #CHOICE}, {@link
   *     #MULTI_CHOICE})
   * @since 1.0
   */
  public boolean hasChoices() {
    return this == CHOICE || this == MULTI_CHOICE;
  }

  /**
   * @return whether the field's values are numbers that can be summed and averaged ({@link
   *     #NUMBER}, {@link #RATING})
   * @since 1.0
   */
  public boolean isNumeric() {
    return this == NUMBER || this == RATING;
  }

  FieldProblem check(FormField field, String value) {
    return switch (this) {
      case TEXT, LONG_TEXT -> null;
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
          field.hasChoice(value)
              ? null
              : problem(field, "NOT_A_CHOICE", "不是可选的值", "not one of the allowed values");
      case MULTI_CHOICE -> checkChoices(field, value);
      case DATE -> {
        try {
          LocalDate.parse(value);
          yield null;
        } catch (DateTimeParseException e) {
          yield problem(field, "INVALID_DATE", "日期格式应为 yyyy-MM-dd", "dates are written yyyy-MM-dd");
        }
      }
      case TENANT, DISTRICT ->
          TENANT_CODE.matcher(value).matches()
              ? null
              : problem(field, "INVALID_TENANT", "不是有效的工会代码", "not a valid union code");
      case NUMBER -> checkNumber(field, value, field.min(), field.max());
      case RATING ->
          value.length() == 1 && value.charAt(0) >= '1' && value.charAt(0) <= '5'
              ? null
              : problem(
                  field, "NOT_A_RATING", "评分应为1到5的整数", "a rating is a whole number from 1 to 5");
    };
  }

  private static FieldProblem checkChoices(FormField field, String value) {
    List<String> chosen = FormField.split(value);
    var seen = new HashSet<String>();
    for (String one : chosen) {
      if (!field.hasChoice(one)) {
        return problem(field, "NOT_A_CHOICE", "含有不可选的值", "contains a value that is not a choice");
      }
      if (!seen.add(one)) {
        return problem(field, "REPEATED_CHOICE", "同一选项选了两次", "the same choice is given twice");
      }
    }
    if (field.maxChoices() != null && chosen.size() > field.maxChoices()) {
      return new FieldProblem(
          field.name(),
          "TOO_MANY_CHOICES",
          LocalizedText.of(
              "最多选择" + field.maxChoices() + "项", "choose at most " + field.maxChoices()));
    }
    return null;
  }

  private static FieldProblem checkNumber(
      FormField field, String value, BigDecimal min, BigDecimal max) {
    if (!DECIMAL.matcher(value).matches()) {
      return problem(field, "NOT_A_NUMBER", "应为数字", "must be a number");
    }
    var number = new BigDecimal(value);
    if (min != null && number.compareTo(min) < 0) {
      return new FieldProblem(
          field.name(),
          "UNDER_MINIMUM",
          LocalizedText.of(
              "不能小于" + min.toPlainString(), "must be at least " + min.toPlainString()));
    }
    if (max != null && number.compareTo(max) > 0) {
      return new FieldProblem(
          field.name(),
          "OVER_MAXIMUM",
          LocalizedText.of("不能大于" + max.toPlainString(), "must be at most " + max.toPlainString()));
    }
    return null;
  }

  private static FieldProblem problem(FormField field, String code, String zh, String en) {
    return new FieldProblem(field.name(), code, LocalizedText.of(zh, en));
  }
}
