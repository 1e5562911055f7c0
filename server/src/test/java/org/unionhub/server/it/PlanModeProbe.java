package org.unionhub.server.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Set;
import org.unionhub.platform.tenancy.TenantScope;

/**
 * Sets one scope after another in one transaction, as a use case that widens its scope does, and
 * answers PostgreSQL's {@code plan_cache_mode} after each, one per line. Parameter {@code scopes}:
 * scopes separated by {@code ;}, each a comma-separated list of tenant codes ({@code *}: every
 * tenant), prefixed {@code cached:} for {@link TenantScope.Plans#CACHED}. Only {@link
 * IsolationMatrixIT}'s deployment carries it.
 */
@WebServlet("/it/plan-mode")
public class PlanModeProbe extends HttpServlet {

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Resource UserTransaction tx;
  @Inject TenantScope scope;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    var modes = new ArrayList<String>();
    try {
      tx.begin();
      try {
        for (String entry : req.getParameter("scopes").split(";", -1)) {
          boolean cached = entry.startsWith("cached:");
          String codes = cached ? entry.substring("cached:".length()) : entry;
          scope.limitTo(
              codes.isEmpty() ? Set.of() : Set.of(codes.split(",")),
              null,
              cached ? TenantScope.Plans.CACHED : TenantScope.Plans.PER_EXECUTION);
          modes.add(
              (String)
                  em.createNativeQuery("select current_setting('plan_cache_mode')")
                      .getSingleResult());
        }
      } finally {
        tx.rollback();
      }
    } catch (Exception e) {
      throw new IOException(e);
    }
    resp.setContentType("text/plain");
    resp.getWriter().print(String.join("\n", modes));
  }
}
