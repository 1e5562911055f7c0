package org.unionhub.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unionhub.platform.config.ConfigLayer;
import org.unionhub.platform.config.ConfigLayerJson;
import org.unionhub.platform.config.ConfigProblem;
import org.unionhub.platform.config.ConfigRefusedException;
import org.unionhub.platform.config.ConfigurationAdmin;
import org.unionhub.platform.config.EffectiveConfig;
import org.unionhub.platform.config.EffectiveConfig.Provenance;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.module.ModuleRegistry;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.sdk.ServiceModuleFactory;

/**
 * The admin console's module configuration page: every effective value with where it comes from,
 * the tenant's own overrides and locks, drafts, publishing, versions with diff and rollback, and
 * push-down to descendants. Rendered from the module's descriptor; no page per module.
 */
@Named
@ViewScoped
public class ConfigBean implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  @Inject Caller caller;
  @Inject ConfigurationAdmin admin;
  @Inject AdministeredTenants administered;
  @Inject ModuleRegistry modules;
  @Inject Labels labels;
  @Inject LocaleBean localeBean;

  private String tenant;
  private String module;
  private boolean draft;
  private int basedOn;
  private String note;
  private boolean enabledOwn;
  private boolean enabled;
  private boolean enabledLocked;
  private String enabledSource;
  private String enabledStatus;
  private final List<Item> settings = new ArrayList<>();
  private final List<Item> fields = new ArrayList<>();
  private final List<Item> steps = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private final List<Version> versions = new ArrayList<>();
  private final List<Diff> diff = new ArrayList<>();
  private final List<Push> preview = new ArrayList<>();
  private String diffTitle;
  private boolean pushLock;
  private String pushJob;
  private int pushTotal;
  private int pushDone;
  private String pushState;
  private transient ConfigLayer loadedLayer;
  private String loadedLayerJson;

  /** One configurable item: a setting, a form field or a workflow step. */
  public static final class Item implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final String label;
    private final String kind;
    private final String source;
    private final String status;
    private final String lockedBy;
    private final String bounds;
    private final boolean optional;
    private final boolean terminal;
    private boolean own;
    private boolean locked;
    private String value;
    private String labelZh;
    private String labelEn;
    private Integer min;
    private Integer max;
    private boolean hidden;
    private boolean required;
    private Integer order;
    private boolean included;
    private String role;

    Item(
        String key,
        String label,
        String kind,
        Provenance from,
        String bounds,
        boolean optional,
        boolean terminal) {
      this.key = key;
      this.label = label;
      this.kind = kind;
      this.source = from.source();
      this.status = from.status();
      this.lockedBy = from.lockedBy();
      this.bounds = bounds;
      this.optional = optional;
      this.terminal = terminal;
      this.own = from.origin() == EffectiveConfig.Origin.OWN;
    }

    public String getKey() {
      return key;
    }

    public String getLabel() {
      return label;
    }

    public String getKind() {
      return kind;
    }

    public String getSource() {
      return source;
    }

    public String getStatus() {
      return status;
    }

    public String getLockedBy() {
      return lockedBy;
    }

    public boolean isLockedAbove() {
      return lockedBy != null;
    }

    public String getBounds() {
      return bounds;
    }

    public boolean isOptional() {
      return optional;
    }

    public boolean isTerminal() {
      return terminal;
    }

    public boolean isOwn() {
      return own;
    }

    public void setOwn(boolean own) {
      this.own = own;
    }

    public boolean isLocked() {
      return locked;
    }

    public void setLocked(boolean locked) {
      this.locked = locked;
    }

    public String getValue() {
      return value;
    }

    public void setValue(String value) {
      this.value = value;
    }

    public String getLabelZh() {
      return labelZh;
    }

    public void setLabelZh(String labelZh) {
      this.labelZh = labelZh;
    }

    public String getLabelEn() {
      return labelEn;
    }

    public void setLabelEn(String labelEn) {
      this.labelEn = labelEn;
    }

    public Integer getMin() {
      return min;
    }

    public void setMin(Integer min) {
      this.min = min;
    }

    public Integer getMax() {
      return max;
    }

    public void setMax(Integer max) {
      this.max = max;
    }

    public boolean isHidden() {
      return hidden;
    }

    public void setHidden(boolean hidden) {
      this.hidden = hidden;
    }

    public boolean isRequired() {
      return required;
    }

    public void setRequired(boolean required) {
      this.required = required;
    }

    public Integer getOrder() {
      return order;
    }

    public void setOrder(Integer order) {
      this.order = order;
    }

    public boolean isIncluded() {
      return included;
    }

    public void setIncluded(boolean included) {
      this.included = included;
    }

    public String getRole() {
      return role;
    }

    public void setRole(String role) {
      this.role = role;
    }
  }

  /** A problem that keeps the draft from being published. */
  public static final class Problem implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final String message;

    Problem(ConfigProblem p) {
      this.path = p.path() + (p.line() == null ? "" : " (" + p.line() + ":" + p.column() + ")");
      this.message = Messages.text(p);
    }

    public String getPath() {
      return path;
    }

    public String getMessage() {
      return message;
    }
  }

  /** A published version. */
  public static final class Version implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int number;
    private final String publishedAt;
    private final String publishedBy;
    private final String note;

    Version(ConfigurationAdmin.VersionInfo v) {
      this.number = v.number();
      this.publishedAt = TIME.format(v.publishedAt());
      this.publishedBy = v.publishedBy();
      this.note = v.note();
    }

    public int getNumber() {
      return number;
    }

    public String getPublishedAt() {
      return publishedAt;
    }

    public String getPublishedBy() {
      return publishedBy;
    }

    public String getNote() {
      return note;
    }
  }

  /** One line of a diff. */
  public static final class Diff implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final String change;
    private final String before;
    private final String after;

    Diff(ConfigurationAdmin.Change c) {
      this.path = c.path();
      this.change = c.change();
      this.before = c.before();
      this.after = c.after();
    }

    public String getPath() {
      return path;
    }

    public String getChange() {
      return change;
    }

    public String getBefore() {
      return before;
    }

    public String getAfter() {
      return after;
    }
  }

  /** A descendant a push changes. */
  public static final class Push implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String tenant;
    private final String items;

    Push(String tenant, String items) {
      this.tenant = tenant;
      this.items = items;
    }

    public String getTenant() {
      return tenant;
    }

    public String getItems() {
      return items;
    }
  }

  /** Loads the page for the tenant and module in the URL, or the caller's first tenant. */
  public void load() {
    List<TenantView> administered = getTenants();
    if (tenant == null || tenant.isBlank()) {
      tenant = administered.isEmpty() ? null : administered.get(0).code();
    }
    if (module == null || module.isBlank()) {
      module = modules.all().isEmpty() ? null : modules.all().get(0).getId();
    }
    if (tenant == null || module == null) {
      return;
    }
    try {
      read(admin.editable(caller, tenant, module));
      versions.clear();
      admin.versions(caller, tenant, module).forEach(v -> versions.add(new Version(v)));
    } catch (NotVisibleException | NotAllowedException e) {
      tenant = null;
      Messages.error("config.notAllowed");
    }
  }

  private void read(ConfigurationAdmin.Editable e) {
    Locale locale = localeBean.getLocale();
    EffectiveConfig c = e.check().config();
    ConfigLayer own = e.layer();
    loadedLayer = own;
    loadedLayerJson = ConfigLayerJson.write(own).toString();
    draft = e.isDraft();
    basedOn = e.basedOn();
    enabled = c.enabled();
    enabledOwn = own.enabled() != null;
    enabledLocked = own.locks("enabled");
    enabledSource = c.enabledFrom().source();
    enabledStatus = c.enabledFrom().status();
    settings.clear();
    for (EffectiveConfig.EffectiveSetting s : c.settings().values()) {
      var item =
          new Item(
              s.setting().key(),
              s.setting().label().in(locale),
              s.setting().type().name(),
              s.from(),
              bounds(s.min(), s.max(), s.boundBy()),
              false,
              false);
      item.own = own.settings().containsKey(s.setting().key());
      item.value = s.value();
      ConfigLayer.SettingLayer mine = own.settings().get(s.setting().key());
      if (mine != null) {
        item.min = mine.min();
        item.max = mine.max();
      }
      item.locked = own.locks("settings." + s.setting().key());
      settings.add(item);
    }
    fields.clear();
    for (EffectiveConfig.EffectiveField f : c.fields()) {
      var item =
          new Item(
              f.name(),
              f.field().label().in(locale),
              f.field().type().name(),
              f.from(),
              "",
              false,
              false);
      item.own = own.form().containsKey(f.name());
      item.labelZh = f.field().label().zh();
      item.labelEn = f.field().label().en();
      item.hidden = f.hidden();
      item.required = f.field().required();
      item.order = f.order();
      item.locked = own.locks("form." + f.name());
      fields.add(item);
    }
    steps.clear();
    for (EffectiveConfig.EffectiveStep s : c.steps().values()) {
      var item =
          new Item(
              s.state().name(),
              s.state().label().in(locale),
              "STEP",
              s.from(),
              bounds(s.min(), s.max(), s.boundBy()),
              s.state().optional(),
              s.state().terminal());
      item.own = own.workflow().containsKey(s.state().name());
      item.included = s.included();
      item.role = s.role() == null ? null : s.role().id();
      item.value = Integer.toString(s.state().workingDays());
      ConfigLayer.StepLayer mine = own.workflow().get(s.state().name());
      if (mine != null) {
        item.min = mine.min();
        item.max = mine.max();
      }
      item.locked = own.locks("workflow." + s.state().name());
      steps.add(item);
    }
    problems.clear();
    e.check().problems().forEach(p -> problems.add(new Problem(p)));
  }

  private String bounds(Integer min, Integer max, String boundBy) {
    if (min == null && max == null) {
      return "";
    }
    String who = "module".equals(boundBy) ? Messages.text("config.module") : labels.tenant(boundBy);
    return (min == null ? "" : min) + "–" + (max == null ? "" : max) + " (" + who + ")";
  }

  /**
   * The layer the page's edits describe: only what is set here, plus the rules kept as they were.
   */
  JsonObject layer() {
    ConfigLayer original =
        loadedLayer != null ? loadedLayer : ConfigLayerJson.read(loadedLayerJson).layer();
    JsonObjectBuilder b = Json.createObjectBuilder();
    JsonArrayBuilder locks = Json.createArrayBuilder();
    if (enabledOwn) {
      b.add("enabled", enabled);
    }
    if (enabledLocked) {
      locks.add("enabled");
    }
    var settingsJson = Json.createObjectBuilder();
    for (Item s : settings) {
      if (s.own) {
        var e = Json.createObjectBuilder();
        if (s.value != null && !s.value.isBlank()) {
          e.add("value", s.value.strip());
        }
        if (s.min != null) {
          e.add("min", s.min);
        }
        if (s.max != null) {
          e.add("max", s.max);
        }
        settingsJson.add(s.key, e);
      }
      if (s.locked) {
        locks.add("settings." + s.key);
      }
    }
    var formJson = Json.createObjectBuilder();
    JsonObject originalForm =
        ConfigLayerJson.write(original).getJsonObject("form") == null
            ? jakarta.json.JsonValue.EMPTY_JSON_OBJECT
            : ConfigLayerJson.write(original).getJsonObject("form");
    for (Item f : fields) {
      if (f.own) {
        var e = Json.createObjectBuilder();
        JsonObject before = originalForm.getJsonObject(f.key);
        if (before != null && before.containsKey("add")) {
          e.add("add", before.get("add"));
        }
        e.add(
            "label",
            Json.createObjectBuilder()
                .add("zh", blankToNull(f.labelZh, f.label))
                .add("en", blankToNull(f.labelEn, blankToNull(f.labelZh, f.label))));
        e.add("hidden", f.hidden).add("required", f.required);
        if (f.order != null) {
          e.add("order", f.order);
        }
        formJson.add(f.key, e);
      }
      if (f.locked) {
        locks.add("form." + f.key);
      }
    }
    var workflowJson = Json.createObjectBuilder();
    for (Item s : steps) {
      if (s.own) {
        var e = Json.createObjectBuilder();
        if (s.optional) {
          e.add("included", s.included);
        }
        if (s.role != null && !s.role.isBlank()) {
          e.add("role", s.role);
        }
        if (!s.terminal && s.value != null && !s.value.isBlank()) {
          try {
            e.add("workingDays", Integer.parseInt(s.value.strip()));
          } catch (NumberFormatException notANumber) {
            e.add("workingDays", s.value.strip());
          }
        }
        if (s.min != null) {
          e.add("min", s.min);
        }
        if (s.max != null) {
          e.add("max", s.max);
        }
        workflowJson.add(s.key, e);
      }
      if (s.locked) {
        locks.add("workflow." + s.key);
      }
    }
    original.locks().stream().filter(l -> l.startsWith("rules.")).forEach(locks::add);
    b.add("settings", settingsJson).add("form", formJson).add("workflow", workflowJson);
    JsonObject written = ConfigLayerJson.write(original);
    if (written.containsKey("rules")) {
      b.add("rules", written.get("rules"));
    }
    b.add("locks", locks);
    return b.build();
  }

  private static String blankToNull(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  /** Saves the edits as the draft and shows what would stop it from being published. */
  public void save() {
    try {
      read(admin.saveDraft(caller, tenant, module, layer()));
      Messages.info(problems.isEmpty() ? "config.saved" : "config.savedWithProblems");
    } catch (ConfigRefusedException e) {
      showProblems(e);
    }
  }

  /** Saves and publishes. */
  public void publish() {
    try {
      admin.saveDraft(caller, tenant, module, layer());
      ConfigurationAdmin.VersionInfo v = admin.publish(caller, tenant, module, note);
      note = null;
      load();
      Messages.info("config.published", v.number());
    } catch (ConfigRefusedException e) {
      showProblems(e);
      Messages.error("config.notPublished");
    }
  }

  /** Throws the draft away. */
  public void discard() {
    admin.discardDraft(caller, tenant, module);
    load();
    Messages.info("config.discarded");
  }

  private void showProblems(ConfigRefusedException e) {
    problems.clear();
    e.problems().forEach(p -> problems.add(new Problem(p)));
  }

  /**
   * Shows what changed from a version to the draft.
   *
   * @param number the version
   */
  public void showDiff(int number) {
    diff.clear();
    admin.diff(caller, tenant, module, number, null).forEach(c -> diff.add(new Diff(c)));
    diffTitle = Messages.text("config.diffTitle", number);
  }

  /**
   * Republishes a version.
   *
   * @param number the version
   */
  public void rollback(int number) {
    try {
      ConfigurationAdmin.VersionInfo v = admin.rollback(caller, tenant, module, number);
      load();
      Messages.info("config.rolledBack", number, v.number());
    } catch (ConfigRefusedException e) {
      showProblems(e);
      Messages.error("config.notPublished");
    }
  }

  /** Lists the descendants a push would change. */
  public void previewPush() {
    preview.clear();
    admin
        .pushPreview(caller, tenant, module)
        .forEach(
            p -> preview.add(new Push(labels.tenant(p.tenant()), String.join(", ", p.items()))));
    if (preview.isEmpty()) {
      Messages.info("config.pushNothing");
    }
  }

  /** Starts a push. */
  public void push() {
    ConfigurationAdmin.PushStatus status = admin.startPush(caller, tenant, module, pushLock);
    pushJob = status.id();
    update(status);
  }

  /** Polls the push's progress. */
  public void poll() {
    if (pushJob != null) {
      update(admin.push(caller, pushJob));
    }
  }

  private void update(ConfigurationAdmin.PushStatus status) {
    pushTotal = status.total();
    pushDone = status.done();
    pushState = status.state();
    if (!"running".equals(pushState)) {
      status
          .failures()
          .forEach(f -> Messages.raw(jakarta.faces.application.FacesMessage.SEVERITY_WARN, f));
      load();
    }
  }

  /**
   * @return the tenants the caller administers, parents first
   */
  public List<TenantView> getTenants() {
    return administered.all();
  }

  /**
   * @return the modules
   */
  public List<ServiceModuleFactory> getModules() {
    return modules.all();
  }

  /**
   * @param m a module
   * @return its name in the view's language
   */
  public String moduleName(ServiceModuleFactory m) {
    return m.descriptor().name().in(localeBean.getLocale());
  }

  /**
   * @param code a tenant code
   * @return its name
   */
  public String tenantName(String code) {
    return "module".equals(code) ? Messages.text("config.module") : labels.tenant(code);
  }

  /**
   * @return the push progress in percent
   */
  public int getPushProgress() {
    return pushTotal == 0 ? (pushJob == null ? 0 : 100) : pushDone * 100 / pushTotal;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getModule() {
    return module;
  }

  public void setModule(String module) {
    this.module = module;
  }

  public boolean isDraft() {
    return draft;
  }

  public int getBasedOn() {
    return basedOn;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public boolean isEnabledOwn() {
    return enabledOwn;
  }

  public void setEnabledOwn(boolean enabledOwn) {
    this.enabledOwn = enabledOwn;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean isEnabledLocked() {
    return enabledLocked;
  }

  public void setEnabledLocked(boolean enabledLocked) {
    this.enabledLocked = enabledLocked;
  }

  public String getEnabledSource() {
    return enabledSource;
  }

  public String getEnabledStatus() {
    return enabledStatus;
  }

  public List<Item> getSettings() {
    return settings;
  }

  public List<Item> getFields() {
    return fields;
  }

  public List<Item> getSteps() {
    return steps;
  }

  public List<Problem> getProblems() {
    return problems;
  }

  public List<Version> getVersions() {
    return versions;
  }

  public List<Diff> getDiff() {
    return diff;
  }

  public String getDiffTitle() {
    return diffTitle;
  }

  public List<Push> getPreview() {
    return preview;
  }

  public boolean isPushLock() {
    return pushLock;
  }

  public void setPushLock(boolean pushLock) {
    this.pushLock = pushLock;
  }

  public String getPushState() {
    return pushState;
  }

  public boolean isPushRunning() {
    return "running".equals(pushState);
  }

  public List<String> getRoles() {
    return org.unionhub.platform.config.ConfigResolver.STEP_ROLES.stream()
        .map(org.unionhub.sdk.Role::id)
        .toList();
  }
}
