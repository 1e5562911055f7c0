package org.unionhub.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.unionhub.platform.PlatformProducers;
import org.unionhub.platform.item.ItemService;
import org.unionhub.platform.item.ModuleItem;
import org.unionhub.platform.item.QuestionJson;
import org.unionhub.platform.item.ResultsExport;
import org.unionhub.platform.item.ResultsService;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.module.ModuleRegistry;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.problem.SubmissionRefusedException;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.workflow.RequestConflictException;
import org.unionhub.sdk.ServiceModuleFactory;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.item.ItemKind;

/**
 * The admin console's items of a module: list, editor with a questions editor offering the kind's
 * question types, publish, close, push, results with charts and downloads. Rendered from the
 * module's descriptor; no module is named here.
 */
@Named
@ViewScoped
public class ItemsAdminBean implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  /** A question being edited. */
  public static final class QuestionDraft implements Serializable {
    private static final long serialVersionUID = 1L;
    private String name;
    private String type = FieldType.CHOICE.name();
    private String label;
    private boolean required = true;
    private String choices;
    private Integer maxChoices;
    private BigDecimal min;
    private BigDecimal max;
    private Integer maxLength;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getType() {
      return type;
    }

    public void setType(String type) {
      this.type = type;
    }

    public String getLabel() {
      return label;
    }

    public void setLabel(String label) {
      this.label = label;
    }

    public boolean isRequired() {
      return required;
    }

    public void setRequired(boolean required) {
      this.required = required;
    }

    public String getChoices() {
      return choices;
    }

    public void setChoices(String choices) {
      this.choices = choices;
    }

    public Integer getMaxChoices() {
      return maxChoices;
    }

    public void setMaxChoices(Integer maxChoices) {
      this.maxChoices = maxChoices;
    }

    public BigDecimal getMin() {
      return min;
    }

    public void setMin(BigDecimal min) {
      this.min = min;
    }

    public BigDecimal getMax() {
      return max;
    }

    public void setMax(BigDecimal max) {
      this.max = max;
    }

    public Integer getMaxLength() {
      return maxLength;
    }

    public void setMaxLength(Integer maxLength) {
      this.maxLength = maxLength;
    }

    public boolean isHasChoices() {
      return FieldType.valueOf(type).hasChoices();
    }
  }

  /** An item in the list. */
  public record Row(
      String id, String title, String state, String phase, String closes, boolean pushed)
      implements Serializable {}

  @Inject Caller caller;
  @Inject ItemService items;
  @Inject ResultsService results;
  @Inject ResultsExport export;
  @Inject ModuleRegistry modules;
  @Inject AdministeredTenants administered;
  @Inject LocaleBean localeBean;

  private String tenant;
  private String module;
  private List<Option> tenantOptions = List.of();
  private List<Option> moduleOptions = List.of();
  private List<Option> typeOptions = List.of();
  private List<Row> rows = List.of();

  private String editing;
  private boolean editorOpen;
  private String title;
  private String description;
  private String opensAt;
  private String closesAt;
  private String audience = "SUBTREE_MEMBERS";
  private boolean anonymous;
  private String resultsVisibility = "AFTER_CLOSE";
  private List<QuestionDraft> questions = new ArrayList<>();

  private String shown;
  private String shownTitle;
  private ResultsView view;

  /** Lists the unions, the modules with items, and the chosen union's items. */
  public void load() {
    Locale locale = localeBean.getLocale();
    tenantOptions = administered.all().stream().map(t -> new Option(t.code(), t.name())).toList();
    moduleOptions =
        modules.all().stream()
            .filter(m -> !m.descriptor().itemKinds().isEmpty())
            .map(m -> new Option(m.getId(), m.descriptor().name().in(locale)))
            .toList();
    if ((tenant == null || tenant.isBlank()) && !tenantOptions.isEmpty()) {
      tenant = tenantOptions.get(0).getValue();
    }
    if ((module == null || module.isBlank()) && !moduleOptions.isEmpty()) {
      module = moduleOptions.get(0).getValue();
    }
    refresh();
  }

  /** Reloads the list for the chosen union and module. */
  public void refresh() {
    if (tenant == null || module == null || module.isBlank()) {
      rows = List.of();
      return;
    }
    ItemKind kind = kind();
    typeOptions =
        kind == null
            ? List.of()
            : kind.questionTypes().stream()
                .sorted()
                .map(t -> new Option(t.name(), Messages.text("question.type." + t.name())))
                .toList();
    try {
      rows =
          items.owned(caller, tenant, module).stream()
              .map(
                  i ->
                      new Row(
                          i.getId().toString(),
                          i.getTitle(),
                          i.getState(),
                          items.phase(i).name(),
                          i.getClosesAt() == null ? "" : HallBean.WHEN.format(i.getClosesAt()),
                          i.getOriginId() != null))
              .toList();
    } catch (NotVisibleException | NotAllowedException e) {
      rows = List.of();
      Messages.error("items.notYours");
    }
  }

  private ItemKind kind() {
    return modules
        .find(module)
        .map(ServiceModuleFactory::descriptor)
        .flatMap(d -> d.itemKinds().stream().findFirst())
        .orElse(null);
  }

  /** Opens an empty editor. */
  public void create() {
    editing = null;
    editorOpen = true;
    title = null;
    description = null;
    opensAt = null;
    closesAt =
        LocalDateTime.now(PlatformProducers.ZONE)
            .plusDays(7)
            .withSecond(0)
            .withNano(0)
            .format(LOCAL);
    audience = "SUBTREE_MEMBERS";
    anonymous = false;
    resultsVisibility = "AFTER_CLOSE";
    questions = new ArrayList<>();
    addQuestion();
  }

  /** Opens the editor on an item. */
  public void edit(String id) {
    var view = items.find(caller, tenant, module, UUID.fromString(id));
    ModuleItem i = view.item();
    editing = id;
    editorOpen = true;
    title = i.getTitle();
    description = i.getDescription();
    opensAt =
        i.getOpensAt() == null ? null : LOCAL.format(i.getOpensAt().atZone(PlatformProducers.ZONE));
    closesAt =
        i.getClosesAt() == null
            ? null
            : LOCAL.format(i.getClosesAt().atZone(PlatformProducers.ZONE));
    audience = i.getAudience();
    anonymous = i.isAnonymous();
    resultsVisibility = i.getResultsVisibility();
    Locale locale = localeBean.getLocale();
    questions = new ArrayList<>();
    for (FormField f : QuestionJson.read(i.getQuestions())) {
      var q = new QuestionDraft();
      q.name = f.name();
      q.type = f.type().name();
      q.label = f.label().in(locale);
      q.required = f.required();
      q.maxChoices = f.maxChoices();
      q.maxLength = f.maxLength();
      if (f.type() == FieldType.NUMBER) {
        q.min = f.min();
        q.max = f.max();
      }
      q.choices = String.join("\n", f.choices().stream().map(c -> c.label().in(locale)).toList());
      questions.add(q);
    }
  }

  public void addQuestion() {
    var q = new QuestionDraft();
    q.name = "q" + (questions.size() + 1);
    questions.add(q);
  }

  public void removeQuestion(int index) {
    if (index >= 0 && index < questions.size()) {
      questions.remove(index);
    }
  }

  /** Saves the editor as a new draft or over the item being edited. */
  public void save() {
    try {
      if (editing == null) {
        editing = items.create(caller, tenant, module, body()).getId().toString();
      } else {
        items.update(caller, tenant, module, UUID.fromString(editing), body(), null);
      }
      Messages.info("items.saved");
      editorOpen = false;
      refresh();
    } catch (SubmissionRefusedException e) {
      problems(e.errors());
    } catch (RequestConflictException | NotAllowedException e) {
      Messages.raw(FacesMessage.SEVERITY_ERROR, Messages.text(e));
    }
  }

  public void publish(String id) {
    try {
      items.publish(caller, tenant, module, UUID.fromString(id), null);
      Messages.info("items.published");
    } catch (SubmissionRefusedException e) {
      problems(e.errors());
    } catch (RequestConflictException e) {
      Messages.raw(FacesMessage.SEVERITY_ERROR, Messages.text(e));
    }
    refresh();
  }

  public void close(String id) {
    try {
      items.close(caller, tenant, module, UUID.fromString(id), null);
      Messages.info("items.closed");
    } catch (RequestConflictException e) {
      Messages.raw(FacesMessage.SEVERITY_ERROR, Messages.text(e));
    }
    refresh();
  }

  public void push(String id) {
    try {
      int n = items.push(caller, tenant, module, UUID.fromString(id)).size();
      Messages.info("items.pushed", n);
    } catch (RequestConflictException | NotAllowedException e) {
      Messages.raw(FacesMessage.SEVERITY_ERROR, Messages.text(e));
    }
    refresh();
  }

  /** Shows an item's results. */
  public void results(String id) {
    var v = items.find(caller, tenant, module, UUID.fromString(id));
    shown = id;
    shownTitle = v.item().getTitle();
    try {
      view =
          ResultsView.of(
              results.results(caller, tenant, module, UUID.fromString(id), null),
              v.sdk(),
              localeBean.getLocale(),
              Messages.text("results.count"));
    } catch (NotAllowedException e) {
      view = null;
      Messages.raw(FacesMessage.SEVERITY_ERROR, Messages.text(e));
    }
  }

  /** Streams the shown item's results and answers as a spreadsheet. */
  public void downloadXlsx() throws IOException {
    UUID id = UUID.fromString(shown);
    var r = results.results(caller, tenant, module, id, null);
    var answers = results.answers(caller, tenant, module, id);
    send(
        export.xlsx(r, answers, localeBean.getLocale()),
        ResultsExport.XLSX,
        "results-" + id + ".xlsx");
  }

  /** Streams the shown item's answers as CSV. */
  public void downloadCsv() throws IOException {
    UUID id = UUID.fromString(shown);
    var r = results.results(caller, tenant, module, id, null);
    var answers = results.answers(caller, tenant, module, id);
    send(
        export.answersCsv(r, answers, localeBean.getLocale()),
        ResultsExport.CSV + "; charset=UTF-8",
        "answers-" + id + ".csv");
  }

  private static void send(byte[] bytes, String type, String name) throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    var external = faces.getExternalContext();
    external.responseReset();
    external.setResponseContentType(type);
    external.setResponseContentLength(bytes.length);
    external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    external.getResponseOutputStream().write(bytes);
    faces.responseComplete();
  }

  private static void problems(List<FieldError> errors) {
    for (FieldError e : errors) {
      Messages.raw(
          FacesMessage.SEVERITY_ERROR,
          (e.field() == null ? "" : e.field() + ": ") + Messages.text(e));
    }
  }

  private jakarta.json.JsonObject body() {
    JsonObjectBuilder b = Json.createObjectBuilder();
    b.add("title", title == null ? "" : title);
    if (description != null && !description.isBlank()) {
      b.add("description", description);
    }
    if (opensAt != null && !opensAt.isBlank()) {
      b.add("opensAt", opensAt);
    }
    if (closesAt != null && !closesAt.isBlank()) {
      b.add("closesAt", closesAt);
    }
    b.add("audience", audience);
    b.add("anonymous", anonymous);
    b.add("resultsVisibility", resultsVisibility);
    JsonArrayBuilder qs = Json.createArrayBuilder();
    for (QuestionDraft q : questions) {
      JsonObjectBuilder o =
          Json.createObjectBuilder()
              .add("name", q.name == null ? "" : q.name)
              .add("type", q.type)
              .add("label", q.label == null ? "" : q.label)
              .add("required", q.required);
      if (q.maxLength != null) {
        o.add("maxLength", q.maxLength);
      }
      if (q.isHasChoices()) {
        JsonArrayBuilder choices = Json.createArrayBuilder();
        int n = 0;
        for (String line : (q.choices == null ? "" : q.choices).split("\\R")) {
          if (!line.isBlank()) {
            n++;
            choices.add(
                Json.createObjectBuilder().add("value", "c" + n).add("label", line.strip()));
          }
        }
        o.add("choices", choices);
        if (q.maxChoices != null && FieldType.MULTI_CHOICE.name().equals(q.type)) {
          o.add("maxChoices", q.maxChoices);
        }
      }
      if (FieldType.NUMBER.name().equals(q.type)) {
        if (q.min != null) {
          o.add("min", q.min);
        }
        if (q.max != null) {
          o.add("max", q.max);
        }
      }
      qs.add(o);
    }
    b.add("questions", qs);
    return b.build();
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

  public List<Option> getTenantOptions() {
    return tenantOptions;
  }

  public List<Option> getModuleOptions() {
    return moduleOptions;
  }

  public List<Option> getTypeOptions() {
    return typeOptions;
  }

  public List<Row> getRows() {
    return rows;
  }

  public boolean isEditorOpen() {
    return editorOpen;
  }

  public String getEditing() {
    return editing;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getOpensAt() {
    return opensAt;
  }

  public void setOpensAt(String opensAt) {
    this.opensAt = opensAt;
  }

  public String getClosesAt() {
    return closesAt;
  }

  public void setClosesAt(String closesAt) {
    this.closesAt = closesAt;
  }

  public String getAudience() {
    return audience;
  }

  public void setAudience(String audience) {
    this.audience = audience;
  }

  public boolean isAnonymous() {
    return anonymous;
  }

  public void setAnonymous(boolean anonymous) {
    this.anonymous = anonymous;
  }

  public String getResultsVisibility() {
    return resultsVisibility;
  }

  public void setResultsVisibility(String resultsVisibility) {
    this.resultsVisibility = resultsVisibility;
  }

  public List<QuestionDraft> getQuestions() {
    return questions;
  }

  public String getShown() {
    return shown;
  }

  public String getShownTitle() {
    return shownTitle;
  }

  public ResultsView getView() {
    return view;
  }
}
