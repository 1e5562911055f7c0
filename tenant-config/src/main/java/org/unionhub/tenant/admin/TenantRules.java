package org.unionhub.tenant.admin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantAdministration.NewTenant;
import org.unionhub.platform.tenancy.TenantAdministration.TenantChange;
import org.unionhub.platform.tenancy.TenantLevel;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.validation.UnifiedSocialCreditCode;

/**
 * The rules of the tenant tree and who may change it. Pure: checked against a {@link TenantTree}
 * snapshot, so they are tested without a database.
 *
 * <ul>
 *   <li>Codes: {@code [a-z][a-z0-9-]{1,63}}, unique, never changed. Levels never change either.
 *   <li>Levels ({@link TenantLevel#mayContain}): regional levels go down the tree, a child strictly
 *       below its parent, skipping levels allowed (a large company's union sits directly under a
 *       city federation, the districts of a province-level city directly under the province). The
 *       national federation is the root; nothing is created or moved above or beside it. Grassroots
 *       unions have no tenants below them. Industry unions stand beside the regional tree: one may
 *       sit under any non-grassroots tenant, and has only industry or grassroots unions below it.
 *   <li>No cycles: a tenant never moves under itself or its own descendants.
 *   <li>An active tenant never sits under an inactive one: deactivating a tenant with active
 *       children is refused (deactivate the children first), and creating, moving or reactivating
 *       under an inactive tenant is refused.
 *   <li>Permissions: platform admins may do anything. A tenant admin changes (renames, moves,
 *       deactivates, reactivates) only tenants strictly below their own unions — a union is
 *       administered by the level above it — and creates or moves tenants only into their own
 *       unions or below. Everyone else may change nothing.
 * </ul>
 */
public final class TenantRules {

