package org.unionhub.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;
import org.unionhub.platform.people.PeopleAdministration;
import org.unionhub.platform.people.PeopleAdministration.NewPerson;
import org.unionhub.platform.people.PeopleAdministration.PersonChange;
import org.unionhub.platform.people.PeopleAdministration.PersonView;
import org.unionhub.platform.people.PeopleRefusedException;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantView;

/**
 * The people of a union and the unions below it, and the dialog that creates an account or changes
 * its roles, union and state. Every change goes through the PeopleAdministration port, which checks
 * the caller's rights again; the page only offers what the caller may do.
 */
@Named
@ViewScoped
public class PeopleBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Caller caller;
  @Inject PeopleAdministration people;
  @Inject AdministeredTenants administered;
  @Inject org.unionhub.platform.people.PeopleSheet sheets;

  private transient jakarta.servlet.http.Part file;
  private List<String> importProblems = List.of();

  private String tenant;
  private List<PersonView> rows;

  private String editing;
  private String username;
  private String name;
  private String mobile;
  private String email;
  private List<String> roles = new ArrayList<>();
  private String union;
  private final Map<String, String> errors = new HashMap<>();

  /**
   * @return the unions the caller administers
   */
  public List<Option> getTenants() {
    return administered.all().stream()
        .map(t -> new Option(t.code(), t.name() + " (" + t.code() + ")"))
        .toList();
  }

  public String getTenant() {
    if (tenant == null) {
      tenant = administered.all().stream().findFirst().map(TenantView::code).orElse(null);
    }
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
    rows = null;
  }

  /**
   * @return the people of the chosen union and below
   */
  public List<PersonView> getRows() {
    if (rows == null) {
      rows = List.of();
      if (getTenant() != null) {
        try {
          rows = people.list(caller, tenant);
        } catch (NotVisibleException | NotAllowedException e) {
          Messages.error("people.notFound");
        }
      }
    }
    return rows;
  }

  /**
   * @return whether some account still waits for Keycloak: the page then polls
   */
  public boolean isPending() {
    return getRows().stream().anyMatch(p -> "pending".equals(p.sync()));
  }

  public void refresh() {
    rows = null;
  }

  /** Opens the dialog for a new account in the chosen union. */
  public void openCreate() {
    reset(null);
    union = getTenant();
    roles = new ArrayList<>(List.of("staff"));
  }

  /**
   * @param id the account to change
   */
  public void openEdit(String id) {
    reset(id);
    getRows().stream()
        .filter(p -> p.id().equals(id))
        .findFirst()
        .ifPresent(
            p -> {
              username = p.username();
              name = p.name();
              union = p.tenant();
              roles = new ArrayList<>(p.roles());
            });
  }

  /** Creates the account, or changes its roles and union. */
  public void save() {
    errors.clear();
    try {
      if (editing == null) {
        PersonView created =
            people.create(
                caller,
                union,
                new NewPerson(username, name, mobile, email, new LinkedHashSet<>(roles)));
        Messages.info("people.created", created.username());
      } else {
        people.change(
            caller, editing, new PersonChange(new LinkedHashSet<>(roles), union, null, false));
        Messages.info("people.saved");
      }
      rows = null;
      PrimeFaces.current().ajax().addCallbackParam("saved", true);
    } catch (PeopleRefusedException e) {
      for (FieldError error : e.errors()) {
        errors.merge(error.field(), message(error), (a, b) -> a + " " + b);
      }
    } catch (NotVisibleException | NotAllowedException e) {
      Messages.error("people.notFound");
    }
  }

  /**
   * Disables an enabled account or enables a disabled one.
   *
   * @param id the account
   * @param enabled whether it is enabled now
   */
  public void toggle(String id, boolean enabled) {
    change(
        id,
        new PersonChange(null, null, !enabled, false),
        enabled ? "people.disabledDone" : "people.enabledDone");
  }

  /**
   * @param id the account that gets a new set-up link
   */
  public void newLink(String id) {
    change(id, new PersonChange(null, null, null, true), "people.linkRequested");
  }

  private void change(String id, PersonChange change, String done) {
    try {
      PersonView p = people.change(caller, id, change);
      Messages.info(done, p.username());
    } catch (PeopleRefusedException e) {
      e.errors()
          .forEach(
              error ->
                  Messages.raw(
                      jakarta.faces.application.FacesMessage.SEVERITY_ERROR, message(error)));
    } catch (NotVisibleException | NotAllowedException e) {
      Messages.error("people.notFound");
    }
    rows = null;
  }

  /** Creates every account of the uploaded spreadsheet, or none and lists every problem by row. */
  public void importSheet() {
    importProblems = List.of();
    if (file == null || file.getSize() == 0) {
      Messages.error("people.import.noFile");
      return;
    }
    try (var in = file.getInputStream()) {
      var parsed = sheets.read(in, getTenant());
      try {
        var created = people.createAll(caller, parsed.rows());
        Messages.info("people.import.done", created.size());
      } catch (PeopleRefusedException e) {
        importProblems =
            e.errors().stream()
                .map(error -> sheetRow(error, parsed.sheetRows()) + message(error))
                .toList();
      }
    } catch (PeopleRefusedException e) {
      importProblems = e.errors().stream().map(PeopleBean::message).toList();
    } catch (java.io.IOException e) {
      Messages.error("people.import.noFile");
    }
    rows = null;
  }

  /** "第 4 行 手机号码：" for {@code rows[2].mobile} when the second account is the sheet's row 4. */
  private static String sheetRow(FieldError error, List<Integer> sheetRows) {
    var m = java.util.regex.Pattern.compile("^rows\\[(\\d+)\\]\\.?(.*)$").matcher(error.field());
    if (!m.matches()) {
      return "";
    }
    int index = Integer.parseInt(m.group(1)) - 1;
    String row =
        index >= 0 && index < sheetRows.size() ? sheetRows.get(index).toString() : m.group(1);
    return Messages.text("people.import.row", row, Messages.text("people.column." + m.group(2)));
  }

  public jakarta.servlet.http.Part getFile() {
    return file;
  }

  public void setFile(jakarta.servlet.http.Part file) {
    this.file = file;
  }

  public List<String> getImportProblems() {
    return importProblems;
  }

  /**
   * @param role a role
   * @return its label
   */
  public String roleLabel(String role) {
    return Messages.text("people.role." + role);
  }

  private void reset(String id) {
    editing = id;
    username = null;
    name = null;
    mobile = null;
    email = null;
    union = null;
    roles = new ArrayList<>();
    errors.clear();
  }

  /** The message in the page's language when the bundle knows the reason, else the server's. */
  private static String message(FieldError error) {
    String key = "people.error." + error.code();
    String text = Messages.text(key);
    return text.equals(key) ? Messages.text(error) : text;
  }

  public boolean isCreating() {
    return editing == null;
  }

  public Map<String, String> getErrors() {
    return errors;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getMobile() {
    return mobile;
  }

  public void setMobile(String mobile) {
    this.mobile = mobile;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles;
  }

  public String getUnion() {
    return union;
  }

  public void setUnion(String union) {
    this.union = union;
  }
}
