package org.unionhub.server.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.hibernate.Session;
import org.unionhub.platform.request.RequestTransition;
import org.unionhub.platform.request.ServiceRequest;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantScope;
import org.unionhub.platform.timer.RequestTimer;
import org.unionhub.tenant.TenantHoliday;
import org.unionhub.tenant.audit.AuditRecord;

/**
 * Runs one cell of {@link IsolationMatrixIT} inside the server, through the application's own
 * persistence unit and {@link TenantScope}. Only the test deployment carries it; it answers {@code
 * {"seen": bool}} for a read, {@code {"rows": n}} for a write (1 for a merge that went through), or
 * {@code {"refused": "..."}} when the operation threw.
 *
 * <p>Parameters: {@code entity} (request, transition, timer, holiday, audit), {@code op} (see
 * {@link IsolationMatrixIT.Op}), {@code scope} (a tenant code: the scope is its subtree, as for an
 * officer of it; empty: no tenant; {@value #NOT_SET}: the transaction sets no scope at all), {@code
 * user} (whose own requests stay visible), {@code wall} (both, hibernate, rls: which walls stand)
 * and {@code id} (the row).
 */
@WebServlet("/it/isolation")
public class IsolationProbe extends HttpServlet {

  /** The tenant whose officers loaded the row first in the cache cells: the row's own. */
  static final String OWNER_SCOPE = "gd-sz-ft-001";

  static final String TAMPERED = "tampered";

