package org.unionhub.ui;

import java.io.Serializable;

/** A value and its label, for a select list. A class with getters: Faces 4.0's EL reads beans. */
public final class Option implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String value;
  private final String label;

  Option(String value, String label) {
    this.value = value;
    this.label = label;
  }

  public String getValue() {
    return value;
  }

  public String getLabel() {
    return label;
  }
}
