package org.unionhub.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.unionhub.platform.audit.AuditCursor;
import org.unionhub.platform.audit.AuditEntry;
import org.unionhub.platform.audit.AuditFilter;
import org.unionhub.platform.audit.AuditLog;
import org.unionhub.platform.audit.AuditPage;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantAdministration;
import org.unionhub.platform.tenancy.TenantView;

/** The audit trail within the admin's reach, filtered and paged newest first. */
@Named
@ViewScoped
public class AuditBean implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);
  private static final int PAGE = 50;

  /** One record as the page shows it. */
  public static final class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final String at;
    private final String actor;
    private final String tenant;
    private final String subject;
    private final String action;
    private final String before;
    private final String after;

    Row(AuditEntry e, String tenantLabel) {
      this.id = e.id().toString();
      this.at = TIME.format(e.occurredAt());
      this.actor = e.actor();
      this.tenant = tenantLabel;
      this.subject = e.subject();
      this.action = e.action();
      this.before = readable(e.before());
      this.after = readable(e.after());
    }

    public String getId() {
      return id;
    }

    public String getAt() {
      return at;
    }

    public String getActor() {
      return actor;
    }

    public String getTenant() {
      return tenant;
    }

    public String getSubject() {
      return subject;
    }

    public String getAction() {
      return action;
    }

    public String getBefore() {
      return before;
    }

    public String getAfter() {
      return after;
    }
  }

  @Inject Caller caller;
  @Inject AuditLog log;
  @Inject TenantAdministration administration;
  @Inject Labels labels;

  private String tenant;
  private String subject;
  private String actor;
  private LocalDate from;
  private LocalDate to;
  private final List<Row> rows = new ArrayList<>();
  private AuditCursor next;
  private boolean searched;

  /** Runs the search from its first page. */
  public void search() {
    rows.clear();
    next = null;
    searched = true;
    page(null);
  }

  /** Appends the next page. */
  public void more() {
    if (next != null) {
      page(next);
    }
  }

  private void page(AuditCursor after) {
    var filter =
        new AuditFilter(
            blankToNull(tenant),
            blankToNull(subject),
            blankToNull(actor),
            from == null ? null : from.atStartOfDay(CHINA).toInstant(),
            to == null ? null : to.plusDays(1).atStartOfDay(CHINA).toInstant());
    try {
      AuditPage page = log.search(caller, filter, after, PAGE);
      page.items().forEach(e -> rows.add(new Row(e, tenantLabel(e.tenantCode()))));
      next = page.next();
    } catch (NotVisibleException e) {
      Messages.error("audit.unknownTenant");
      next = null;
    } catch (NotAllowedException e) {
      Messages.error("tenants.notAllowed");
      next = null;
    }
  }

  public List<Row> getRows() {
    if (!searched) {
      search();
    }
    return rows;
  }

  public boolean isMore() {
    return next != null;
  }

  /**
   * @return the tenants the caller may filter on
   */
  public List<Option> getTenants() {
    return administration.adminTree(caller).stream()
        .map(TenantAdministration.AdminView::tenant)
        .sorted(Comparator.comparing(TenantView::code))
        .map(t -> new Option(t.code(), t.name() + " (" + t.code() + ")"))
        .toList();
  }

  private String tenantLabel(String code) {
    return code == null ? "—" : labels.tenant(code) + " (" + code + ")";
  }

  /** JSON objects as one {@code key: value} line each; anything else as it is. */
  static String readable(String json) {
    if (json == null) {
      return "";
    }
    try (var reader = Json.createReader(new StringReader(json))) {
      JsonValue value = reader.readValue();
      if (value instanceof JsonObject object) {
        var lines = new ArrayList<String>();
        object.forEach(
            (k, v) ->
                lines.add(
                    k
                        + ": "
                        + (v instanceof jakarta.json.JsonString s ? s.getString() : v.toString())));
        return String.join("\n", lines);
      }
      return value.toString();
    } catch (JsonException e) {
      return json;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }
}