  /** The scope parameter of a cell whose transaction never calls {@link TenantScope#limitTo}. */
  static final String NOT_SET = "-";

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Resource UserTransaction tx;
  @Inject TenantScope scope;
  @Inject TenantDirectory tenants;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String entity = req.getParameter("entity");
    String op = req.getParameter("op");
    String wall = req.getParameter("wall");
    String user = req.getParameter("user");
    String code = req.getParameter("scope");
    Set<String> tenantScope =
        code.isEmpty() || code.equals(NOT_SET) ? Set.of() : tenants.subtree(code);
    UUID id = UUID.fromString(req.getParameter("id"));
    Class<?> type =
        switch (entity) {
          case "request" -> ServiceRequest.class;
          case "transition" -> RequestTransition.class;
          case "timer" -> RequestTimer.class;
          case "holiday" -> TenantHoliday.class;
          case "audit" -> AuditRecord.class;
          case "item" -> org.unionhub.platform.item.ModuleItem.class;
          case "action" -> org.unionhub.platform.item.StoredAction.class;
          case "participation" -> org.unionhub.platform.item.Participation.class;
          case "message" -> org.unionhub.platform.item.ConversationMessage.class;
          case "person" -> org.unionhub.tenant.people.Person.class;
          case "membership" -> org.unionhub.platform.membership.Membership.class;
          case "membership-event" -> org.unionhub.platform.membership.MembershipEvent.class;
          case "transfer" -> org.unionhub.platform.membership.Transfer.class;
          default -> throw new IllegalArgumentException(entity);
        };
    var answer = Json.createObjectBuilder();
    try {
      // Loaded by the row's own officers before the cell's transaction, as a client would hold it.
      Object detached = op.equals("merge") ? detachedAndChanged(type, entity, id) : null;
      Callable<Object> cell =
          () ->
              switch (op) {
                case "find" -> em.find(type, id) != null;
                case "jpql" ->
                    !em.createQuery(
                            "select x from " + type.getSimpleName() + " x where x.id = :id", type)
                        .setParameter("id", id)
                        .getResultList()
                        .isEmpty();
                case "criteria" -> criteria(type, id);
                case "native" ->
                    ((Number)
                                em.createNativeQuery(
                                        "select count(*) from " + table(entity) + " where id = ?1")
                                    .setParameter(1, id)
                                    .getSingleResult())
                            .longValue()
                        > 0;
                case "update" ->
                    em.createQuery(
                            "update "
                                + type.getSimpleName()
                                + " x set x."
                                + changedField(entity)
                                + " = :value where x.id = :id")
                        .setParameter("value", TAMPERED)
                        .setParameter("id", id)
                        .executeUpdate();
                case "delete" ->
                    em.createQuery("delete from " + type.getSimpleName() + " x where x.id = :id")
                        .setParameter("id", id)
                        .executeUpdate();
                case "merge" -> {
                  em.merge(detached);
                  yield 1;
                }
                default -> throw new IllegalArgumentException(op);
              };
      String caller = user.isEmpty() ? null : user;
      Object result;
      if (op.equals("cache")) {
        // The row's own officers load it first, in a transaction of their own.
        if (inTransaction(
                "both", OWNER_SCOPE, tenants.subtree(OWNER_SCOPE), null, () -> em.find(type, id))
            == null) {
          throw new IllegalStateException("the row's own officers could not load it");
        }
        result = inTransaction(wall, code, tenantScope, caller, () -> em.find(type, id) != null);
      } else {
        result = inTransaction(wall, code, tenantScope, caller, cell);
      }
      if (result instanceof Boolean seen) {
        answer.add("seen", seen);
      } else {
        answer.add("rows", ((Number) result).intValue());
      }
    } catch (Exception e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      answer.add("refused", root.getClass().getSimpleName() + ": " + root.getMessage());
    }
    resp.setContentType("application/json");
    resp.setCharacterEncoding("UTF-8");
    resp.getWriter().write(answer.build().toString());
  }

  private <T> boolean criteria(Class<T> type, UUID id) {
    var cb = em.getCriteriaBuilder();
    var query = cb.createQuery(type);
    var root = query.from(type);
    query.select(root).where(cb.equal(root.get("id"), id));
    return !em.createQuery(query).getResultList().isEmpty();
  }

  /** Loaded by the row's own officers, changed after their transaction ended. */
  private Object detachedAndChanged(Class<?> type, String entity, UUID id) throws Exception {
    Object detached =
        inTransaction(
            "both", OWNER_SCOPE, tenants.subtree(OWNER_SCOPE), null, () -> em.find(type, id));
    if (detached == null) {
      throw new IllegalStateException("the row's own officers could not load it");
    }
    // The entities offer no public setters; a hostile or buggy caller would find another way.
    Field field = type.getDeclaredField(changedField(entity));
    field.setAccessible(true);
    field.set(detached, TAMPERED);
    return detached;
  }

  /** Runs work in a transaction of its own, behind the walls asked for. */
  private <T> T inTransaction(
      String wall, String code, Set<String> tenantScope, String user, Callable<T> work)
      throws Exception {
    tx.begin();
    try {
      if (!NOT_SET.equals(code)) {
        scope.limitTo(tenantScope, user);
      }
      switch (wall) {
        case "both" -> {}
        // Only Hibernate's wall: the database's scope opened to every tenant.
        case "hibernate" ->
            em.createNativeQuery("select set_config('unionhub.tenants', '*', true)")
                .getSingleResult();
        // Only the database's wall: Hibernate's filter off.
        case "rls" -> em.unwrap(Session.class).disableFilter(TenantScope.FILTER);
        default -> throw new IllegalArgumentException(wall);
      }
      T result = work.call();
      tx.commit();
      return result;
    } catch (Exception e) {
      if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
        tx.rollback();
      }
      throw e;
    }
  }

  static String table(String entity) {
    return switch (entity) {
      case "request" -> "service_request";
      case "transition" -> "request_transition";
      case "timer" -> "request_timer";
      case "holiday" -> "tenant_holiday";
      case "audit" -> "audit_record";
      case "item" -> "module_item";
      case "action" -> "module_action";
      case "participation" -> "module_participation";
      case "message" -> "conversation_message";
      case "person" -> "person";
      case "membership" -> "membership";
      case "membership-event" -> "membership_event";
      case "transfer" -> "membership_transfer";
      default -> throw new IllegalArgumentException(entity);
    };
  }

  /** The attribute a write cell changes, and IsolationMatrixIT checks as the owner. */
  static String changedField(String entity) {
    return switch (entity) {
      case "request" -> "state";
      case "transition" -> "comment";
      case "timer" -> "firedBy";
      case "holiday" -> "name";
      case "audit" -> "actor";
      case "item" -> "title";
      case "action" -> "actor";
      case "participation" -> "member";
      case "message" -> "body";
      case "person" -> "name";
      case "membership" -> "name";
      case "membership-event" -> "note";
      case "transfer" -> "refusal";
      default -> throw new IllegalArgumentException(entity);
    };
  }
}
