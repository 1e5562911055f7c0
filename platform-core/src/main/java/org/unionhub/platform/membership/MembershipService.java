package org.unionhub.platform.membership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.unionhub.platform.audit.AuditTrail;
import org.unionhub.platform.personal.PersonalData;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.problem.SubmissionRefusedException;
import org.unionhub.platform.request.RequestParticipant;
import org.unionhub.platform.request.ServiceRequest;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantScope;
import org.unionhub.platform.tenancy.Visibility;
import org.unionhub.sdk.ModuleDescriptor;
import org.unionhub.sdk.membership.MemberAdmission;

/**
 * Use cases of membership: admission in the approving transition's transaction, one membership per
 * person across the tree, the member's own membership, leaving, replacing a lost card, and the
 * register of a union's subtree.
 */
@ApplicationScoped
public class MembershipService implements RequestParticipant {

  /** China Standard Time: member numbers carry the year of admission there. */
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  /** Most members one register page returns. */
  public static final int MAX_PAGE = 200;

  /** Most members one export holds. */
  public static final int MAX_EXPORT = 50_000;

  static final String ALREADY_MEMBER = "ALREADY_MEMBER";

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Inject PersonalData personal;
  @Inject TenantScope scope;
  @Inject Visibility visibility;
  @Inject TenantDirectory tenants;
  @Inject Clock clock;
  @Inject Instance<MemberAccounts> accounts;
  @Inject Instance<AuditTrail> audit;

  private static FieldError alreadyMember(String field) {
    // Says nothing of where: no union, no code, no count.
    return new FieldError(
        field, ALREADY_MEMBER, ProblemText.of("membership.this-id-number-already-belongs-to"));
  }

  /** A second application under an ID number that already holds a membership is refused. */
  @Override
  public List<FieldError> checkSubmission(ModuleDescriptor module, Map<String, String> values) {
    Optional<MemberAdmission> admission = module.admission();
    if (admission.isEmpty()) {
      return List.of();
    }
    String idNumber = values.get(admission.get().idNumberField());
    if (idNumber == null || idNumber.isBlank()) {
      return List.of();
    }
    return registered(personal.idNumberIndex(idNumber))
        ? List.of(alreadyMember(admission.get().idNumberField()))
        : List.of();
  }

  /** Entering the module's admitting state makes the submitter a member. */
  @Override
  public void entered(
      ServiceRequest request,
      ModuleDescriptor module,
      Map<String, String> values,
      String actor,
      Instant at) {
    module
        .admission()
        .filter(a -> a.state().equals(request.getState()))
        .ifPresent(a -> admit(request, a, values, actor, at));
  }

  /**
   * Whether the registry holds this ID number index. Plain JDBC on the transaction's connection:
   * asked on every enrollment submission, and a native query through Hibernate resolved its result
   * mapping from the driver's metadata on each call (BENCHMARKS.md, session 5).
   */
  private boolean registered(String index) {
    return em.unwrap(org.hibernate.Session.class)
        .doReturningWork(
            connection -> {
              try (var statement =
                  connection.prepareStatement(
                      "select exists (select 1 from member_registry where id_index = ?)")) {
                statement.setString(1, index);
                try (var result = statement.executeQuery()) {
                  return result.next() && result.getBoolean(1);
                }
              }
            });
  }

  private void admit(
      ServiceRequest request,
      MemberAdmission admission,
      Map<String, String> values,
      String actor,
      Instant at) {
    String idNumber = values.get(admission.idNumberField()).strip().toUpperCase(Locale.ROOT);
    String index = personal.idNumberIndex(idNumber);
    Long number = claim(index);
    if (number == null) {
      throw new SubmissionRefusedException(List.of(alreadyMember(admission.idNumberField())));
    }
    LocalDate today = LocalDate.ofInstant(at, CHINA);
    String mobile = admission.mobileField() == null ? null : values.get(admission.mobileField());
    UUID card = UUID.randomUUID();
    em.persist(new MemberCard(card));
    var membership =
        new Membership(
            request.getTenantId(),
            MemberNumbers.of(today.getYear(), number),
            request.getSubmittedBy(),
            request.getId(),
            values.getOrDefault(admission.nameField(), "").strip(),
            personal.seal("idNumber", idNumber),
            index,
            idNumber.substring(idNumber.length() - 4),
            mobile == null || mobile.isBlank() ? null : personal.seal("mobile", mobile.strip()),
            today,
            card);
    em.persist(membership);
    em.persist(
        new MembershipEvent(membership, "admitted", actor, "request " + request.getId(), at));
    if (accounts.isResolvable()) {
      accounts.get().changed(membership.getUsername(), null);
    }
  }

