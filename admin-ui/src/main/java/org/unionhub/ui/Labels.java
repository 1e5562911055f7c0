package org.unionhub.ui;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.unionhub.platform.module.ModuleRegistry;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.sdk.ServiceModuleFactory;
import org.unionhub.sdk.form.FormField;

/**
 * What people see instead of codes: module names, state labels (from the module's descriptor) and
 * union names. Unknown codes show as themselves rather than failing the page.
 */
@ApplicationScoped
public class Labels {

  @Inject ModuleRegistry modules;
  @Inject TenantDirectory tenants;

  /**
   * @param module a module id
   * @param locale the reader's locale
   * @return the module's name
   */
  public String module(String module, Locale locale) {
    return modules.find(module).map(m -> m.descriptor().name().in(locale)).orElse(module);
  }

  /**
   * @param module a module id
   * @param state a state of its workflow
   * @param locale the reader's locale
   * @return the state's label
   */
  public String state(String module, String state, Locale locale) {
    return modules
        .find(module)
        .map(ServiceModuleFactory::descriptor)
        .flatMap(d -> d.workflow().state(state))
        .map(s -> s.label().in(locale))
        .orElse(state);
  }

  /**
   * @param code a tenant code, may be null
   * @return the union's name, or null for null
   */
  public String tenant(String code) {
    return code == null ? null : tenants.find(code).map(TenantView::name).orElse(code);
  }

  /**
   * A form value as the form shows it: a choice by its label, anything else as it is.
   *
   * @param field the form field
   * @param value the stored value
   * @param locale the language
   * @return the text to show
   */
  public static String value(FormField field, String value, Locale locale) {
    return field.choices().stream()
        .filter(c -> c.value().equals(value))
        .map(c -> c.label().in(locale))
        .findFirst()
        .orElse(value);
  }
}
