package org.unionhub.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.unionhub.platform.module.ModuleRegistry;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.request.RequestData;
import org.unionhub.platform.request.RequestReading;
import org.unionhub.platform.request.RequestTransition;
import org.unionhub.platform.request.RequestTransitions;
import org.unionhub.platform.request.ServiceRequest;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.workflow.RequestConflictException;
import org.unionhub.platform.workflow.RequestLifecycle;
import org.unionhub.sdk.ModuleDescriptor;
import org.unionhub.sdk.Permission;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.workflow.Transition;

/** One request for staff: its data, its history, and the actions its workflow allows now. */
@Named
@ViewScoped
public class RequestBean implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  /** A labelled value. */
  public static final class Field implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String label;
    private final String value;

    Field(String label, String value) {
      this.label = label;
      this.value = value;
    }

    public String getLabel() {
      return label;
    }

    public String getValue() {
      return value;
    }
  }

  /** An action button. */
  public static final class Action implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final String label;

    Action(String name, String label) {
      this.name = name;
      this.label = label;
    }

    public String getName() {
      return name;
    }

    public String getLabel() {
      return label;
    }
  }

  /** A history line. */
  public static final class Step implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String at;
    private final String action;
    private final String actor;
    private final String state;
    private final String comment;

    Step(String at, String action, String actor, String state, String comment) {
      this.at = at;
      this.action = action;
      this.actor = actor;
      this.state = state;
      this.comment = comment;
    }

    public String getAt() {
      return at;
    }

    public String getAction() {
      return action;
    }

    public String getActor() {
      return actor;
    }

    public String getState() {
      return state;
    }

    public String getComment() {
      return comment;
    }
  }

  @Inject Caller caller;
  @Inject RequestReading reading;
  @Inject RequestData requestData;
  @Inject RequestTransitions transitions;
  @Inject ModuleRegistry modules;
  @Inject Labels labels;
  @Inject LocaleBean localeBean;

  private String id;
  private boolean found;
  private int version;
  private String title;
  private String tenantName;
  private String stateLabel;
  private String dueDate;
  private String flag;
  private String escalatedTo;
  private List<Field> fields = List.of();
  private List<Step> history = List.of();
  private List<Action> actions = List.of();
  private String comment;
  private boolean mayReveal;
  private boolean revealed;

  /** Loads the request named by the {@code id} view parameter. */
  public void load() {
    found = false;
    UUID uuid;
    try {
      uuid = UUID.fromString(id == null ? "" : id);
    } catch (IllegalArgumentException e) {
      return;
    }
    try {
      show(reading.withHistory(caller, uuid));
    } catch (NotVisibleException e) {
      found = false;
    }
  }

  private void show(RequestReading.WithHistory read) {
    show(read, requestData.maskedData(read.request()));
    revealed = false;
  }

  private void show(RequestReading.WithHistory read, Map<String, String> data) {
    ServiceRequest r = read.request();
    Locale locale = localeBean.getLocale();
    ModuleDescriptor descriptor = modules.find(r.getModule()).orElseThrow().descriptor();
    found = true;
    version = r.getVersion();
    title = descriptor.name().in(locale);
    tenantName = labels.tenant(r.getTenantId());
    stateLabel = labels.state(r.getModule(), r.getState(), locale);
    dueDate = r.getDueDate() == null ? "" : r.getDueDate().toString();
    flag = r.getFlaggedReason();
    escalatedTo = labels.tenant(r.getEscalatedTo());
    var shown = new ArrayList<Field>();
    for (FormField field : descriptor.form()) {
      if (data.containsKey(field.name())) {
        shown.add(
            new Field(
                field.label().in(locale), Labels.value(field, data.get(field.name()), locale)));
      }
    }
    fields = List.copyOf(shown);
    var steps = new ArrayList<Step>();
    for (RequestTransition t : read.history()) {
      steps.add(
          new Step(
              TIME.format(t.getOccurredAt()),
              actionLabel(descriptor, t.getAction(), locale),
              t.getActor(),
              labels.state(r.getModule(), t.getToState(), locale),
              t.getComment()));
    }
    history = List.copyOf(steps);
    boolean officer = caller.isUnionOfficer();
    actions =
        officer
            ? descriptor.workflow().transitionsFrom(r.getState()).stream()
                .filter(t -> RequestLifecycle.mayTake(caller.roles(), t))
                .map(t -> new Action(t.action(), t.label().in(locale)))
                .toList()
            : List.of();
    Permission reveal = descriptor.permission(Permission.REVEAL_IDENTIFIERS);
    mayReveal = reveal != null && reveal.heldBy(caller.roles());
  }

  /**
   * Shows the request's identifiers in full, for a caller whose role holds the module's {@link
   * Permission#REVEAL_IDENTIFIERS} permission. The platform audits every reveal; the page says so.
   */
  public void reveal() {
    try {
      var read = reading.withHistory(caller, UUID.fromString(id));
      show(read, requestData.revealedData(caller, read.request()));
      revealed = true;
      Messages.info("request.revealed");
    } catch (NotAllowedException e) {
      Messages.error("request.revealRefused");
    } catch (NotVisibleException | IllegalArgumentException e) {
      found = false;
    }
  }

  /**
   * Takes an action; a lost race reloads the request and says what happened.
   *
   * @param action the action name
   */
  public void act(String action) {
    UUID uuid = UUID.fromString(id);
    try {
      show(
          transitions.act(
              caller,
              uuid,
              version,
              action,
              comment == null || comment.isBlank() ? null : comment));
      comment = null;
      Messages.info("request.done", stateLabel);
    } catch (RequestConflictException e) {
      load();
      Messages.error("request.conflict", stateLabel);
    } catch (NotAllowedException e) {
      Messages.raw(FacesMessage.SEVERITY_ERROR, Messages.text(e));
    } catch (NotVisibleException e) {
      found = false;
    }
  }

  private static String actionLabel(ModuleDescriptor d, String action, Locale locale) {
    return d.workflow().transitions().stream()
        .filter(t -> t.action().equals(action))
        .map(Transition::label)
        .map(l -> l.in(locale))
        .findFirst()
        .orElseGet(() -> Messages.text("action." + action));
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public boolean isFound() {
    return found;
  }

  public String getTitle() {
    return title;
  }

  public String getTenantName() {
    return tenantName;
  }

  public String getStateLabel() {
    return stateLabel;
  }

  public String getDueDate() {
    return dueDate;
  }

  public String getFlag() {
    return flag;
  }

  public String getEscalatedTo() {
    return escalatedTo;
  }

  public List<Field> getFields() {
    return fields;
  }

  public List<Step> getHistory() {
    return history;
  }

  public List<Action> getActions() {
    return actions;
  }

  /**
   * @return whether the caller may reveal this request's identifiers
   */
  public boolean isMayReveal() {
    return mayReveal;
  }

  /**
   * @return whether the identifiers are shown in full now
   */
  public boolean isRevealed() {
    return revealed;
  }

  public String getComment() {
    return comment;
  }

  public void setComment(String comment) {
    this.comment = comment;
  }
}