  /**
   * Claims the person in the registry and draws their member number, in one statement: the number
   * is drawn only when the claim is new. A second approval of the same person waits for the first's
   * claim and then finds it taken, and is refused as already a member instead of failing on the
   * key. Plain JDBC on the transaction's connection: the registry has no tenant scope, and a native
   * statement through Hibernate flushed the session and did bulk-statement bookkeeping on every
   * approval (BENCHMARKS.md, session 10).
   *
   * @return the member number, or null when the person is already registered
   */
  private Long claim(String index) {
    return em.unwrap(Session.class)
        .doReturningWork(
            connection -> {
              try (var statement =
                  connection.prepareStatement(
                      "insert into member_registry (id_index) values (?) on conflict do nothing"
                          + " returning nextval('member_number_seq')")) {
                statement.setString(1, index);
                try (var result = statement.executeQuery()) {
                  return result.next() ? result.getLong(1) : null;
                }
              }
            });
  }

  /**
   * @param caller a logged-in person
   * @return their current membership, if they are a member
   */
  @Transactional
  public Optional<Membership> mine(Caller caller) {
    scope.limitTo(Set.of(), caller.username());
    return current(caller.username());
  }

  private Optional<Membership> current(String username) {
    return em.createQuery(
            "select m from Membership m where m.username = :u and m.status = :s"
                + " order by m.joinedOn desc, m.memberNumber desc",
            Membership.class)
        .setParameter("u", username)
        .setParameter("s", Membership.Status.ACTIVE.name())
        .getResultStream()
        .findFirst();
  }

  /**
   * @param caller the member, or an officer who sees the membership's union
   * @param membershipId a membership
   * @return its history, oldest first
   */
  @Transactional
  public List<MembershipEvent> history(Caller caller, UUID membershipId) {
    scope.limitTo(visibility.requestScope(caller), caller.username());
    if (em.find(Membership.class, membershipId) == null) {
      throw new NotVisibleException("membership");
    }
    return em.createQuery(
            "select e from MembershipEvent e where e.membershipId = :m order by e.occurredAt, e.id",
            MembershipEvent.class)
        .setParameter("m", membershipId)
        .getResultList();
  }

  /**
   * Replaces the member's card (a lost or changed phone): the old card fails verification from the
   * moment this commits, on every node.
   *
   * @param caller the member
   * @return the membership with its new card
   */
  @Transactional
  public Membership replaceCard(Caller caller) {
    scope.limitTo(Set.of(), caller.username());
    Membership m = current(caller.username()).orElseThrow(() -> new NotVisibleException("member"));
    scope.limitTo(Set.of(m.getTenantId()), caller.username());
    Instant now = clock.instant();
    revoke(m.getCardId(), "REPLACED", now);
    UUID card = UUID.randomUUID();
    em.persist(new MemberCard(card));
    m.newCard(card);
    em.persist(new MembershipEvent(m, "card-replaced", caller.username(), null, now));
    return m;
  }

  /**
   * Ends the caller's membership: the registry frees the ID number, the card is revoked, the role
   * and the group go.
   *
   * @param caller the member
   * @param reason why, or null
   * @return the ended membership
   */
  @Transactional
  public Membership leave(Caller caller, String reason) {
    scope.limitTo(Set.of(), caller.username());
    Membership m = current(caller.username()).orElseThrow(() -> new NotVisibleException("member"));
    scope.limitTo(Set.of(m.getTenantId()), caller.username());
    Instant now = clock.instant();
    m.end(LocalDate.ofInstant(now, CHINA));
    revoke(m.getCardId(), "MEMBERSHIP_ENDED", now);
    em.createNativeQuery("delete from member_registry where id_index = ?1")
        .setParameter(1, m.getIdIndex())
        .executeUpdate();
    em.persist(new MembershipEvent(m, "left", caller.username(), reason, now));
    if (accounts.isResolvable()) {
      accounts.get().changed(m.getUsername(), m.getTenantId());
    }
    return m;
  }

