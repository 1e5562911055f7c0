package org.unionhub.platform.people;

import org.unionhub.platform.security.Caller;

/**
 * Port: a person erases their own account and personal data (PIPL Article 47). Implemented by
 * tenant-config. What the unions must keep — that a request was made to a union, when, how it was
 * handled and by whom — stays, under a pseudonym; the person's form data is removed, the login
 * account is deleted from the identity provider, and the erasure is audited under the pseudonym.
 */
public interface AccountErasure {

  /**
   * What was done.
   *
   * @param pseudonym the pseudonym the kept records now carry
   * @param requests how many requests were pseudonymised
   */
  record Outcome(String pseudonym, int requests) {}

  /**
   * @param caller the person; union staff and admins are refused (their union closes their account)
   * @return what was done; the login account is deleted right after, through an outbox
   * @throws org.unionhub.platform.problem.NotAllowedException for union officers
   */
  Outcome erase(Caller caller);
}
