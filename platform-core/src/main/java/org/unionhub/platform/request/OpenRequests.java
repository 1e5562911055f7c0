package org.unionhub.platform.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.unionhub.platform.module.ModuleRegistry;
import org.unionhub.platform.tenancy.TenantScope;
import org.unionhub.sdk.ServiceModuleFactory;
import org.unionhub.sdk.workflow.State;

/**
 * Marks {@code service_request.finished_at} on requests written before the column existed
 * (changelog 0028), and on requests in a state that a newer version of their module declares
 * terminal: at start-up, every request still marked open but in a terminal state of its module is
 * marked finished at its last update. The submission and the transitions keep the column from then
 * on. It works one way only: a module version that made a terminal state non-terminal again would
 * change its workflow's meaning for requests already decided, and would need a changelog of its
 * own. Idempotent; when nothing is left it reads the open requests only (through the partial
 * index), not the finished ones. Two nodes starting together share the work: each batch skips the
 * rows another node has locked.
 */
@ApplicationScoped
public class OpenRequests {

  private static final Logger LOG = Logger.getLogger(OpenRequests.class.getName());
  private static final int BATCH = 10_000;

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Inject ModuleRegistry modules;
  @Inject TenantScope scope;
  @Inject OpenRequests self;

  /**
   * Marks finished every request in a terminal state that is still marked open, in batches of
   * {@value #BATCH} rows, each in its own transaction.
   *
   * @return how many requests were marked
   */
  public long markFinished() {
    return markFinished(null).marked();
  }

  /**
   * What a pass did.
   *
   * @param marked how many requests it marked
   * @param done false when it stopped at its time budget with requests left to mark
   */
  public record Pass(long marked, boolean done) {}

  /**
   * Like {@link #markFinished()}, but stops after the batch that ends past {@code budget}: a
   * database upgraded with millions of decided requests (about 10,000 a second here) would
   * otherwise hold up the deployment past WildFly's timeout.
   *
   * @param budget how long to go on, or null for as long as there is work
   * @return what it did
   */
  public Pass markFinished(Duration budget) {
    long deadline = budget == null ? Long.MAX_VALUE : System.nanoTime() + budget.toNanos();
    long total = 0;
    boolean done = true;
    for (ServiceModuleFactory module : modules.all()) {
      if (!module.descriptor().acceptsRequests()) {
        continue;
      }
      List<String> terminal =
          module.descriptor().workflow().states().stream()
              .filter(State::terminal)
              .map(State::name)
              .toList();
      if (terminal.isEmpty()) {
        continue;
      }
      for (int n = self.markBatch(module.descriptor().id(), terminal);
          n > 0;
          n = self.markBatch(module.descriptor().id(), terminal)) {
        total += n;
        if (System.nanoTime() - deadline > 0) {
          done = false;
          break;
        }
      }
      if (!done) {
        break;
      }
    }
    if (total > 0) {
      long marked = total;
      boolean finished = done;
      LOG.info(
          () ->
              "Marked "
                  + marked
                  + " requests in a terminal state as finished"
                  + (finished ? "" : "; more to mark"));
    }
    return new Pass(total, done);
  }

  /**
   * @param module a module
   * @param terminal its terminal states
   * @return how many rows this batch marked
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int markBatch(String module, List<String> terminal) {
    scope.limitTo(Set.of(TenantScope.ALL), null);
    return em.createNativeQuery(
            "update service_request set finished_at = updated_at where id in (select id from"
                + " service_request where finished_at is null and module = ?1 and state in (?2)"
                + " limit ?3 for update skip locked)")
        .setParameter(1, module)
        .setParameter(2, terminal)
        .setParameter(3, BATCH)
        .executeUpdate();
  }
}
