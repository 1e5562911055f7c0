package org.unionhub.platform.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionhub.platform.rules.RuleSet;
import org.unionhub.sdk.ModuleDescriptor;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.rules.RuleScenario;
import org.unionhub.sdk.settings.Setting;
import org.unionhub.sdk.workflow.State;
import org.unionhub.sdk.workflow.WorkflowDefinition;

/**
 * A module as one tenant runs it: the module's defaults with every ancestor's layer and the
 * tenant's own applied from the root down. Every value says where it came from.
 *
 * @param tenantCode the tenant
 * @param module the module's descriptor
 * @param version the configuration version: the highest version id among the layers applied (0 when
 *     none is); recorded on every request handled under this configuration
 * @param enabled whether the module is offered
 * @param enabledFrom where {@link #enabled} comes from
 * @param settings settings in the module's order, by key
 * @param fields every field (hidden ones too), in display order
 * @param steps every state of the module's workflow, in the module's order, by name
 * @param workflow the workflow with optional steps applied, roles and deadlines adapted
 * @param rules the layers' rules in effect
 * @param ruleSet the composed rule set to evaluate
 * @param scenarios the scenarios the rule set must pass, module's first
 * @param layers the layers applied, root first
 */
public record EffectiveConfig(
    String tenantCode,
    ModuleDescriptor module,
    long version,
    boolean enabled,
    Provenance enabledFrom,
    Map<String, EffectiveSetting> settings,
    List<EffectiveField> fields,
    Map<String, EffectiveStep> steps,
    WorkflowDefinition workflow,
    List<EffectiveRule> rules,
    RuleSet ruleSet,
    List<EffectiveScenario> scenarios,
    List<PublishedLayer> layers) {

  /**
   * Where a value comes from, seen from the tenant it was resolved for.
   *
   * @param source {@code module} or the code of the tenant that set it
   * @param version that tenant's version number, or null for the module's default or a draft
   * @param origin whether it is the module's default, inherited from an ancestor, or the tenant's
   *     own
   * @param lockedBy the ancestor that locked the item, or null when the tenant may change it
   */
  public record Provenance(String source, Integer version, Origin origin, String lockedBy) {

    /** The module's default, unlocked. */
    public static final Provenance MODULE = new Provenance("module", null, Origin.MODULE, null);

    /**
     * @return the marker the UI shows: {@code locked}, {@code overridden}, {@code inherited} or
     *     {@code default}
     */
    public String status() {
      if (lockedBy != null) {
        return "locked";
      }
      return switch (origin) {
        case OWN -> "overridden";
        case INHERITED -> "inherited";
        case MODULE -> "default";
      };
    }
  }

  /** Who set a value, relative to the tenant resolved for. */
  public enum Origin {
    /** The module's default. */
    MODULE,
    /** Set by an ancestor. */
    INHERITED,
    /** Set by the tenant itself. */
    OWN
  }

  /**
   * A setting's effective value and bounds.
   *
   * @param setting the module's declaration
   * @param value the value as text
   * @param min the smallest value allowed here, or null
   * @param max the largest value allowed here, or null
   * @param boundBy who set the bounds: {@code module} or a tenant code
   * @param from where the value comes from
   */
  public record EffectiveSetting(
      Setting setting, String value, Integer min, Integer max, String boundBy, Provenance from) {}

  /**
   * A form field as the tenant's form shows it.
   *
   * @param field the field with the tenant's label and required flag
   * @param hidden whether the field is left out
   * @param order its position key
   * @param added whether a tenant added the field (the module does not know it)
   * @param from where the field's adaptation comes from
   */
  public record EffectiveField(
      FormField field, boolean hidden, int order, boolean added, Provenance from) {
    /**
     * @return the field's name
     */
    public String name() {
      return field.name();
    }
  }

  /**
   * A workflow step.
   *
   * @param state the state with the tenant's deadline
   * @param included whether the step is part of the tenant's workflow
   * @param role the role that acts at the step, or null when the module's transitions decide
   * @param min the shortest deadline allowed here, or null
   * @param max the longest deadline allowed here, or null
   * @param boundBy who set the bounds
   * @param from where the adaptation comes from
   */
  public record EffectiveStep(
      State state,
      boolean included,
      org.unionhub.sdk.Role role,
      Integer min,
      Integer max,
      String boundBy,
      Provenance from) {}

  /**
   * A rule in the effective rule set.
   *
   * @param name the rule's name
   * @param source {@code module} or the tenant whose layer defines it
   * @param version that layer's version number, or null
   * @param active false when a later layer disabled it
   * @param overridden true when a later layer defines a rule of the same name, which runs instead
   * @param lockedBy the tenant that locked the rule, or null
   */
  public record EffectiveRule(
      String name,
      String source,
      Integer version,
      boolean active,
      boolean overridden,
      String lockedBy) {}

  /**
   * A scenario and whose it is.
   *
   * @param scenario the scenario
   * @param source {@code module} or a tenant code
   */
  public record EffectiveScenario(RuleScenario scenario, String source) {}

  /**
   * @return the fields shown on the form, in order, as a submission is checked against them
   */
  public List<FormField> form() {
    return fields.stream().filter(f -> !f.hidden()).map(EffectiveField::field).toList();
  }

  /**
   * @return the effective setting values, by key
   */
  public Map<String, String> settingValues() {
    var values = new LinkedHashMap<String, String>();
    settings.forEach((k, v) -> values.put(k, v.value()));
    return values;
  }

  /**
   * @param name a field name
   * @return the visible field of that name, or null
   */
  public FormField field(String name) {
    return fields.stream()
        .filter(f -> !f.hidden() && f.name().equals(name))
        .map(EffectiveField::field)
        .findFirst()
        .orElse(null);
  }
}