  private void revoke(UUID card, String why, Instant at) {
    MemberCard c = em.find(MemberCard.class, card);
    if (c != null) {
      c.revoke(why, at);
    }
  }

  /**
   * The register: current members of a union and the unions below it.
   *
   * @param caller an officer of the union or an ancestor
   * @param tenantCode the union
   * @param query a name (or its start), a member number, or the last digits of an ID number; null
   *     for all
   * @param limit page size, at most {@link #MAX_PAGE}
   * @return members, by name
   */
  @Transactional
  public List<Membership> register(Caller caller, String tenantCode, String query, int limit) {
    Set<String> visible = visibility.requestScope(caller);
    if (!visible.contains(tenantCode)) {
      throw new NotVisibleException("tenant");
    }
    scope.limitTo(visible, caller.username());
    var jpql =
        new StringBuilder(
            "select m from Membership m where m.tenantId in :tenants and m.status = :active");
    String q = query == null ? "" : query.strip();
    if (!q.isEmpty()) {
      jpql.append(" and (m.name like :prefix or m.memberNumber = :q");
      if (q.matches("[0-9Xx]{1,4}")) {
        jpql.append(" or m.idLast4 like :suffix");
      }
      jpql.append(")");
    }
    jpql.append(" order by m.name, m.memberNumber");
    var typed =
        em.createQuery(jpql.toString(), Membership.class)
            .setParameter("tenants", tenants.subtree(tenantCode))
            .setParameter("active", Membership.Status.ACTIVE.name());
    if (!q.isEmpty()) {
      String escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
      typed.setParameter("prefix", escaped + "%").setParameter("q", q.toUpperCase(Locale.ROOT));
      if (q.matches("[0-9Xx]{1,4}")) {
        typed.setParameter("suffix", "%" + q.toUpperCase(Locale.ROOT));
      }
    }
    return typed.setMaxResults(Math.max(1, Math.min(limit, MAX_EXPORT))).getResultList();
  }

  /**
   * @param caller an officer of the union or an ancestor
   * @param tenantCode the union
   * @return current members per union of its subtree (unions without members left out)
   */
  @Transactional
  public Map<String, Long> counts(Caller caller, String tenantCode) {
    Set<String> visible = visibility.requestScope(caller);
    if (!visible.contains(tenantCode)) {
      throw new NotVisibleException("tenant");
    }
    scope.limitTo(visible, caller.username());
    var counts = new LinkedHashMap<String, Long>();
    em.createQuery(
            "select m.tenantId, count(*) from Membership m where m.tenantId in :tenants"
                + " and m.status = :active group by m.tenantId order by m.tenantId",
            Object[].class)
        .setParameter("tenants", tenants.subtree(tenantCode))
        .setParameter("active", Membership.Status.ACTIVE.name())
        .getResultList()
        .forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
    return counts;
  }

  /**
   * A member's full ID and mobile numbers, for an officer allowed to reveal them; audited.
   *
   * @param caller a tenant admin or platform admin who sees the membership
   * @param membershipId the membership
   * @return {@code idNumber} and {@code mobile}
   */
  @Transactional
  public Map<String, String> reveal(Caller caller, UUID membershipId) {
    if (!caller.hasRole(org.unionhub.sdk.Role.TENANT_ADMIN)
        && !caller.hasRole(org.unionhub.sdk.Role.PLATFORM_ADMIN)) {
      throw new NotAllowedException("revealing identifiers needs a tenant admin");
    }
    scope.limitTo(visibility.requestScope(caller), null);
    Membership m = em.find(Membership.class, membershipId);
    if (m == null) {
      throw new NotVisibleException("membership");
    }
    var out = new LinkedHashMap<String, String>();
    out.put("idNumber", personal.open("idNumber", m.getIdNumberSealed()));
    out.put("mobile", personal.open("mobile", m.getMobileSealed()));
    if (audit.isResolvable()) {
      audit
          .get()
          .record(
              caller.username(),
              m.getTenantId(),
              "membership:" + m.getId(),
              "reveal-identifiers",
              null,
              null);
    }
    return out;
  }
}
