package org.unionhub.platform.people;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.unionhub.platform.security.Caller;

/**
 * Port: the accounts of union staff and admins. Implemented by tenant-config; every change is
 * checked against the caller's rights, audited, and mirrored to the identity provider through an
 * outbox in the change's own transaction.
 *
 * <p>Who may do what: platform admins manage everyone; a tenant admin manages the people of their
 * unions and of the unions below them, grants at most their own role, and never disables, demotes
 * or moves themselves. Anyone else manages nobody. A person outside the caller's reach answers
 * exactly as one that does not exist.
 */
public interface PeopleAdministration {

  /**
   * A new account.
   *
   * @param username the login name, {@code [a-z0-9][a-z0-9._-]{2,39}}, unique in the realm
   * @param name the person's name
   * @param mobile a mainland mobile number, or null
   * @param email an e-mail address, or null
   * @param roles {@code staff} and/or {@code tenant-admin}
   */
  record NewPerson(String username, String name, String mobile, String email, Set<String> roles) {}

  /**
   * A change; a null component leaves that property as it is.
   *
   * @param roles the new roles
   * @param tenant the union to move the person to
   * @param enabled false to disable the account, true to enable it
   * @param newSetupLink true to issue a new set-up link
   */
  record PersonChange(Set<String> roles, String tenant, Boolean enabled, boolean newSetupLink) {}

  /**
   * An account as the caller sees it.
   *
   * @param id UnionHub's id of the account
   * @param username the login name
   * @param name the name
   * @param mobile the mobile number, or null
   * @param email the e-mail address, or null
   * @param tenant the union's code
   * @param roles the roles
   * @param enabled whether the person may log in (their union deactivated also ends access)
   * @param sync {@code pending} while the identity provider does not reflect the latest change yet,
   *     {@code synced} when it does
   * @param syncError why the last attempt failed, or null
   * @param setupLink the one-time link to set a password, while it is valid and shown (demo), or
   *     null
   * @param setupLinkExpires when the link expires, or null
   * @param version the account's version
   */
  record PersonView(
      String id,
      String username,
      String name,
      String mobile,
      String email,
      String tenant,
      Set<String> roles,
      boolean enabled,
      String sync,
      String syncError,
      String setupLink,
      Instant setupLinkExpires,
      long version) {}

  /**
   * @param caller the caller
   * @param tenant a union's code
   * @return the people of that union and of the unions below it, by union and username
   * @throws org.unionhub.platform.problem.NotVisibleException when the union is unknown or outside
   *     the caller's reach
   */
  List<PersonView> list(Caller caller, String tenant);

  /**
   * @param caller the caller
   * @param id an account's id
   * @return the account
   * @throws org.unionhub.platform.problem.NotVisibleException when it is unknown or outside the
   *     caller's reach
   */
  PersonView get(Caller caller, String id);

  /**
   * Creates an account in a union and asks for its set-up link.
   *
   * @param caller who creates it
   * @param tenant the union's code
   * @param person what to create
   * @return the new account, sync pending
   * @throws PeopleRefusedException with every field problem; nothing is stored
   */
  PersonView create(Caller caller, String tenant, NewPerson person);

  /**
   * Creates many accounts at once: all of them, or, when any row has a problem, none.
   *
   * @param caller who creates them
   * @param rows union code and account, one per row
   * @return the new accounts
   * @throws PeopleRefusedException with every problem of every row ({@code rows[3].mobile})
   */
  List<PersonView> createAll(Caller caller, List<Row> rows);

  /**
   * A row of a bulk creation.
   *
   * @param tenant the union's code
   * @param person the account
   */
  record Row(String tenant, NewPerson person) {}

  /**
   * Changes roles, union or state of an account, or issues a new set-up link.
   *
   * @param caller who changes it
   * @param id the account's id
   * @param change what to change
   * @return the account after the change
   */
  PersonView change(Caller caller, String id, PersonChange change);
}
