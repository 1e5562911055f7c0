package org.unionhub.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.unionhub.platform.item.ActionService;
import org.unionhub.platform.item.AlreadyTakenException;
import org.unionhub.platform.item.ItemService;
import org.unionhub.platform.item.ResultsService;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.module.ModuleRegistry;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.problem.SubmissionRefusedException;
import org.unionhub.platform.security.Caller;
import org.unionhub.sdk.action.ActionType;
import org.unionhub.sdk.action.Payload;
import org.unionhub.sdk.action.Target;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.item.Item;
import org.unionhub.sdk.item.Phase;

/**
 * One item as a member sees it, rendered from its questions and its module's descriptor: the
 * action's form (answers to its questions) with errors beside their questions, and the results when
 * the item shows them to members. No module is named here.
 */
@Named
@ViewScoped
public class ItemBean implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One question with what the member chose or typed and what was wrong with it. */
  public static final class Question implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final String label;
    private final String help;
    private final String type;
    private final boolean required;
    private final int maxLength;
    private final Integer maxChoices;
    private final List<Option> options;
    private String value;
    private List<String> values = new ArrayList<>();
    private String error;

    Question(FormField field, Locale locale) {
      this.name = field.name();
      this.label = field.label().in(locale);
      this.help = field.help() == null ? null : field.help().in(locale);
      this.type = field.type().name();
      this.required = field.required();
      this.maxLength = field.maxLength();
      this.maxChoices = field.maxChoices();
      var opts = new ArrayList<Option>();
      if (field.type() == FieldType.RATING) {
        for (int i = 1; i <= 5; i++) {
          opts.add(new Option(String.valueOf(i), String.valueOf(i)));
        }
      } else {
        field.choices().forEach(c -> opts.add(new Option(c.value(), c.label().in(locale))));
      }
      this.options = opts;
    }

    String answer() {
      return "MULTI_CHOICE".equals(type) ? String.join(",", values) : value;
    }

    public String getName() {
      return name;
    }

    public String getLabel() {
      return label;
    }

    public String getHelp() {
      return help;
    }

    public String getType() {
      return type;
    }

    public boolean isRequired() {
      return required;
    }

    public int getMaxLength() {
      return maxLength;
    }

    public Integer getMaxChoices() {
      return maxChoices;
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

    public List<String> getValues() {
      return values;
    }

    public void setValues(List<String> values) {
      this.values = values == null ? new ArrayList<>() : new ArrayList<>(values);
    }

    public String getError() {
      return error;
    }
  }

  @Inject Caller caller;
  @Inject ItemService items;
  @Inject ActionService actions;
  @Inject ResultsService results;
  @Inject ModuleRegistry modules;
  @Inject LocaleBean localeBean;

  private String tenant;
  private String module;
  private String id;
  private boolean available;
  private Item item;
  private String phase;
  private boolean taken;
  private String actionName;
  private String actionLabel;
  private List<Question> questions = List.of();
  private ResultsView view;
  private boolean done;

  /** Loads the item and builds its form. */
  public void load() {
    Locale locale = localeBean.getLocale();
    try {
      var view = items.find(caller, tenant, module, UUID.fromString(id));
      item = view.sdk();
      taken = view.taken();
      phase = items.phase(view.item()).name();
      ActionType action =
          modules.find(module).orElseThrow().descriptor().actions().stream()
              .filter(a -> a.target().on() == Target.On.ITEM)
              .filter(a -> a.target().itemKind().equals(item.kind()))
              .findFirst()
              .orElse(null);
      if (action != null) {
        actionName = action.name();
        actionLabel = action.label().in(locale);
        List<FormField> form =
            action.payload() == Payload.ITEM_QUESTIONS
                ? item.questions()
                : action.payload() == Payload.DECLARED ? action.fields() : List.of();
        if (questions.isEmpty()) {
          questions = form.stream().map(f -> new Question(f, locale)).toList();
        }
      }
      available = true;
      loadResults(locale);
    } catch (NotVisibleException | IllegalArgumentException | NullPointerException e) {
      available = false;
    }
  }

  private void loadResults(Locale locale) {
    try {
      view =
          ResultsView.of(
              results.results(caller, tenant, module, UUID.fromString(id), null),
              item,
              locale,
              Messages.text("results.count"));
    } catch (NotAllowedException | NotVisibleException e) {
      view = null;
    }
  }

  /** Takes the action with the member's answers; refusals are shown beside their questions. */
  public void submit() {
    questions.forEach(q -> q.error = null);
    var values = Json.createObjectBuilder();
    for (Question q : questions) {
      String a = q.answer();
      if (a != null && !a.isBlank()) {
        values.add(q.name, a);
      }
    }
    try {
      actions.act(
          caller,
          tenant,
          module,
          UUID.fromString(id),
          actionName,
          Json.createObjectBuilder().add("values", values).build());
      done = true;
      taken = true;
      Messages.info("item.thanks");
      loadResults(localeBean.getLocale());
    } catch (SubmissionRefusedException e) {
      for (FieldError error : e.errors()) {
        questions.stream()
            .filter(q -> q.name.equals(error.field()))
            .findFirst()
            .ifPresentOrElse(
                q -> q.error = Messages.text(error),
                () ->
                    Messages.raw(
                        jakarta.faces.application.FacesMessage.SEVERITY_ERROR,
                        Messages.text(error)));
      }
      Messages.error("apply.fix");
    } catch (AlreadyTakenException e) {
      taken = true;
      Messages.error("item.already");
    } catch (NotAllowedException e) {
      Messages.raw(jakarta.faces.application.FacesMessage.SEVERITY_ERROR, Messages.text(e));
    }
  }

  public boolean isOpen() {
    return Phase.OPEN.name().equals(phase);
  }

  public String getCloses() {
    return item == null || item.closesAt() == null ? "" : HallBean.WHEN.format(item.closesAt());
  }

  public String getOpens() {
    return item == null || item.opensAt() == null ? "" : HallBean.WHEN.format(item.opensAt());
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

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public boolean isAvailable() {
    return available;
  }

  public Item getItem() {
    return item;
  }

  public String getPhase() {
    return phase;
  }

  public boolean isTaken() {
    return taken;
  }

  public boolean isDone() {
    return done;
  }

  public String getActionLabel() {
    return actionLabel;
  }

  public boolean isCanAct() {
    return actionName != null && isOpen() && !taken;
  }

  public List<Question> getQuestions() {
    return questions;
  }

  public ResultsView getResults() {
    return view;
  }
}
