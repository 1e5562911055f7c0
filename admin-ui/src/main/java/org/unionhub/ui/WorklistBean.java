package org.unionhub.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.unionhub.platform.module.ModuleRegistry;
import org.unionhub.platform.request.RequestData;
import org.unionhub.platform.request.RequestReading;
import org.unionhub.platform.request.ServiceRequest;
import org.unionhub.platform.request.WorklistCursor;
import org.unionhub.platform.request.WorklistPage;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;

/** The staff worklist: requests of the caller's unions and the unions below them. */
@Named
@ViewScoped
public class WorklistBean implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int PAGE = 100;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  /** One row of the worklist. A class with getters, not a record: Faces 4.0's EL reads beans. */
  public static final class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final String tenantName;
    private final String moduleName;
    private final String summary;
    private final String stateLabel;
    private final String submitted;
    private final LocalDate dueDate;
    private final boolean overdue;
    private final String flag;
    private final String escalatedTo;

    Row(
        String id,
        String tenantName,
        String moduleName,
        String summary,
        String stateLabel,
        String submitted,
        LocalDate dueDate,
        boolean overdue,
        String flag,
        String escalatedTo) {
      this.id = id;
      this.tenantName = tenantName;
      this.moduleName = moduleName;
      this.summary = summary;
      this.stateLabel = stateLabel;
      this.submitted = submitted;
      this.dueDate = dueDate;
      this.overdue = overdue;
      this.flag = flag;
      this.escalatedTo = escalatedTo;
    }

    public String getId() {
      return id;
    }

    public String getTenantName() {
      return tenantName;
    }

    public String getModuleName() {
      return moduleName;
    }

    public String getSummary() {
      return summary;
    }

    public String getStateLabel() {
      return stateLabel;
    }

    public String getSubmitted() {
      return submitted;
    }

    public LocalDate getDueDate() {
      return dueDate;
    }

    public boolean isOverdue() {
      return overdue;
    }

    public String getFlag() {
      return flag;
    }

    public String getEscalatedTo() {
      return escalatedTo;
    }
  }

  @Inject Caller caller;
  @Inject RequestReading reading;
  @Inject RequestData requestData;
  @Inject TenantDirectory tenants;
  @Inject Labels labels;
  @Inject ModuleRegistry modules;
  @Inject LocaleBean localeBean;

  private List<Row> rows;
  private String scopeNames;

  /** Per union, where its next page starts: "" before the first, null when there is no more. */
  private java.util.LinkedHashMap<String, String> cursors;

  private String show = "open";

  public List<Row> getRows() {
    if (rows == null) {
      load();
    }
    return rows;
  }

  public String getScopeNames() {
    if (rows == null) {
      load();
    }
    return scopeNames;
  }

  public int getPageSize() {
    return PAGE;
  }

  /**
   * @return {@code "open"} for the requests still to be handled (the default), {@code "all"} for
   *     finished ones too
   */
  public String getShow() {
    return show;
  }

  public void setShow(String show) {
    this.show = "all".equals(show) ? "all" : "open";
  }

  /** Loads the list again, after the choice of what to show changed. */
  public void reload() {
    rows = null;
    load();
  }

  /**
   * @return how many of the listed requests are past their due date
   */
  public long getOverdueCount() {
    return getRows().stream().filter(Row::isOverdue).count();
  }

  private void load() {
    var names = new ArrayList<String>();
    cursors = new java.util.LinkedHashMap<>();
    for (String code : caller.tenants().stream().sorted().toList()) {
      var tenant = tenants.find(code);
      if (tenant.isEmpty()) {
        continue;
      }
      names.add(tenant.get().name());
      cursors.put(code, "");
    }
    rows = List.of();
    scopeNames = String.join("、", names);
    more();
  }

  /** Loads the next page of every union whose list goes on, and adds it to the rows. */
  public void more() {
    if (rows == null) {
      load();
      return;
    }
    Locale locale = localeBean.getLocale();
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    var result = new ArrayList<>(rows);
    for (var entry : cursors.entrySet()) {
      if (entry.getValue() == null) {
        continue;
      }
      WorklistPage page =
          reading.worklist(
              caller,
              entry.getKey(),
              null,
              null,
              "open".equals(show),
              entry.getValue().isEmpty() ? null : WorklistCursor.decode(entry.getValue()),
              PAGE);
      for (ServiceRequest r : page.items()) {
        result.add(row(r, requestData.maskedData(r), locale, today));
      }
      // Cursors are kept encoded: the bean lives in the view and must serialize.
      entry.setValue(page.next() == null ? null : page.next().encode());
    }
    // Newest first, as the API answers; the due-date column sorts by urgency on a click.
    result.sort(Comparator.comparing(Row::getSubmitted).reversed());
    rows = List.copyOf(result);
  }

  /**
   * @return whether some union's list goes on beyond the rows loaded
   */
  public boolean isMoreAvailable() {
    getRows();
    return cursors.values().stream().anyMatch(java.util.Objects::nonNull);
  }

  private Row row(ServiceRequest r, Map<String, String> data, Locale locale, LocalDate today) {
    return new Row(
        r.getId().toString(),
        labels.tenant(r.getTenantId()),
        labels.module(r.getModule(), locale),
        summary(r.getModule(), data, locale),
        labels.state(r.getModule(), r.getState(), locale),
        TIME.format(r.getSubmittedAt()),
        r.getDueDate(),
        r.getDueDate() != null && r.getDueDate().isBefore(today),
        r.getFlaggedReason(),
        labels.tenant(r.getEscalatedTo()));
  }

  /** The values of the fields the module shows in the worklist, as the form would show them. */
  private String summary(String moduleId, Map<String, String> data, Locale locale) {
    return modules
        .find(moduleId)
        .map(
            m ->
                m.descriptor().worklistForm().stream()
                    .filter(f -> data.get(f.name()) != null && !data.get(f.name()).isBlank())
                    .map(f -> Labels.value(f, data.get(f.name()), locale))
                    .collect(java.util.stream.Collectors.joining(" · ")))
        .orElse("");
  }
}
