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
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.unionhub.tenant.members.MemberSync;
import org.unionhub.tenant.members.MemberSyncService;

/**
 * Plays the race that answered a valid approval with a 500: two transactions make the first
 * membership change of the same account at once. The first has written its outbox row and not yet
 * committed when the second reaches the row; once the second waits for it, the first commits. Both
 * must commit, and the row must count both changes; answers the row's change sequence. Only {@link
 * PeopleApiIT}'s deployment carries it, with {@link OutboxRaceProbe}, whose lock wait it shares.
 */
@WebServlet("/it/outbox-first-change")
public class OutboxFirstChangeProbe extends HttpServlet {

  @Inject MemberSyncService sync;

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Resource UserTransaction tx;
  @Resource ManagedExecutorService executor;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String username = req.getParameter("username");
    long changes;
    try {
      tx.begin();
      try {
        sync.changed(username, null);
        em.flush();
        Future<?> second =
            executor.submit(
                () -> {
                  tx.begin();
                  try {
                    sync.changed(username, null);
                    tx.commit();
                  } finally {
                    if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                      tx.rollback();
                    }
                  }
                  return null;
                });
        OutboxRaceProbe.awaitLockWaitOn(em, "member_sync");
        tx.commit();
        second.get(30, TimeUnit.SECONDS);
      } finally {
        if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
          tx.rollback();
        }
      }
      tx.begin();
      try {
        changes = em.find(MemberSync.class, username).getChangeSeq();
      } finally {
        tx.commit();
      }
    } catch (Exception e) {
      throw new IOException(e);
    }
    resp.setContentType("text/plain");
    resp.getWriter().print(changes);
  }
}
