package org.unionhub.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.primefaces.PrimeFaces;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantAdministration;
import org.unionhub.platform.tenancy.TenantAdministration.AdminView;
import org.unionhub.platform.tenancy.TenantAdministration.NewTenant;
import org.unionhub.platform.tenancy.TenantAdministration.TenantChange;
import org.unionhub.platform.tenancy.TenantChangeRefusedException;
import org.unionhub.platform.tenancy.TenantLevel;
import org.unionhub.platform.tenancy.TenantView;

/**
 * The tenant tree an admin administers, and the dialog that creates a child, renames or moves a
 * tenant. Every change goes through the TenantAdministration port, which checks the rules and the
 * caller's rights again; the page only hides what the caller may not do.
 */
@Named
@ViewScoped
public class TenantsBean implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The dialog's purpose. */
  public enum Mode {
    CREATE,
    RENAME,
    MOVE,
    CREDIT_CODE
  }

  /** One row of the tree. */
  public static final class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final String name;
    private final String level;
    private final boolean active;
    private final boolean changeable;
    private final boolean parentOfNew;
    private final String creditCode;
    private final boolean grassroots;

    Row(TenantView t, String level, boolean changeable, boolean parentOfNew) {
      this.creditCode = t.creditCode();
      this.grassroots = t.level() == TenantLevel.GRASSROOTS;
      this.code = t.code();
      this.name = t.name();
      this.level = level;
      this.active = t.active();
      this.changeable = changeable;
      this.parentOfNew = parentOfNew;
    }

    public String getCode() {
      return code;
    }

    public String getName() {
      return name;
    }

    public String getLevel() {
      return level;
    }

    public boolean isActive() {
      return active;
    }

    public boolean isChangeable() {
      return changeable;
    }

    public boolean isParentOfNew() {
      return parentOfNew;
    }

    /**
     * @return the employer's unified social credit code a grassroots union records, or null
     */
    public String getCreditCode() {
      return creditCode;
    }

    public boolean isGrassroots() {
      return grassroots;
    }
  }

  @Inject Caller caller;
  @Inject TenantAdministration administration;

  private TreeNode<Row> root;
  private List<AdminView> tenants = List.of();

  private Mode mode;
  private String target;
  private String code;
  private String name;
  private String level;
  private String parent;
  private String creditCode;
  private final Map<String, String> errors = new HashMap<>();

  public TreeNode<Row> getRoot() {
    if (root == null) {
      load();
    }
    return root;
  }

  public boolean isNoTenants() {
    return getRoot().getChildCount() == 0;
  }

  private void load() {
    tenants = administration.adminTree(caller);
    var nodes = new LinkedHashMap<String, TreeNode<Row>>();
    root = new DefaultTreeNode<>(null, null);
    for (AdminView view : tenants) {
      TenantView t = view.tenant();
      TreeNode<Row> parentNode = nodes.getOrDefault(t.parentCode(), root);
      var row =
          new Row(
              t,
              Messages.text("level." + t.level().name()),
              view.changeable(),
              t.active() && t.level().mayHaveChildren() && view.parentOfNew());
      var node = new DefaultTreeNode<>(row, parentNode);
      node.setExpanded(true);
      nodes.put(t.code(), node);
    }
  }

  /**
   * @param parentCode the tenant to create a child of
   */
  public void openCreate(String parentCode) {
    reset(Mode.CREATE, parentCode);
    parent = parentCode;
  }

  /**
   * @param tenantCode the tenant to rename
   */
  public void openRename(String tenantCode) {
    reset(Mode.RENAME, tenantCode);
    name = find(tenantCode).map(TenantView::name).orElse("");
  }

  /**
   * @param tenantCode the tenant to move
   */
  public void openMove(String tenantCode) {
    reset(Mode.MOVE, tenantCode);
    parent = find(tenantCode).map(TenantView::parentCode).orElse(null);
  }

  /**
   * @param tenantCode the grassroots union whose employer's credit code to record
   */
  public void openCreditCode(String tenantCode) {
    reset(Mode.CREDIT_CODE, tenantCode);
    creditCode = find(tenantCode).map(TenantView::creditCode).orElse(null);
  }

  /** Creates, renames, moves or records the employer, as the dialog was opened for. */
  public void save() {
    errors.clear();
    if (mode == null) {
      return;
    }
    try {
      switch (mode) {
        case CREATE -> {
          TenantView created =
              administration.create(
                  caller,
                  new NewTenant(
                      code,
                      name,
                      level,
                      parent,
                      creditCode == null || creditCode.isBlank() ? null : creditCode));
          Messages.info("tenants.created", created.name(), created.code());
        }
        case RENAME -> {
          administration.change(caller, target, new TenantChange(name, null, null));
          Messages.info("tenants.saved");
        }
        case MOVE -> {
          administration.change(caller, target, new TenantChange(null, parent, null));
          Messages.info("tenants.saved");
        }
        case CREDIT_CODE -> {
          administration.change(
              caller,
              target,
              new TenantChange(null, null, null, creditCode == null ? "" : creditCode));
          Messages.info("tenants.saved");
        }
      }
      root = null;
      PrimeFaces.current().ajax().addCallbackParam("saved", true);
    } catch (TenantChangeRefusedException e) {
      for (FieldError error : e.errors()) {
        errors.merge(error.field(), message(error), (a, b) -> a + " " + b);
      }
    } catch (NotVisibleException e) {
      Messages.error("tenants.notFound");
    } catch (NotAllowedException e) {
      Messages.error("tenants.notAllowed");
    }
  }

  /**
   * Deactivates an active tenant or reactivates an inactive one.
   *
   * @param tenantCode the tenant
   */
  public void toggleActive(String tenantCode) {
    boolean active = find(tenantCode).map(TenantView::active).orElse(false);
    try {
      administration.change(caller, tenantCode, new TenantChange(null, null, !active));
      Messages.info(active ? "tenants.deactivated" : "tenants.reactivated", tenantCode);
    } catch (TenantChangeRefusedException e) {
      e.errors().forEach(error -> Messages.raw(FacesMessage.SEVERITY_ERROR, message(error)));
    } catch (NotVisibleException e) {
      Messages.error("tenants.notFound");
    } catch (NotAllowedException e) {
      Messages.error("tenants.notAllowed");
    }
    root = null;
  }

  /**
   * @return the levels a new tenant may have under the chosen parent
   */
  public List<Option> getLevels() {
    var options = new ArrayList<Option>();
    TenantLevel parentLevel = find(parent).map(TenantView::level).orElse(null);
    for (TenantLevel l : TenantLevel.values()) {
      if (parentLevel != null && parentLevel.mayContain(l)) {
        options.add(
            new Option(l.name().toLowerCase(Locale.ROOT), Messages.text("level." + l.name())));
      }
    }
    return options;
  }

  /**
   * @return where the tenant being moved may go: active tenants the caller may create under whose
   *     level fits, except the tenant itself and its descendants (the server checks again)
   */
  public List<Option> getParents() {
    TenantLevel movedLevel = find(target).map(TenantView::level).orElse(null);
    Set<String> excluded = new HashSet<>();
    if (target != null) {
      excluded.add(target);
      boolean added = true;
      while (added) {
        added = false;
        for (TenantView t : views()) {
          if (t.parentCode() != null
              && excluded.contains(t.parentCode())
              && excluded.add(t.code())) {
            added = true;
          }
        }
      }
    }
    return tenants.stream()
        .filter(AdminView::parentOfNew)
        .map(AdminView::tenant)
        .filter(t -> !excluded.contains(t.code()))
        .filter(TenantView::active)
        .filter(t -> movedLevel == null || t.level().mayContain(movedLevel))
        .map(t -> new Option(t.code(), t.name() + " (" + t.code() + ")"))
        .toList();
  }

  /**
   * @return the name of the tenant the dialog is about (the parent, when creating)
   */
  public String getTargetName() {
    String about = mode == Mode.CREATE ? parent : target;
    return find(about).map(t -> t.name() + " (" + t.code() + ")").orElse("");
  }

  private java.util.Optional<TenantView> find(String tenantCode) {
    return views().stream().filter(t -> t.code().equals(tenantCode)).findFirst();
  }

  private List<TenantView> views() {
    return tenants.stream().map(AdminView::tenant).toList();
  }

  private void reset(Mode newMode, String tenantCode) {
    getRoot();
    mode = newMode;
    target = tenantCode;
    code = null;
    name = null;
    level = null;
    parent = null;
    creditCode = null;
    errors.clear();
  }

  /** The message in the page's language when the bundle knows the reason, else the server's. */
  private static String message(FieldError error) {
    String key = "tenants.error." + error.code();
    String text = Messages.text(key);
    return text.equals(key) ? Messages.text(error) : text;
  }

  public Mode getMode() {
    return mode;
  }

  public String getTitle() {
    return mode == null ? "" : Messages.text("tenants.dialog." + mode.name());
  }

  public Map<String, String> getErrors() {
    return errors;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getLevel() {
    return level;
  }

  public void setLevel(String level) {
    this.level = level;
  }

  public String getParent() {
    return parent;
  }

  public void setParent(String parent) {
    this.parent = parent;
  }

  public String getCreditCode() {
    return creditCode;
  }

  public void setCreditCode(String creditCode) {
    this.creditCode = creditCode;
  }
}
