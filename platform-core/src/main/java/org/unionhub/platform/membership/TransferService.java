package org.unionhub.platform.membership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.problem.SubmissionRefusedException;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantScope;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.platform.tenancy.Visibility;
import org.unionhub.platform.workflow.RequestConflictException;

/**
 * Transfers of a membership to another union when a member changes employer: the member asks, the
 * old union releases (or refuses), the new union accepts (or refuses). On acceptance the
 * membership, its number, its history and its card move to the new union in one transaction, and
 * Keycloak follows through the outbox.
 */
@ApplicationScoped
public class TransferService {

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Inject TenantScope scope;
  @Inject Visibility visibility;
  @Inject TenantDirectory tenants;
  @Inject Clock clock;
  @Inject Instance<MemberAccounts> accounts;

  /**
   * @param caller a member
   * @param toTenant the union of their new employer
   * @param reason why, or null
   * @return the new transfer
   */
  @Transactional
  public Transfer request(Caller caller, String toTenant, String reason) {
    scope.limitTo(Set.of(), caller.username());
    Membership m =
        em.createQuery(
                "select m from Membership m where m.username = :u and m.status = 'ACTIVE'",
                Membership.class)
            .setParameter("u", caller.username())
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new NotVisibleException("member"));
    var target = toTenant == null ? null : tenants.find(toTenant).filter(TenantView::active);
    if (target == null || target.isEmpty()) {
      throw refused("NOT_A_UNION", ProblemText.of("membership.no-such-active-union"));
    }
    if (toTenant.equals(m.getTenantId())) {
      throw refused("SAME_UNION", ProblemText.of("membership.already-a-member-of-this-union"));
    }
    scope.limitTo(Set.of(m.getTenantId(), toTenant), caller.username());
    boolean open =
        !em.createQuery(
                "select t from Transfer t where t.membershipId = :m and t.status in :open",
                Transfer.class)
            .setParameter("m", m.getId())
            .setParameter(
                "open", List.of(Transfer.Status.REQUESTED.name(), Transfer.Status.RELEASED.name()))
            .getResultList()
            .isEmpty();
    if (open) {
      throw refused(
          "TRANSFER_PENDING", ProblemText.of("membership.a-transfer-is-already-under-way"));
    }
    Instant now = clock.instant();
    var transfer = new Transfer(m, toTenant, reason, now);
    em.persist(transfer);
    em.persist(new MembershipEvent(m, "transfer-requested", caller.username(), toTenant, now));
    return transfer;
  }

  private static SubmissionRefusedException refused(String code, ProblemText message) {
    return new SubmissionRefusedException(List.of(new FieldError("toTenant", code, message)));
  }

  /**
   * An officer's decision: {@code release} or {@code refuse} by the old union's officers while
   * requested; {@code accept} or {@code refuse} by the new union's once released.
   *
   * @param caller staff or an admin of one of the two unions or an ancestor
   * @param id the transfer
   * @param action release, accept or refuse
   * @param why the reason (needed to refuse)
   * @return the transfer after the decision
   */
  @Transactional
  public Transfer decide(Caller caller, UUID id, String action, String why) {
    Set<String> visible = visibility.requestScope(caller);
    scope.limitTo(visible, null);
    Transfer t = em.find(Transfer.class, id);
    if (t == null) {
      throw new NotVisibleException("transfer");
    }
    boolean oldSide = visible.contains(t.getFromTenant());
    boolean newSide = visible.contains(t.getToTenant());
    Transfer.Status status = t.getStatus();
    boolean mayAct =
        (status == Transfer.Status.REQUESTED && oldSide)
            || (status == Transfer.Status.RELEASED && newSide);
    if (status == Transfer.Status.COMPLETED || status == Transfer.Status.REFUSED) {
      throw new RequestConflictException("the transfer is finished", status.name(), t.getVersion());
    }
    if (!mayAct) {
      throw new NotAllowedException(
          status == Transfer.Status.REQUESTED
              ? "the member's current union decides first"
              : "the new union decides now");
    }
    Instant now = clock.instant();
    // Both unions' rows take part: the membership and its history move across.
    scope.limitTo(Set.of(t.getFromTenant(), t.getToTenant()), null);
    Membership m = em.find(Membership.class, t.getMembershipId());
    switch (action == null ? "" : action) {
      case "refuse" -> {
        if (why == null || why.isBlank()) {
          throw new SubmissionRefusedException(
              List.of(
                  new FieldError(
                      "reason", "REQUIRED", ProblemText.of("membership.give-a-reason"))));
        }
        t.move(Transfer.Status.REFUSED, why.strip(), now);
        em.persist(new MembershipEvent(m, "transfer-refused", caller.username(), why, now));
      }
      case "release" -> {
        if (status != Transfer.Status.REQUESTED) {
          throw new RequestConflictException("already released", status.name(), t.getVersion());
        }
        t.move(Transfer.Status.RELEASED, null, now);
        em.persist(new MembershipEvent(m, "transfer-released", caller.username(), null, now));
      }
      case "accept" -> {
        if (status != Transfer.Status.RELEASED) {
          throw new RequestConflictException(
              "the old union has not released the member", status.name(), t.getVersion());
        }
        t.move(Transfer.Status.COMPLETED, null, now);
        m.moveTo(t.getToTenant());
        em.createQuery("update MembershipEvent e set e.tenantId = :to where e.membershipId = :m")
            .setParameter("to", t.getToTenant())
            .setParameter("m", m.getId())
            .executeUpdate();
        em.persist(
            new MembershipEvent(m, "transferred", caller.username(), t.getFromTenant(), now));
        if (accounts.isResolvable()) {
          accounts.get().changed(m.getUsername(), t.getFromTenant());
        }
      }
      default ->
          throw new SubmissionRefusedException(
              List.of(
                  new FieldError(
                      "action",
                      "UNKNOWN_ACTION",
                      ProblemText.of("membership.release-accept-or-refuse"))));
    }
    return t;
  }

  /**
   * @param caller an officer
   * @param tenantCode a union the caller sees
   * @return transfers into or out of the union's subtree still to be decided, oldest first
   */
  @Transactional
  public List<Transfer> open(Caller caller, String tenantCode) {
    Set<String> visible = visibility.requestScope(caller);
    if (!visible.contains(tenantCode)) {
      throw new NotVisibleException("tenant");
    }
    scope.limitTo(visible, null);
    Set<String> subtree = tenants.subtree(tenantCode);
    return em.createQuery(
            "select t from Transfer t where (t.fromTenant in :s or t.toTenant in :s)"
                + " and t.status in :open order by t.requestedAt, t.id",
            Transfer.class)
        .setParameter("s", subtree)
        .setParameter(
            "open", List.of(Transfer.Status.REQUESTED.name(), Transfer.Status.RELEASED.name()))
        .getResultList();
  }

  /**
   * @param caller a member
   * @return their transfers, newest first
   */
  @Transactional
  public List<Transfer> mine(Caller caller) {
    scope.limitTo(Set.of(), caller.username());
    return em.createQuery(
            "select t from Transfer t where t.username = :u order by t.requestedAt desc",
            Transfer.class)
        .setParameter("u", caller.username())
        .getResultList();
  }
}
