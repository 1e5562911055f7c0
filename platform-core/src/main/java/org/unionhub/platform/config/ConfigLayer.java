package org.unionhub.platform.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.unionhub.sdk.LocalizedText;
import org.unionhub.sdk.form.Choice;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.rules.RuleScenario;

/**
 * What one tenant says about one module: only the items it sets; everything else it inherits. A
 * layer is the content of a draft and of a published version. Items are addressed by path: {@code
 * enabled}, {@code settings.<key>}, {@code form.<field>}, {@code workflow.<state>}, {@code
 * rules.<rule name>}; {@link #locks()} holds the paths this tenant forbids its descendants to
 * change.
 *
 * @param enabled whether the module is offered, or null to inherit
 * @param settings setting values and narrowed bounds, by key
 * @param form field adaptations and added fields, by field name
 * @param workflow step adaptations, by state name
 * @param rules the rule layer
 * @param locks paths descendants may not change
 */
public record ConfigLayer(
    Boolean enabled,
    Map<String, SettingLayer> settings,
    Map<String, FieldLayer> form,
    Map<String, StepLayer> workflow,
    RuleLayer rules,
    Set<String> locks) {

  /** The layer that says nothing. */
  public static final ConfigLayer EMPTY = new ConfigLayer(null, null, null, null, null, null);

  /** Copies everything; nulls become empty. */
  public ConfigLayer {
    settings = settings == null ? Map.of() : unmodifiable(settings);
    form = form == null ? Map.of() : unmodifiable(form);
    workflow = workflow == null ? Map.of() : unmodifiable(workflow);
    rules = rules == null ? RuleLayer.EMPTY : rules;
    locks = locks == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(locks));
  }

  private static <V> Map<String, V> unmodifiable(Map<String, V> map) {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /**
   * @param newRules the rules to put in
   * @return this layer with other rules
   */
  public ConfigLayer withRules(RuleLayer newRules) {
    return new ConfigLayer(enabled, settings, form, workflow, newRules, locks);
  }

  /**
   * @param path an item path
   * @return whether this layer locks it
   */
  public boolean locks(String path) {
    return locks.contains(path);
  }

  /**
   * A setting value and, optionally, narrower bounds for descendants.
   *
   * @param value the value as text, or null to keep the inherited one
   * @param min the smallest value descendants may choose, or null
   * @param max the largest value descendants may choose, or null
   */
  public record SettingLayer(String value, Integer min, Integer max) {}

  /**
   * How a tenant adapts a form field, or a field it adds.
   *
   * @param label a new label, or null
   * @param hidden whether the field is left out of the form, or null
   * @param required whether a value is required, or null
   * @param order where the field goes (smaller first), or null
   * @param add the definition of a field this tenant adds, or null for a module's field
   */
  public record FieldLayer(
      LocalizedText label, Boolean hidden, Boolean required, Integer order, AddedField add) {}

  /**
   * A field a tenant adds to a module's form. Its values are stored with the request; the module's
   * rules do not see them.
   *
   * @param type the type
   * @param label the label
   * @param maxLength longest accepted value
   * @param choices choices of a CHOICE field
   */
  public record AddedField(
      FieldType type, LocalizedText label, int maxLength, List<Choice> choices) {
    /** Copies the choices. */
    public AddedField {
      choices = choices == null ? List.of() : List.copyOf(choices);
    }
  }

  /**
   * How a tenant adapts a workflow step.
   *
   * @param included for an optional step, whether it is part of the workflow; otherwise null
   * @param role the role that acts at the step, or null
   * @param workingDays the step's deadline in working days, or null
   * @param min the shortest deadline descendants may set, or null
   * @param max the longest deadline descendants may set, or null
   */
  public record StepLayer(
      Boolean included, String role, Integer workingDays, Integer min, Integer max) {}

  /**
   * A tenant's rules for a module.
   *
   * @param drl rule text written in the editor, or null
   * @param decisionTable a decision table as JSON text, or null
   * @param disable names of inherited rules this tenant switches off
   * @param scenarios tests the effective rules must pass; one named like an inherited scenario
   *     replaces it
   */
  public record RuleLayer(
      String drl, String decisionTable, List<String> disable, List<RuleScenario> scenarios) {

    /** No rules. */
    public static final RuleLayer EMPTY = new RuleLayer(null, null, null, null);

    /** Copies the lists. */
    public RuleLayer {
      disable = disable == null ? List.of() : List.copyOf(disable);
      scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    }

    /**
     * @return whether the layer adds, disables or tests nothing
     */
    public boolean isEmpty() {
      return (drl == null || drl.isBlank())
          && decisionTable == null
          && disable.isEmpty()
          && scenarios.isEmpty();
    }
  }
}
