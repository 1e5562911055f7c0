package org.unionhub.platform.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantScope;
import org.unionhub.platform.tenancy.Visibility;

/**
 * Reading requests: one request (its officers and its submitter), its history, the caller's own
 * requests, and the worklists of a union and its subtree, a page at a time.
 */
@ApplicationScoped
public class RequestReading {

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  /** Most requests one worklist page returns. */
  public static final int MAX_PAGE = 100;

  @Inject TenantDirectory tenants;
  @Inject Visibility visibility;
  @Inject TenantScope scope;

  /**
   * A page of the worklist: requests of the tenant and its descendants that the caller may see,
   * newest first.
   *
   * @param caller the caller
   * @param tenantCode the tenant whose worklist is asked for
   * @param moduleId only this module, or null for all
   * @param state only this state, or null for all
   * @param after the cursor from the previous page, or null for the first
   * @param limit page size, at most {@link #MAX_PAGE}
   * @return the page
   */
  @Transactional
  public WorklistPage worklist(
      Caller caller,
      String tenantCode,
      String moduleId,
      String state,
      WorklistCursor after,
      int limit) {
    return worklist(caller, tenantCode, moduleId, state, false, after, limit);
  }

  /**
   * A page of the worklist: requests of the tenant and its descendants that the caller may see,
   * newest first, optionally only those still to be handled.
   *
   * @param caller the caller
   * @param tenantCode the tenant whose worklist is asked for
   * @param moduleId only this module, or null for all
   * @param state only this state, or null for all
   * @param open true for only requests not in a terminal state of their module's workflow
   * @param after the cursor from the previous page, or null for the first
   * @param limit page size, at most {@link #MAX_PAGE}
   * @return the page
   */
  @Transactional
  public WorklistPage worklist(
      Caller caller,
      String tenantCode,
      String moduleId,
      String state,
      boolean open,
      WorklistCursor after,
      int limit) {
    Set<String> visible = visibility.requestScope(caller);
    if (!visible.contains(tenantCode)) {
      throw new NotVisibleException("tenant");
    }
    // The walls are narrowed to the page's own tenants (the subtree lies within what the caller
    // may see), without the caller's own requests elsewhere, and select the page's rows by
    // themselves: the query carries no second IN-list of the same codes. With both, PostgreSQL
    // multiplied the selectivities of the two lists (146 rows estimated for a district's 20,804)
    // and read the whole district to sort it instead of walking the newest-first index (ADR 27).
    scope.limitTo(tenants.subtree(tenantCode), null);
    var where = new ArrayList<String>();
    if (moduleId != null) {
      where.add("r.module = :module");
    }
    if (state != null) {
      where.add("r.state = :state");
    }
    // Finished means a terminal state of the request's own module; the submission and the
    // transitions keep finished_at, and a partial index holds the open requests alone (ADR 27).
    if (open) {
      where.add("r.finishedAt is null");
    }
    if (after != null) {
      where.add("(r.submittedAt < :at or (r.submittedAt = :at and r.id < :id))");
    }
    String jpql =
        "select r from ServiceRequest r"
            + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
            + " order by r.submittedAt desc, r.id desc";
    var query = em.createQuery(jpql, ServiceRequest.class);
    if (moduleId != null) {
      query.setParameter("module", moduleId);
    }
    if (state != null) {
      query.setParameter("state", state);
    }
    if (after != null) {
      query.setParameter("at", after.submittedAt()).setParameter("id", after.id());
    }
    int size = Math.max(1, Math.min(limit, MAX_PAGE));
    List<ServiceRequest> rows = query.setMaxResults(size + 1).getResultList();
    boolean more = rows.size() > size;
    List<ServiceRequest> page = more ? rows.subList(0, size) : rows;
    WorklistCursor next = more ? WorklistCursor.of(page.get(page.size() - 1)) : null;
    return new WorklistPage(List.copyOf(page), next);
  }

  /**
   * The caller's own requests, newest first.
   *
   * @param caller the submitter
   * @param limit the most to return, at most {@link #MAX_PAGE}
   * @return the requests
   */
  @Transactional
  public List<ServiceRequest> mine(Caller caller, int limit) {
    scope.limitTo(visibility.requestScope(caller), caller.username());
    return em.createQuery(
            "select r from ServiceRequest r where r.submittedBy = :user"
                + " order by r.submittedAt desc, r.id desc",
            ServiceRequest.class)
        .setParameter("user", caller.username())
        .setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE)))
        .getResultList();
  }

  /**
   * A request the caller may see: an officer of its tenant or an ancestor, or its submitter. Leaves
   * the transaction on PostgreSQL's cached plans ({@link TenantScope.Plans#CACHED}): a caller that
   * lists or pages afterwards in the same transaction sets its scope again first.
   *
   * @param caller the caller
   * @param id the request id
   * @return the request
   */
  @Transactional
  public ServiceRequest get(Caller caller, UUID id) {
    Set<String> visible = visibility.requestScope(caller);
    // One request by its id, and what its callers read next by the request's id (history,
    // messages, an action's statements): PostgreSQL's cached plans (ADR 28).
    scope.limitTo(visible, caller.username(), TenantScope.Plans.CACHED);
    ServiceRequest request = em.find(ServiceRequest.class, id);
    if (request == null) {
      throw new NotVisibleException("request");
    }
    if (!visible.contains(request.getTenantId())) {
      if (!caller.username().equals(request.getSubmittedBy())) {
        throw new NotVisibleException("request");
      }
      // The submitter reads their own request and its history, wherever it is handled.
      var widened = new java.util.HashSet<>(visible);
      widened.add(request.getTenantId());
      scope.limitTo(widened, caller.username(), TenantScope.Plans.CACHED);
    }
    return request;
  }

  /**
   * One request with its history, read in one transaction.
   *
   * @param caller the caller
   * @param id the request id
   * @return the request and its history, oldest first
   */
  @Transactional
  public WithHistory withHistory(Caller caller, UUID id) {
    ServiceRequest request = get(caller, id);
    return new WithHistory(request, historyOf(id));
  }

  /**
   * A request and its history as read in one transaction.
   *
   * @param request the request
   * @param history its transitions, oldest first
   */
  public record WithHistory(ServiceRequest request, List<RequestTransition> history) {}

  /**
   * The history of a request the caller's transaction has already found visible ({@link #get} set
   * its scope); call it inside that transaction, before anything narrows the scope again.
   */
  List<RequestTransition> historyOf(UUID requestId) {
    return em.createQuery(
            "select t from RequestTransition t where t.requestId = :id order by t.occurredAt, t.id",
            RequestTransition.class)
        .setParameter("id", requestId)
        .getResultList();
  }
}
