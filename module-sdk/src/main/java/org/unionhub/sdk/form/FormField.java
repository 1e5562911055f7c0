package org.unionhub.sdk.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.unionhub.sdk.LocalizedText;

/**
 * One field of a form: a request's form, an item's own attributes, or the questions an admin puts
 * into an item (a survey's questions are form fields too). Made with {@link #builder(String,
 * FieldType)}; immutable.
 *
 * @since 0.1 (a class with a builder since 1.0)
 */
public final class FormField {

  /**
   * The longest value any field takes, in characters (a {@link FieldType#LONG_TEXT} may be set up
   * to this).
   *
   * @since 1.0
   */
  public static final int LONGEST = 10_000;

  private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,39}");
  private static final Pattern CHOICE_VALUE = Pattern.compile("[^,\\s][^,]{0,63}");

  private final String name;
  private final FieldType type;
  private final LocalizedText label;
  private final LocalizedText help;
  private final boolean required;
  private final int maxLength;
  private final List<Choice> choices;
  private final BigDecimal min;
  private final BigDecimal max;
  private final Integer maxChoices;

  private FormField(Builder b) {
    this.name = b.name;
    this.type = Objects.requireNonNull(b.type, "type");
    this.label = b.label;
    this.help = b.help;
    this.required = b.required;
    this.maxLength = b.maxLength != null ? b.maxLength : defaultMaxLength(type);
    this.choices = List.copyOf(b.choices);
    this.min = type == FieldType.RATING ? BigDecimal.ONE : b.min;
    this.max = type == FieldType.RATING ? BigDecimal.valueOf(5) : b.max;
    this.maxChoices = b.maxChoices;
  }

  private static int defaultMaxLength(FieldType type) {
    return switch (type) {
      case LONG_TEXT -> 2000;
      case MULTI_CHOICE -> 1000;
      case CHOICE -> 64;
      default -> 200;
    };
  }

  /**
   * Starts a field; it is required unless {@link Builder#optional()} is called.
   *
   * @param name the field's name in submitted data, {@code [a-zA-Z][a-zA-Z0-9_]{0,39}}
   * @param type its type
   * @return a builder
   * @since 1.0
   */
  public static Builder builder(String name, FieldType type) {
    return new Builder(name, type);
  }

  /**
   * A field without choices or bounds, at most 200 characters.
   *
   * @param name the field's name
   * @param type its type
   * @param label its label
   * @param required whether it must be filled in
   * @return the field
   * @since 0.1
   */
  public static FormField of(String name, FieldType type, LocalizedText label, boolean required) {
    return builder(name, type).label(label).required(required).build();
  }

  /**
   * A required single-choice field.
   *
   * @param name the field's name
   * @param label its label
   * @param choices the values to choose from
   * @return the field
   * @since 0.1
   */
  public static FormField choice(String name, LocalizedText label, List<Choice> choices) {
    return builder(name, FieldType.CHOICE).label(label).choices(choices).build();
  }

  /**
   * @return a builder holding this field's properties, to derive a changed copy
   * @since 1.0
   */
  public Builder toBuilder() {
    var b = new Builder(name, type);
    b.label = label;
    b.help = help;
    b.required = required;
    b.maxLength = maxLength;
    b.choices = new ArrayList<>(choices);
    b.min = min;
    b.max = max;
    b.maxChoices = maxChoices;
    return b;
  }

  /**
   * Checks one submitted value.
   *
   * @param value the value, null or blank when not given
   * @return the problem, or null when the value is acceptable
   * @since 0.1
   */
  public FieldProblem check(String value) {
    if (value == null || value.isBlank()) {
      return required
          ? new FieldProblem(name, "REQUIRED", LocalizedText.of("此项必填", "this field is required"))
          : null;
    }
    if (value.length() > maxLength) {
      return new FieldProblem(
          name,
          "TOO_LONG",
          LocalizedText.of(
              "不能超过" + maxLength + "个字符", "must be at most " + maxLength + " characters"));
    }
    return type.check(this, value.strip());
  }

  /**
   * What is wrong with the field's own definition (a module's, or an admin's question).
   *
   * @return problems in English, empty when none
   * @since 1.0
   */
  public List<String> problems() {
    var problems = new ArrayList<String>();
    if (name == null || !NAME.matcher(name).matches()) {
      problems.add("field name '" + name + "' must match " + NAME.pattern());
      return problems;
    }
    if (label == null) {
      problems.add("field '" + name + "' has no label");
    }
    if (maxLength <= 0 || maxLength > LONGEST) {
      problems.add("field '" + name + "' maxLength must be between 1 and " + LONGEST);
    }
    if (type.hasChoices() && choices.isEmpty()) {
      problems.add("field '" + name + "' has no choices");
    }
    if (!type.hasChoices() && !choices.isEmpty()) {
      problems.add("field '" + name + "' has choices but is a " + type);
    }
    var values = new java.util.HashSet<String>();
    for (Choice c : choices) {
      if (c.value() == null || !CHOICE_VALUE.matcher(c.value()).matches()) {
        problems.add(
            "choice '" + c.value() + "' of field '" + name + "' must match " + CHOICE_VALUE);
      } else if (!values.add(c.value())) {
        problems.add("choice '" + c.value() + "' of field '" + name + "' is listed twice");
      }
    }
    if (maxChoices != null && (type != FieldType.MULTI_CHOICE || maxChoices < 1)) {
      problems.add("field '" + name + "' maxChoices needs a MULTI_CHOICE field and at least 1");
    }
    if ((min != null || max != null) && !type.isNumeric()) {
      problems.add("field '" + name + "' has bounds but is a " + type);
    }
    if (min != null && max != null && min.compareTo(max) > 0) {
      problems.add("field '" + name + "' has min above max");
    }
    return List.copyOf(problems);
  }

  /**
   * @param value a choice value
   * @return whether it is one of the field's choices
   * @since 1.0
   */
  public boolean hasChoice(String value) {
    return choices.stream().anyMatch(c -> c.value().equals(value));
  }

  /**
   * The values of a {@link FieldType#MULTI_CHOICE} value.
   *
   * @param value comma-separated choices
   * @return each choice, trimmed; empty for a blank value
   * @since 1.0
   */
  public static List<String> split(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * @return the field's name in submitted data
   * @since 0.1
   */
  public String name() {
    return name;
  }

  /**
   * @return its type
   * @since 0.1
   */
  public FieldType type() {
    return type;
  }

  /**
   * @return its label
   * @since 0.1
   */
  public LocalizedText label() {
    return label;
  }

  /**
   * @return a line of help shown under the field, or null
   * @since 1.0
   */
  public LocalizedText help() {
    return help;
  }

  /**
   * @return whether it must be filled in
   * @since 0.1
   */
  public boolean required() {
    return required;
  }

  /**
   * @return the longest value accepted, in characters
   * @since 0.1
   */
  public int maxLength() {
    return maxLength;
  }

  /**
   * @return the choices of a choice field, in display order; empty otherwise
   * @since 0.1
   */
  public List<Choice> choices() {
    return choices;
  }

  /**
   * @return the smallest number accepted, or null (1 for a rating)
   * @since 1.0
   */
  public BigDecimal min() {
    return min;
  }

  /**
   * @return the largest number accepted, or null (5 for a rating)
   * @since 1.0
   */
  public BigDecimal max() {
    return max;
  }

  /**
   * @return how many choices a multiple-choice field accepts at most, or null for no limit
   * @since 1.0
   */
  public Integer maxChoices() {
    return maxChoices;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FormField f
        && name.equals(f.name)
        && type == f.type
        && Objects.equals(label, f.label)
        && Objects.equals(help, f.help)
        && required == f.required
        && maxLength == f.maxLength
        && choices.equals(f.choices)
        && Objects.equals(min, f.min)
        && Objects.equals(max, f.max)
        && Objects.equals(maxChoices, f.maxChoices);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, label, required, maxLength, choices, min, max, maxChoices);
  }

  @Override
  public String toString() {
    return "FormField[" + name + ", " + type + (required ? ", required" : "") + "]";
  }

  /**
   * Builds a {@link FormField}.
   *
   * @since 1.0
   */
  public static final class Builder {
    private final String name;
    private final FieldType type;
    private LocalizedText label;
    private LocalizedText help;
    private boolean required = true;
    private Integer maxLength;
    private List<Choice> choices = new ArrayList<>();
    private BigDecimal min;
    private BigDecimal max;
    private Integer maxChoices;

    private Builder(String name, FieldType type) {
      this.name = name;
      this.type = type;
    }

    /**
     * @param text the label
     * @return this builder
     * @since 1.0
     */
    public Builder label(LocalizedText text) {
      this.label = text;
      return this;
    }

    /**
     * @param zh the label in Chinese
     * @param en the label in English
     * @return this builder
     * @since 1.0
     */
    public Builder label(String zh, String en) {
      return label(LocalizedText.of(zh, en));
    }

    /**
     * @param text a line of help shown under the field
     * @return this builder
     * @since 1.0
     */
    public Builder help(LocalizedText text) {
      this.help = text;
      return this;
    }

    /**
     * @param value whether the field must be filled in (default true)
     * @return this builder
     * @since 1.0
     */
    public Builder required(boolean value) {
      this.required = value;
      return this;
    }

    /**
     * The field may be left empty.
     *
     * @return this builder
     * @since 1.0
     */
    public Builder optional() {
      return required(false);
    }

    /**
     * @param characters the longest value accepted (default 200; 2,000 for long text, 1,000 for
     *     multiple choice, 64 for a single choice)
     * @return this builder
     * @since 1.0
     */
    public Builder maxLength(int characters) {
      this.maxLength = characters;
      return this;
    }

    /**
     * @param values the choices, in display order
     * @return this builder
     * @since 1.0
     */
    public Builder choices(List<Choice> values) {
      this.choices = new ArrayList<>(values);
      return this;
    }

    /**
     * @param lower the smallest number accepted, or null
     * @param upper the largest number accepted, or null
     * @return this builder
     * @since 1.0
     */
    public Builder bounds(BigDecimal lower, BigDecimal upper) {
      this.min = lower;
      this.max = upper;
      return this;
    }

    /**
     * @param lower the smallest whole number accepted
     * @param upper the largest whole number accepted
     * @return this builder
     * @since 1.0
     */
    public Builder bounds(long lower, long upper) {
      return bounds(BigDecimal.valueOf(lower), BigDecimal.valueOf(upper));
    }

    /**
     * @param count how many choices a multiple-choice field accepts at most
     * @return this builder
     * @since 1.0
     */
    public Builder maxChoices(int count) {
      this.maxChoices = count;
      return this;
    }

    /**
     * @return the field
     * @throws IllegalArgumentException when the definition has a problem ({@link
     *     FormField#problems()})
     * @since 1.0
     */
    public FormField build() {
      var field = new FormField(this);
      List<String> problems = field.problems();
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", problems));
      }
      return field;
    }

    /**
     * Builds without checking, for definitions that come from people (an admin's questions) and are
     * checked with {@link FormField#problems()} to report every problem at once.
     *
     * @return the field, possibly with problems
     * @since 1.0
     */
    public FormField buildUnchecked() {
      return new FormField(this);
    }
  }
}
