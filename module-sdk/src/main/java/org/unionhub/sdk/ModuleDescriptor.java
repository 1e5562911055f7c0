package org.unionhub.sdk;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.workflow.WorkflowDefinition;

/**
 * What a module is, as data: the platform validates it at boot, renders forms and worklists from
 * it, and builds the module's rule base from its fact types and default rules.
 *
 * @param id lower-case module id, {@code [a-z][a-z0-9-]{1,39}}
 * @param version the module's version
 * @param name display name
 * @param form the submission form's fields, in display order
 * @param workflow the request state machine
 * @param factTypes the classes the module's rules may see
 * @param defaultRules class-path resources holding the module's default DRL
 * @since 0.1
 */
public record ModuleDescriptor(
    String id,
    String version,
    LocalizedText name,
    List<FormField> form,
    WorkflowDefinition workflow,
    List<Class<?>> factTypes,
    List<String> defaultRules) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

  /**
   * Copies the lists; null lists become empty.
   *
   * @since 0.1
   */
  public ModuleDescriptor {
    form = form == null ? List.of() : List.copyOf(form);
    factTypes = factTypes == null ? List.of() : List.copyOf(factTypes);
    defaultRules = defaultRules == null ? List.of() : List.copyOf(defaultRules);
  }

  /**
   * Checks the descriptor for mistakes a module author can make, so that the platform can refuse
   * the module with a message instead of failing later.
   *
   * @return human-readable problems, empty when the descriptor is valid
   * @since 0.1
   */
  public List<String> problems() {
    var problems = new java.util.ArrayList<String>();
    if (id == null || !ID.matcher(id).matches()) {
      problems.add("id '" + id + "' must match " + ID.pattern());
    }
    if (version == null || version.isBlank()) {
      problems.add("version is missing");
    }
    if (name == null) {
      problems.add("name is missing");
    }
    if (workflow == null) {
      problems.add("workflow is missing");
    } else {
      problems.addAll(workflow.problems());
    }
    var names = new java.util.HashSet<String>();
    for (FormField field : form) {
      if (!names.add(field.name())) {
        problems.add("form field '" + field.name() + "' is declared twice");
      }
    }
    for (String resource : defaultRules) {
      if (Objects.requireNonNullElse(resource, "").isBlank()) {
        problems.add("a default rule resource name is blank");
      }
    }
    return List.copyOf(problems);
  }

  /**
   * The form field with this name.
   *
   * @param fieldName a field name
   * @return the field, or null when the form has none of that name
   * @since 0.1
   */
  public FormField field(String fieldName) {
    return form.stream().filter(f -> f.name().equals(fieldName)).findFirst().orElse(null);
  }
}
