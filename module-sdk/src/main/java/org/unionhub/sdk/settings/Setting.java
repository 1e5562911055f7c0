package org.unionhub.sdk.settings;

import java.util.ArrayList;
import java.util.List;
import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.form.Choice;

/**
 * A value a tenant may adapt, declared by the module with its type, default and bounds. Tenants see
 * it in the admin console and may narrow the bounds for their descendants, never widen them.
 *
 * @param key the setting's key, {@code [a-z][a-zA-Z0-9]{1,39}}
 * @param type the value's type
 * @param label what admins see
 * @param defaultValue the module's default, as text
 * @param min the smallest value an {@link SettingType#INTEGER} setting may take, or null
 * @param max the largest value an {@link SettingType#INTEGER} setting may take, or null
 * @param choices the allowed values of a {@link SettingType#CHOICE} setting, otherwise empty
 * @since 0.2
 */
public record Setting(
    String key,
    SettingType type,
    LocalizedText label,
    String defaultValue,
    Integer min,
    Integer max,
    List<Choice> choices) {

  /** Longest text a {@link SettingType#TEXT} setting holds. */
  public static final int MAX_TEXT = 500;

  /**
   * Copies the choices; a null list becomes empty.
   *
   * @since 0.2
   */
  public Setting {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  /**
   * A whole-number setting between bounds.
   *
   * @param key the key
   * @param label the label
   * @param defaultValue the default
   * @param min the smallest allowed value
   * @param max the largest allowed value
   * @return the setting
   * @since 0.2
   */
  public static Setting integer(
      String key, LocalizedText label, int defaultValue, int min, int max) {
    return new Setting(
        key, SettingType.INTEGER, label, Integer.toString(defaultValue), min, max, List.of());
  }

  /**
   * A yes/no setting.
   *
   * @param key the key
   * @param label the label
   * @param defaultValue the default
   * @return the setting
   * @since 0.2
   */
  public static Setting flag(String key, LocalizedText label, boolean defaultValue) {
    return new Setting(
        key, SettingType.BOOLEAN, label, Boolean.toString(defaultValue), null, null, List.of());
  }

  /**
   * A text setting.
   *
   * @param key the key
   * @param label the label
   * @param defaultValue the default
   * @return the setting
   * @since 0.2
   */
  public static Setting text(String key, LocalizedText label, String defaultValue) {
    return new Setting(key, SettingType.TEXT, label, defaultValue, null, null, List.of());
  }

  /**
   * Checks a value against the type, the module's bounds and choices.
   *
   * @param value the value as text
   * @return why the value is not acceptable, or null when it is
   * @since 0.2
   */
  public LocalizedText check(String value) {
    return check(value, min, max);
  }

  /**
   * Checks a value against the type and the given bounds (which a tenant may have narrowed).
   *
   * @param value the value as text
   * @param lower the smallest allowed value, or null
   * @param upper the largest allowed value, or null
   * @return why the value is not acceptable, or null when it is
   * @since 0.2
   */
  public LocalizedText check(String value, Integer lower, Integer upper) {
    if (value == null) {
      return LocalizedText.of("缺少取值", "a value is required");
    }
    switch (type) {
      case INTEGER -> {
        int number;
        try {
          number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
          return LocalizedText.of("应为整数", "must be a whole number");
        }
        if (lower != null && number < lower) {
          return LocalizedText.of("不能小于" + lower, "must be at least " + lower);
        }
        if (upper != null && number > upper) {
          return LocalizedText.of("不能大于" + upper, "must be at most " + upper);
        }
        return null;
      }
      case BOOLEAN -> {
        return "true".equals(value) || "false".equals(value)
            ? null
            : LocalizedText.of("应为 true 或 false", "must be true or false");
      }
      case TEXT -> {
        return value.length() <= MAX_TEXT
            ? null
            : LocalizedText.of(
                "不能超过" + MAX_TEXT + "个字符", "must be at most " + MAX_TEXT + " characters");
      }
      case CHOICE -> {
        return choices.stream().anyMatch(c -> c.value().equals(value))
            ? null
            : LocalizedText.of("不是可选值之一", "is not one of the choices");
      }
      default -> throw new IllegalStateException("unknown setting type " + type);
    }
  }

  /**
   * Mistakes a module author can make in the declaration.
   *
   * @return the problems, empty when the setting is well declared
   * @since 0.2
   */
  public List<String> problems() {
    var problems = new ArrayList<String>();
    if (key == null || !key.matches("[a-z][a-zA-Z0-9]{1,39}")) {
      problems.add("setting key '" + key + "' must match [a-z][a-zA-Z0-9]{1,39}");
      return problems;
    }
    if (type == null || label == null) {
      problems.add("setting '" + key + "' needs a type and a label");
      return problems;
    }
    if (type != SettingType.INTEGER && (min != null || max != null)) {
      problems.add("setting '" + key + "' has bounds but is not an INTEGER");
    }
    if (min != null && max != null && min > max) {
      problems.add("setting '" + key + "' has min " + min + " above max " + max);
    }
    if (type == SettingType.CHOICE && choices.isEmpty()) {
      problems.add("setting '" + key + "' is a CHOICE without choices");
    }
    LocalizedText wrongDefault = check(defaultValue);
    if (wrongDefault != null) {
      problems.add("setting '" + key + "' default '" + defaultValue + "' " + wrongDefault.en());
    }
    return problems;
  }
}
