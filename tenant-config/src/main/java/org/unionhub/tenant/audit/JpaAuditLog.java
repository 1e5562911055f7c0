package org.unionhub.tenant.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.unionhub.platform.audit.AuditCursor;
import org.unionhub.platform.audit.AuditEntry;
import org.unionhub.platform.audit.AuditFilter;
import org.unionhub.platform.audit.AuditLog;
import org.unionhub.platform.audit.AuditPage;
import org.unionhub.platform.request.NotAllowedException;
import org.unionhub.platform.request.NotVisibleException;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantScope;
import org.unionhub.sdk.Role;

/**
 * Reads the audit trail within the caller's reach. The query names the tenants the caller may see,
 * and on PostgreSQL the row-level policy of {@code audit_record} holds the same line.
 */
@ApplicationScoped
public class JpaAuditLog implements AuditLog {

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Inject TenantDirectory tenants;
  @Inject TenantScope scope;

  @Override
  @Transactional
  public AuditPage search(Caller caller, AuditFilter filter, AuditCursor after, int limit) {
    boolean platform = caller.hasRole(Role.PLATFORM_ADMIN);
    if (!platform && !caller.hasRole(Role.TENANT_ADMIN)) {
      throw new NotAllowedException("only tenant and platform admins read the audit trail");
    }
    Set<String> visible = new HashSet<>();
    if (!platform) {
      caller.tenants().forEach(t -> visible.addAll(tenants.subtree(t)));
    }
    Set<String> wanted = null;
    if (filter.tenant() != null) {
      if (!platform && !visible.contains(filter.tenant())) {
        throw new NotVisibleException("tenant");
      }
      wanted = tenants.subtree(filter.tenant());
      if (wanted.isEmpty()) {
        throw new NotVisibleException("tenant");
      }
    } else if (!platform) {
      wanted = visible;
    }
    if (wanted != null && wanted.isEmpty()) {
      return new AuditPage(List.of(), null);
    }
    scope.limitTo(platform ? Set.of(TenantScope.ALL) : visible, null);

    var jpql = new StringBuilder("select a from AuditRecord a where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (wanted != null) {
      jpql.append(" and a.tenantCode in :tenants");
      params.put("tenants", wanted);
    }
    if (filter.subject() != null) {
      jpql.append(" and (a.subject = :subject or a.subject like :subjectPrefix escape '!')");
      params.put("subject", filter.subject());
      params.put("subjectPrefix", likeEscape(filter.subject()) + ":%");
    }
    if (filter.actor() != null) {
      jpql.append(" and a.actor = :actor");
      params.put("actor", filter.actor());
    }
    if (filter.from() != null) {
      jpql.append(" and a.occurredAt >= :from");
      params.put("from", filter.from());
    }
    if (filter.to() != null) {
      jpql.append(" and a.occurredAt < :to");
      params.put("to", filter.to());
    }
    if (after != null) {
      jpql.append(" and (a.occurredAt < :at or (a.occurredAt = :at and a.id < :id))");
      params.put("at", after.occurredAt());
      params.put("id", after.id());
    }
    jpql.append(" order by a.occurredAt desc, a.id desc");
    var query = em.createQuery(jpql.toString(), AuditRecord.class);
    params.forEach(query::setParameter);
    int size = Math.max(1, Math.min(limit, MAX_PAGE));
    List<AuditEntry> rows =
        query.setMaxResults(size + 1).getResultList().stream().map(AuditRecord::entry).toList();
    boolean more = rows.size() > size;
    List<AuditEntry> page = more ? rows.subList(0, size) : rows;
    return new AuditPage(
        List.copyOf(page), more ? AuditCursor.after(page.get(page.size() - 1)) : null);
  }

  private static String likeEscape(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
