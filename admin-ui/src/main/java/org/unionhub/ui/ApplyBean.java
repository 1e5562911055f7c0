package org.unionhub.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.module.ModuleRegistry;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.problem.SubmissionRefusedException;
import org.unionhub.platform.request.ModuleRuntime;
import org.unionhub.platform.request.RequestSubmission;
import org.unionhub.platform.request.ServiceRequest;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantLevel;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.sdk.ModuleDescriptor;
import org.unionhub.sdk.ServiceModuleFactory;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;

/**
 * The portal's application form, rendered from the module's descriptor: no page is written for a
 * particular module.
 */
@Named
@ViewScoped
public class ApplyBean implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One input of the form, with what the user typed and what was wrong with it. */
  public static final class Input implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final String label;
    private final boolean required;
    private final boolean choice;
    private final int maxLength;
    private final List<Option> options;
    private final String help;
    private String value;
    private String error;

    Input(FormField field, Locale locale, List<Option> districts) {
      this.name = field.name();
      this.label = field.label().in(locale);
      this.required = field.required();
      this.choice = field.type() == FieldType.CHOICE || field.type() == FieldType.DISTRICT;
      this.maxLength = field.maxLength();
      this.options =
          field.type() == FieldType.DISTRICT
              ? districts
              : field.choices().stream()
                  .map(c -> new Option(c.value(), c.label().in(locale)))
                  .toList();
      this.help = field.help() == null ? null : field.help().in(locale);
    }

    /**
     * @return the field's help text, or null
     */
    public String getHelp() {
      return help;
    }

    public String getName() {
      return name;
    }

    public String getLabel() {
      return label;
    }

    public boolean isRequired() {
      return required;
    }

    public boolean isChoice() {
      return choice;
    }

    public int getMaxLength() {
      return maxLength;
    }

    public List<Option> getOptions() {
      return options;
    }

    public String getValue() {
      return value;
    }

    public void setValue(String value) {
      this.value = value;
    }

    public String getError() {
      return error;
    }
  }

  @Inject Caller caller;
  @Inject ModuleRuntime runtime;
  @Inject RequestSubmission submission;
  @Inject ModuleRegistry modules;
  @Inject TenantDirectory tenants;
  @Inject LocaleBean localeBean;

  private String module;
  private String tenant;
  private String title;
  private boolean available;
  private List<Input> inputs = List.of();
  private List<Option> tenantOptions = List.of();
  private String idempotencyKey = UUID.randomUUID().toString();
  private String submittedId;
  private String submittedDue;

  /** Builds the form from the descriptor named by the {@code module} view parameter. */
  public void load() {
    Locale locale = localeBean.getLocale();
    var factory = modules.find(module == null ? "" : module);
    available = factory.isPresent();
    if (!available) {
      return;
    }
    ModuleDescriptor descriptor = factory.map(ServiceModuleFactory::descriptor).orElseThrow();
    title = descriptor.name().in(locale);
    if (inputs.isEmpty()) {
      inputs = form(factory.get()).stream().map(f -> new Input(f, locale, districts())).toList();
    }
    tenantOptions =
        tenants.all().stream()
            .filter(TenantView::active)
            .sorted(Comparator.comparing(TenantView::code))
            .map(t -> new Option(t.code(), t.name()))
            .toList();
  }

  /** The active district unions a district field offers, by name. */
  private List<Option> districts() {
    return tenants.all().stream()
        .filter(t -> t.active() && t.level() == TenantLevel.DISTRICT)
        .sorted(Comparator.comparing(TenantView::code))
        .map(t -> new Option(t.code(), t.name()))
        .toList();
  }

  /** The form as the chosen union runs the module, or the module's own before one is chosen. */
  private List<org.unionhub.sdk.form.FormField> form(ServiceModuleFactory factory) {
    if (tenant != null && !tenant.isBlank() && tenants.find(tenant).isPresent()) {
      return runtime.effective(tenant, factory).form();
    }
    return factory.descriptor().form();
  }

  /** Rebuilds the form for the union just chosen, keeping what was typed. */
  public void tenantChanged() {
    var factory = modules.find(module == null ? "" : module);
    if (factory.isEmpty()) {
      return;
    }
    Locale locale = localeBean.getLocale();
    var typed = new java.util.HashMap<String, String>();
    inputs.forEach(i -> typed.put(i.name, i.value));
    inputs =
        form(factory.get()).stream()
            .map(
                f -> {
                  var input = new Input(f, locale, districts());
                  input.value = typed.get(f.name());
                  return input;
                })
            .toList();
  }

  /** Submits the form; refusals are shown beside their fields and nothing typed is lost. */
  public void submit() {
    inputs.forEach(i -> i.error = null);
    var data = Json.createObjectBuilder();
    for (Input input : inputs) {
      if (input.value != null && !input.value.isBlank()) {
        data.add(input.name, input.value);
      }
    }
    if (tenant == null || tenant.isBlank()) {
      Messages.error("apply.chooseTenant");
      return;
    }
    try {
      ServiceRequest request =
          submission.submit(caller, tenant, module, data.build(), idempotencyKey).request();
      submittedId = request.getId().toString();
      submittedDue = request.getDueDate() == null ? "" : request.getDueDate().toString();
      Messages.info("apply.done", submittedId);
    } catch (SubmissionRefusedException e) {
      var unplaced = new ArrayList<String>();
      for (FieldError error : e.errors()) {
        inputs.stream()
            .filter(i -> i.name.equals(error.field()))
            .findFirst()
            .ifPresentOrElse(
                i -> i.error = Messages.text(error), () -> unplaced.add(Messages.text(error)));
      }
      unplaced.forEach(m -> Messages.raw(jakarta.faces.application.FacesMessage.SEVERITY_ERROR, m));
      Messages.error("apply.fix");
    } catch (NotVisibleException e) {
      Messages.error("apply.unknownTenant");
    }
  }

  /** Starts a new, empty application. */
  public void again() {
    submittedId = null;
    submittedDue = null;
    idempotencyKey = UUID.randomUUID().toString();
    inputs = List.of();
    load();
  }

  public String getModule() {
    return module;
  }

  public void setModule(String module) {
    this.module = module;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getTitle() {
    return title;
  }

  public boolean isAvailable() {
    return available;
  }

  public List<Input> getInputs() {
    return inputs;
  }

  /**
   * @return the name of the first input with a problem (the page focuses it), or null
   */
  public String getFirstError() {
    return inputs.stream()
        .filter(i -> i.error != null)
        .map(Input::getName)
        .findFirst()
        .orElse(null);
  }

  public List<Option> getTenantOptions() {
    return tenantOptions;
  }

  public String getSubmittedId() {
    return submittedId;
  }

  public String getSubmittedDue() {
    return submittedDue;
  }
}
