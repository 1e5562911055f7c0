package org.unionhub.platform.tenancy;

import java.util.List;
import org.unionhub.platform.security.Caller;

/**
 * Port: changes to the tenant tree — create, rename, move, deactivate and reactivate. Implemented
 * by tenant-config. Every change is checked against the tree rules and the caller's rights, audited
 * in the same transaction, and mirrored to the identity provider's groups.
 *
 * <p>Who may do what: a platform admin anything; a tenant admin changes tenants strictly below
 * their own unions (a union is administered by the level above it) and creates or moves tenants
 * into their own unions or below. Others may change nothing.
 */
public interface TenantAdministration {

  /**
   * A tenant to create.
   *
   * @param code the stable code, {@code [a-z][a-z0-9-]{1,63}}
   * @param name the union's name
   * @param level the level's name, case-insensitive ({@code grassroots})
   * @param parent the parent's code
   * @param creditCode a grassroots union's employer: its unified social credit code, or null
   */
  record NewTenant(String code, String name, String level, String parent, String creditCode) {

    /**
     * A tenant that records no employer.
     *
     * @param code the stable code
     * @param name the union's name
     * @param level the level's name
     * @param parent the parent's code
     */
    public NewTenant(String code, String name, String level, String parent) {
      this(code, name, level, parent, null);
    }
  }

  /**
   * A change to a tenant; a null component leaves that property as it is.
   *
   * @param name the new name
   * @param parent the new parent's code (a move)
   * @param active false to deactivate, true to reactivate
   * @param creditCode the employer's unified social credit code; empty text removes it
   */
  record TenantChange(String name, String parent, Boolean active, String creditCode) {

    /**
     * A change that leaves the employer's code as it is.
     *
     * @param name the new name
     * @param parent the new parent's code
     * @param active false to deactivate, true to reactivate
     */
    public TenantChange(String name, String parent, Boolean active) {
      this(name, parent, active, null);
    }
  }

  /**
   * Creates a tenant.
   *
   * @param caller who creates it
   * @param tenant what to create
   * @return the created tenant
   * @throws org.unionhub.platform.problem.NotVisibleException when the parent does not exist or the
   *     caller may not see it
   * @throws org.unionhub.platform.problem.NotAllowedException when the caller sees the parent but
   *     may not create under it
   * @throws TenantChangeRefusedException with every field problem
   */
  TenantView create(Caller caller, NewTenant tenant);

  /**
   * Renames, moves, deactivates or reactivates a tenant.
   *
   * @param caller who changes it
   * @param code the tenant's code
   * @param change what to change
   * @return the tenant after the change
   * @throws org.unionhub.platform.problem.NotVisibleException when the tenant or the new parent
   *     does not exist or the caller may not see it
   * @throws org.unionhub.platform.problem.NotAllowedException when the caller sees the tenant but
   *     may not change it
   * @throws TenantChangeRefusedException with every field problem
   */
  TenantView change(Caller caller, String code, TenantChange change);

  /**
   * A tenant in the admin console, with what the caller may do to it.
   *
   * @param tenant the tenant
   * @param changeable whether the caller may rename, move, deactivate or reactivate it
   * @param parentOfNew whether the caller may create tenants under it or move tenants there (its
   *     level and state aside, which the tree rules check)
   */
  record AdminView(TenantView tenant, boolean changeable, boolean parentOfNew) {}

  /**
   * @param caller the caller
   * @return the tenants the caller administers or sits in, inactive ones included, parents before
   *     children: the whole tree for a platform admin, their unions' subtrees for a tenant admin,
   *     nothing for anyone else
   */
  List<AdminView> adminTree(Caller caller);
}
