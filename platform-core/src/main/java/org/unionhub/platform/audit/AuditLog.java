package org.unionhub.platform.audit;

import org.unionhub.platform.security.Caller;

/**
 * Port: reading the audit trail. Implemented by tenant-config. A platform admin reads every record;
 * a tenant admin the records of their unions and every union below them, never of a sibling or an
 * ancestor and never platform-wide ones; anyone else nothing.
 */
public interface AuditLog {

  /** The most records one page holds. */
  int MAX_PAGE = 100;

  /**
   * Records the caller may read, newest first.
   *
   * @param caller the caller
   * @param filter what to look for
   * @param after the cursor of the previous page, or null for the first
   * @param limit page size, at most {@link #MAX_PAGE}
   * @return one page
   * @throws org.unionhub.platform.problem.NotAllowedException when the caller is no admin
   * @throws org.unionhub.platform.problem.NotVisibleException when the filter names a tenant the
   *     caller may not see (or none)
   */
  AuditPage search(Caller caller, AuditFilter filter, AuditCursor after, int limit);
}
