package org.unionhub.sdk;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.rules.RuleScenario;
import org.unionhub.sdk.settings.Setting;
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
 * @param settings the values tenants may adapt, with types, defaults and bounds
 * @param permissions what the module lets people do beyond workflow transitions
 * @param scenarios tests of the default rules; they also gate every tenant's publish
 * @param worklistFields the form fields staff see for each request in the worklist, in order (since
 *     0.3); when empty, the first form field
 * @since 0.1
 */
public record ModuleDescriptor(
    String id,
    String version,
    LocalizedText name,
    List<FormField> form,
    WorkflowDefinition workflow,
    List<Class<?>> factTypes,
    List<String> defaultRules,
    List<Setting> settings,
    List<Permission> permissions,
    List<RuleScenario> scenarios,
    List<String> worklistFields) {

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
    settings = settings == null ? List.of() : List.copyOf(settings);
    permissions = permissions == null ? List.of() : List.copyOf(permissions);
    scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    worklistFields = worklistFields == null ? List.of() : List.copyOf(worklistFields);
  }

  /**
   * A descriptor without worklist fields: the worklist shows the first form field.
   *
   * @param id the module id
   * @param version the version
   * @param name display name
   * @param form the form
   * @param workflow the workflow
   * @param factTypes the fact types
   * @param defaultRules the default rule resources
   * @param settings the settings
   * @param permissions the permissions
   * @param scenarios the rule scenarios
   * @since 0.2
   */
  public ModuleDescriptor(
      String id,
      String version,
      LocalizedText name,
      List<FormField> form,
      WorkflowDefinition workflow,
      List<Class<?>> factTypes,
      List<String> defaultRules,
      List<Setting> settings,
      List<Permission> permissions,
      List<RuleScenario> scenarios) {
    this(
        id,
        version,
        name,
        form,
        workflow,
        factTypes,
        defaultRules,
        settings,
        permissions,
        scenarios,
        null);
  }

  /**
   * A descriptor without settings, permissions or scenarios.
   *
   * @param id the module id
   * @param version the version
   * @param name display name
   * @param form the form
   * @param workflow the workflow
   * @param factTypes the fact types
   * @param defaultRules the default rule resources
   * @since 0.1
   */
  public ModuleDescriptor(
      String id,
      String version,
      LocalizedText name,
      List<FormField> form,
      WorkflowDefinition workflow,
      List<Class<?>> factTypes,
      List<String> defaultRules) {
    this(id, version, name, form, workflow, factTypes, defaultRules, null, null, null, null);
  }

  /**
   * This descriptor with settings.
   *
   * @param declared the settings
   * @return a new descriptor
   * @since 0.2
   */
  public ModuleDescriptor withSettings(List<Setting> declared) {
    return new ModuleDescriptor(
        id,
        version,
        name,
        form,
        workflow,
        factTypes,
        defaultRules,
        declared,
        permissions,
        scenarios,
        worklistFields);
  }

  /**
   * This descriptor with permissions.
   *
   * @param declared the permissions
   * @return a new descriptor
   * @since 0.2
   */
  public ModuleDescriptor withPermissions(List<Permission> declared) {
    return new ModuleDescriptor(
        id,
        version,
        name,
        form,
        workflow,
        factTypes,
        defaultRules,
        settings,
        declared,
        scenarios,
        worklistFields);
  }

  /**
   * This descriptor with rule scenarios.
   *
   * @param declared the scenarios
   * @return a new descriptor
   * @since 0.2
   */
  public ModuleDescriptor withScenarios(List<RuleScenario> declared) {
    return new ModuleDescriptor(
        id,
        version,
        name,
        form,
        workflow,
        factTypes,
        defaultRules,
        settings,
        permissions,
        declared,
        worklistFields);
  }

  /**
   * This descriptor with the form fields staff see for each request in the worklist.
   *
   * @param fieldNames names of form fields, in the order of the columns
   * @return a new descriptor
   * @since 0.3
   */
  public ModuleDescriptor withWorklistFields(List<String> fieldNames) {
    return new ModuleDescriptor(
        id,
        version,
        name,
        form,
        workflow,
        factTypes,
        defaultRules,
        settings,
        permissions,
        scenarios,
        fieldNames);
  }

  /**
   * The form fields the worklist shows for a request of this module: those declared, or the first
   * form field when none are.
   *
   * @return form fields, in order
   * @since 0.3
   */
  public List<FormField> worklistForm() {
    if (worklistFields.isEmpty()) {
      return form.isEmpty() ? List.of() : List.of(form.get(0));
    }
    return worklistFields.stream().map(this::field).filter(Objects::nonNull).toList();
  }

  /**
   * A setting by key.
   *
   * @param key the key
   * @return the setting, or null when the module declares none of that key
   * @since 0.2
   */
  public Setting setting(String key) {
    return settings.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
  }

  /**
   * A permission by name.
   *
   * @param permissionName the name
   * @return the permission, or null when the module declares none of that name
   * @since 0.2
   */
  public Permission permission(String permissionName) {
    return permissions.stream()
        .filter(p -> p.name().equals(permissionName))
        .findFirst()
        .orElse(null);
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
    var keys = new java.util.HashSet<String>();
    for (Setting setting : settings) {
      problems.addAll(setting.problems());
      if (!keys.add(setting.key())) {
        problems.add("setting '" + setting.key() + "' is declared twice");
      }
    }
    var permissionNames = new java.util.HashSet<String>();
    for (Permission permission : permissions) {
      if (permission.name() == null || !permission.name().matches("[a-z][a-z0-9.-]{1,63}")) {
        problems.add("permission '" + permission.name() + "' must match [a-z][a-z0-9.-]{1,63}");
      } else if (!permissionNames.add(permission.name())) {
        problems.add("permission '" + permission.name() + "' is declared twice");
      }
      for (String role : permission.roles()) {
        if (!Permission.ROLES.contains(role)) {
          problems.add("permission '" + permission.name() + "' names unknown role '" + role + "'");
        }
      }
    }
    var scenarioNames = new java.util.HashSet<String>();
    for (RuleScenario scenario : scenarios) {
      if (scenario.name() == null || scenario.name().isBlank() || scenario.expect() == null) {
        problems.add("a rule scenario needs a name and an expectation");
      } else if (!scenarioNames.add(scenario.name())) {
        problems.add("rule scenario '" + scenario.name() + "' is declared twice");
      }
    }
    var shown = new java.util.HashSet<String>();
    for (String fieldName : worklistFields) {
      if (field(fieldName) == null) {
        problems.add("worklist field '" + fieldName + "' is not a form field");
      } else if (!shown.add(fieldName)) {
        problems.add("worklist field '" + fieldName + "' is listed twice");
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
