package org.unionhub.tenant.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.unionhub.platform.people.PeopleAdministration.NewPerson;
import org.unionhub.platform.people.PeopleAdministration.PersonChange;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.security.Caller;
import org.unionhub.sdk.Role;
import org.unionhub.tenant.admin.TenantRules;
import org.unionhub.tenant.admin.TenantTree;

/**
 * Who may manage whom, and what a valid account is. Pure: checked against a {@link TenantTree}
 * snapshot, so they are tested without a database.
 *
 * <ul>
 *   <li>Reach: a platform admin reaches everyone; a tenant admin the people of their unions and of
 *       every union below them (their peers in their own union too); anyone else nobody.
 *   <li>Roles UnionHub grants: {@code staff} and {@code tenant-admin}. A tenant admin grants at
 *       most their own role; {@code platform-admin} is granted in Keycloak only, by whoever runs
 *       the platform.
 *   <li>No lock-out: nobody disables themselves, takes away their own admin role or moves
 *       themselves.
 * </ul>
 */
public final class PersonRules {

  /** A login name: lower case, as Keycloak stores it. */
  public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");

  /** A mainland China mobile number. */
  public static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

  /** An e-mail address, checked loosely: the verification mail is the real check. */
  public static final Pattern EMAIL =
      Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

  /** The roles UnionHub grants and takes away; other roles of a user are left alone. */
  public static final Set<String> MANAGED_ROLES = Set.of(Role.STAFF.id(), Role.TENANT_ADMIN.id());

  /** The longest name, in characters. */
  public static final int MAX_NAME = 100;

  private PersonRules() {}

  /**
   * @param caller the caller
   * @return whether the caller manages people at all
   */
  public static boolean isAdmin(Caller caller) {
    return TenantRules.isAdmin(caller);
  }

  /**
   * @param caller the caller
   * @param tree the tenant tree
   * @return the unions whose people the caller manages
   */
  public static Set<String> reach(Caller caller, TenantTree tree) {
    return TenantRules.adminScope(caller, tree);
  }

  /**
   * @param caller the caller
   * @return the roles the caller may grant: their own role and those below it
   */
  public static Set<String> grantable(Caller caller) {
    if (caller.hasRole(Role.PLATFORM_ADMIN) || caller.hasRole(Role.TENANT_ADMIN)) {
      return MANAGED_ROLES;
    }
    return Set.of();
  }

  /**
   * Checks a new account (its union is checked by the caller's reach).
   *
   * @param caller who creates it
   * @param person the account
   * @param prefix prefix of the field names in problems ({@code rows[3].})
   * @return every problem
   */
  public static List<FieldError> checkNew(Caller caller, NewPerson person, String prefix) {
    var problems = new ArrayList<FieldError>();
    String username = person.username() == null ? "" : person.username().strip();
    if (username.isEmpty()) {
      problems.add(
          new FieldError(
              prefix + "username", "REQUIRED", ProblemText.of("people.username-is-required")));
    } else if (!USERNAME.matcher(username).matches()) {
      problems.add(
          new FieldError(
              prefix + "username", "INVALID_USERNAME", ProblemText.of("people.3-to-40-of-a-z")));
    }
    String name = person.name() == null ? "" : person.name().strip();
    if (name.isEmpty()) {
      problems.add(
          new FieldError(prefix + "name", "REQUIRED", ProblemText.of("people.name-is-required")));
    } else if (name.codePointCount(0, name.length()) > MAX_NAME) {
      problems.add(
          new FieldError(
              prefix + "name",
              "TOO_LONG",
              ProblemText.of("people.name-must-be-at-most-characters", MAX_NAME)));
    } else if (name.codePoints().anyMatch(Character::isISOControl)) {
      problems.add(
          new FieldError(
              prefix + "name",
              "INVALID_NAME",
              ProblemText.of("people.name-has-control-characters")));
    }
    if (blank(person.mobile()) != null && !MOBILE.matcher(person.mobile().strip()).matches()) {
      problems.add(
          new FieldError(
              prefix + "mobile",
              "INVALID_MOBILE",
              ProblemText.of("people.a-mainland-mobile-number-11-digits")));
    }
    if (blank(person.email()) != null
        && (person.email().strip().length() > 254
            || !EMAIL.matcher(person.email().strip()).matches())) {
      problems.add(
          new FieldError(
              prefix + "email", "INVALID_EMAIL", ProblemText.of("people.not-an-e-mail-address")));
    }
    checkRoles(caller, person.roles(), prefix, problems);
    return problems;
  }

  /**
   * Checks a change of an account the caller reaches (the new union is checked by reach).
   *
   * @param caller who changes it
   * @param target the account as it is
   * @param change the change
   * @return every problem
   */
  public static List<FieldError> checkChange(Caller caller, Person target, PersonChange change) {
    var problems = new ArrayList<FieldError>();
    boolean self = target.getUsername().equals(caller.username());
    if (change.roles() != null) {
      checkRoles(caller, change.roles(), "", problems);
      if (self
          && caller.hasRole(Role.TENANT_ADMIN)
          && !change.roles().contains(Role.TENANT_ADMIN.id())) {
        problems.add(
            new FieldError(
                "roles", "SELF_LOCKOUT", ProblemText.of("people.you-cannot-take-away-your-own")));
      }
    }
    if (self && Boolean.FALSE.equals(change.enabled())) {
      problems.add(
          new FieldError(
              "enabled",
              "SELF_LOCKOUT",
              ProblemText.of("people.you-cannot-disable-your-own-account")));
    }
    if (self && change.tenant() != null && !change.tenant().strip().equals(target.getTenantId())) {
      problems.add(
          new FieldError(
              "tenant", "SELF_LOCKOUT", ProblemText.of("people.you-cannot-move-your-own-account")));
    }
    return problems;
  }

  private static void checkRoles(
      Caller caller, Set<String> roles, String prefix, List<FieldError> problems) {
    if (roles == null || roles.isEmpty()) {
      problems.add(
          new FieldError(
              prefix + "roles", "REQUIRED", ProblemText.of("people.at-least-one-role-staff-or")));
      return;
    }
    Set<String> grantable = grantable(caller);
    for (String role : roles) {
      if (!MANAGED_ROLES.contains(role) && !Role.PLATFORM_ADMIN.id().equals(role)) {
        problems.add(
            new FieldError(
                prefix + "roles", "UNKNOWN_ROLE", ProblemText.of("people.unknown-role", role)));
      } else if (!grantable.contains(role)) {
        problems.add(
            new FieldError(
                prefix + "roles",
                "ROLE_ABOVE_OWN",
                ProblemText.of("people.you-cannot-grant-a-role-above", role)));
      }
    }
  }

  static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
