package org.unionhub.sdk.settings;

/**
 * The kind of value a module setting holds. Values travel as text and are checked by type.
 *
 * @since 0.2
 */
public enum SettingType {
  /**
   * A whole number, optionally between a minimum and a maximum.
   *
   * @since 0.2
   */
  INTEGER,
  /**
   * {@code true} or {@code false}.
   *
   * @since 0.2
   */
  BOOLEAN,
  /**
   * Free text of at most 500 characters.
   *
   * @since 0.2
   */
  TEXT,
  /**
   * One of the setting's choices.
   *
   * @since 0.2
   */
  CHOICE
}
