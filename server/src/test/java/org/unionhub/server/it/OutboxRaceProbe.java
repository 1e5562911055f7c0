package org.unionhub.server.it;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.unionhub.tenant.people.PersonSync;
import org.unionhub.tenant.people.PersonSyncService;

/**
 * Plays the race that lost an account change: a sync attempt that claimed change {@code n} finishes
 * while a new change {@code n + 1} is being committed. The new change holds the row when the
 * attempt reaches it; once the attempt waits for that lock (in its read with the fix, in its write
 * without it), the change commits. The change must survive; answers "before after" change
 * sequences. Only {@link PeopleApiIT}'s deployment carries it.
 */
@WebServlet("/it/outbox-race")
public class OutboxRaceProbe extends HttpServlet {

  @Inject PersonSyncService sync;

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Resource UserTransaction tx;
  @Resource ManagedExecutorService executor;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    UUID person = UUID.fromString(req.getParameter("person"));
    long before;
    long after;
    try {
      before = changeSeq(person);
      tx.begin();
      try {
        sync.enqueue(person);
        em.flush();
        Future<?> finishing =
            executor.submit(() -> sync.finish(new PersonSyncService.Claim(person, before), null));
        awaitLockWaitOn(em, "person_sync");
        tx.commit();
        finishing.get(30, TimeUnit.SECONDS);
      } finally {
        if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
          tx.rollback();
        }
      }
      after = changeSeq(person);
    } catch (Exception e) {
      throw new IOException(e);
    }
    resp.setContentType("text/plain");
    resp.getWriter().print(before + " " + after);
  }

  /**
   * Waits until another session waits for a lock on a row of this table (the racing transaction, on
   * the caller's row).
   *
   * @param em the caller's entity manager
   * @param table the table the other session's statement names
   */
  static void awaitLockWaitOn(EntityManager em, String table) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      // The statistics of a transaction are a snapshot taken at its first read; drop it.
      em.createNativeQuery("select 1 from (select pg_stat_clear_snapshot()) cleared")
          .getSingleResult();
      Number waiting =
          (Number)
              em.createNativeQuery(
                      "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                          + " and query like ?1 and pid <> pg_backend_pid()")
                  .setParameter(1, "%" + table + "%")
                  .getSingleResult();
      if (waiting.longValue() > 0) {
        return;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("nothing waited for a row of " + table + ": nothing raced");
  }

  private long changeSeq(UUID person) throws Exception {
    tx.begin();
    try {
      return em.find(PersonSync.class, person).getChangeSeq();
    } finally {
      tx.commit();
    }
  }
}