  /** A tenant code. */
  public static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,63}");

  /** The longest name, in characters (the column's size). */
  public static final int MAX_NAME = 200;

  private TenantRules() {}

  /**
   * @param caller the caller
   * @return whether the caller administers tenants at all
   */
  public static boolean isAdmin(Caller caller) {
    return caller.hasRole(Role.PLATFORM_ADMIN) || caller.hasRole(Role.TENANT_ADMIN);
  }

  /**
   * @param caller the caller
   * @param tree the tree
   * @return the codes the caller sees as an admin: everything for a platform admin, their unions
   *     and everything below them for a tenant admin, nothing for others
   */
  public static Set<String> adminScope(Caller caller, TenantTree tree) {
    if (caller.hasRole(Role.PLATFORM_ADMIN)) {
      return tree.codes();
    }
    if (!caller.hasRole(Role.TENANT_ADMIN)) {
      return Set.of();
    }
    var scope = new HashSet<String>();
    caller.tenants().forEach(t -> scope.addAll(tree.subtree(t)));
    return scope;
  }

  /**
   * @param caller the caller
   * @param tree the tree
   * @param code a tenant
   * @return whether the caller may rename, move, deactivate or reactivate it
   */
  public static boolean mayChange(Caller caller, TenantTree tree, String code) {
    if (tree.find(code).isEmpty()) {
      return false;
    }
    if (caller.hasRole(Role.PLATFORM_ADMIN)) {
      return true;
    }
    return caller.hasRole(Role.TENANT_ADMIN)
        && caller.tenants().stream().anyMatch(own -> tree.isStrictAncestor(own, code));
  }

  /**
   * @param caller the caller
   * @param tree the tree
   * @param parent a tenant
   * @return whether the caller may create tenants under it or move tenants there
   */
  public static boolean mayCreateUnder(Caller caller, TenantTree tree, String parent) {
    return tree.find(parent).isPresent() && adminScope(caller, tree).contains(parent);
  }

  /**
   * Checks a new tenant whose parent exists in the tree.
   *
   * @param tree the tree
   * @param tenant the new tenant
   * @return every problem; empty when it may be created
   */
  public static List<FieldError> checkCreate(TenantTree tree, NewTenant tenant) {
    var problems = new ArrayList<FieldError>();
    String code = tenant.code() == null ? "" : tenant.code().strip();
    if (code.isEmpty()) {
      problems.add(new FieldError("code", "REQUIRED", ProblemText.of("admin.code-is-required")));
    } else if (!CODE.matcher(code).matches()) {
      problems.add(
          new FieldError("code", "INVALID_CODE", ProblemText.of("admin.code-must-match-a-z-a")));
    } else if (tree.find(code).isPresent()) {
      problems.add(
          new FieldError("code", "CODE_TAKEN", ProblemText.of("admin.code-is-already-taken")));
    }
    checkName(tenant.name(), problems);
    TenantLevel level = null;
    if (tenant.level() == null || tenant.level().isBlank()) {
      problems.add(new FieldError("level", "REQUIRED", ProblemText.of("admin.level-is-required")));
    } else {
      level = level(tenant.level());
      if (level == null) {
        problems.add(
            new FieldError("level", "UNKNOWN_LEVEL", ProblemText.of("admin.unknown-level")));
      }
    }
    if (tenant.creditCode() != null) {
      checkCreditCode(tree, null, level, tenant.creditCode(), problems);
    }
    if (tenant.parent() == null || tenant.parent().isBlank()) {
      problems.add(
          new FieldError("parent", "REQUIRED", ProblemText.of("admin.parent-is-required")));
      return problems;
    }
    TenantView parent = tree.find(tenant.parent().strip()).orElseThrow();
    if (level != null && !parent.level().mayContain(level)) {
      problems.add(levelNotAllowed("level", level, parent.level()));
    }
    if (!parent.active()) {
      problems.add(parentInactive("parent"));
    }
    return problems;
  }

  /**
   * Checks a change to an existing tenant whose new parent, if any, exists in the tree.
   *
   * @param tree the tree
   * @param current the tenant as it is
   * @param change the change
   * @return every problem; empty when it may be made
   */
  public static List<FieldError> checkChange(
      TenantTree tree, TenantView current, TenantChange change) {
    var problems = new ArrayList<FieldError>();
    if (change.name() != null) {
      checkName(change.name(), problems);
    }
    String parentCode = current.parentCode();
    boolean moves = change.parent() != null && !change.parent().strip().equals(parentCode);
    if (moves) {
      parentCode = change.parent().strip();
      TenantView parent = tree.find(parentCode).orElseThrow();
      if (tree.subtree(current.code()).contains(parentCode)) {
        problems.add(
            new FieldError(
                "parent", "CYCLE", ProblemText.of("admin.a-tenant-cannot-move-under-itself")));
      } else if (!parent.level().mayContain(current.level())) {
        problems.add(levelNotAllowed("parent", current.level(), parent.level()));
      }
    }
    boolean active = change.active() == null ? current.active() : change.active();
    if (!active
        && current.active()
        && tree.children(current.code()).stream().anyMatch(TenantView::active)) {
      problems.add(
          new FieldError(
              "active",
              "HAS_ACTIVE_CHILDREN",
              ProblemText.of("admin.deactivate-its-active-children-first")));
    }
    String creditCode = current.creditCode();
    if (change.creditCode() != null && !change.creditCode().isBlank()) {
      creditCode = normalizeCreditCode(change.creditCode());
      checkCreditCode(tree, current.code(), current.level(), creditCode, problems);
    } else if (change.creditCode() != null) {
      creditCode = null;
    }
    if (active && !current.active() && creditCode != null && problems.isEmpty()) {
      checkCreditCode(tree, current.code(), current.level(), creditCode, problems);
    }
    boolean parentActive =
        parentCode == null || tree.find(parentCode).map(TenantView::active).orElse(false);
    if (active && !parentActive) {
      problems.add(parentInactive(moves ? "parent" : "active"));
    }
    return problems;
  }

  /**
   * @param text a level's name in any case
   * @return the level, or null when there is none of that name
   */
  /**
   * @param code a credit code as typed
   * @return the code without surrounding blanks, upper case
   */
  public static String normalizeCreditCode(String code) {
    return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
  }

  /**
   * Checks an employer's credit code for a tenant: only grassroots unions record one, it must pass
   * the GB 32100-2015 check, and no other active tenant may record it.
   */
  private static void checkCreditCode(
      TenantTree tree, String self, TenantLevel level, String code, List<FieldError> problems) {
    String c = normalizeCreditCode(code);
    if (level != null && level != TenantLevel.GRASSROOTS) {
      problems.add(
          new FieldError(
              "creditCode",
              "NOT_GRASSROOTS",
              ProblemText.of("admin.only-grassroots-unions-record-an-employer")));
    } else if (!UnifiedSocialCreditCode.isValid(c)) {
      problems.add(
          new FieldError(
              "creditCode",
              "INVALID_CREDIT_CODE",
              ProblemText.of("admin.not-a-valid-unified-social-credit")));
    } else if (tree.codes().stream()
        .map(t -> tree.find(t).orElseThrow())
        .anyMatch(t -> t.active() && c.equals(t.creditCode()) && !t.code().equals(self))) {
      problems.add(
          new FieldError(
              "creditCode",
              "CREDIT_CODE_TAKEN",
              ProblemText.of("admin.another-active-union-records-this-employer")));
    }
  }

  public static TenantLevel level(String text) {
    try {
      return TenantLevel.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void checkName(String name, List<FieldError> problems) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) {
      problems.add(new FieldError("name", "REQUIRED", ProblemText.of("admin.name-is-required")));
    } else if (n.codePointCount(0, n.length()) > MAX_NAME) {
      problems.add(
          new FieldError(
              "name",
              "TOO_LONG",
              ProblemText.of("admin.name-must-be-at-most-characters", MAX_NAME)));
    } else if (n.codePoints().anyMatch(Character::isISOControl)) {
      problems.add(
          new FieldError(
              "name", "INVALID_NAME", ProblemText.of("admin.name-has-control-characters")));
    }
  }

  private static FieldError levelNotAllowed(String field, TenantLevel child, TenantLevel parent) {
    return new FieldError(
        field,
        "LEVEL_NOT_ALLOWED",
        ProblemText.of(
            "admin.is-not-allowed-under",
            label(child),
            label(parent),
            child.name().toLowerCase(Locale.ROOT),
            parent.name().toLowerCase(Locale.ROOT)));
  }

  private static FieldError parentInactive(String field) {
    return new FieldError(
        field, "PARENT_INACTIVE", ProblemText.of("admin.the-parent-tenant-is-deactivated"));
  }

  private static String label(TenantLevel level) {
    return switch (level) {
      case NATIONAL -> "全国总工会";
      case PROVINCIAL -> "省级工会";
      case MUNICIPAL -> "市级工会";
      case DISTRICT -> "区县级工会";
      case GRASSROOTS -> "基层工会";
      case INDUSTRY -> "产业工会";
    };
  }
}
