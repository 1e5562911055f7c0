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
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.unionhub.tenant.people.PersonSync;
import org.unionhub.tenant.people.PersonSyncService;

/**
 * Plays the race that lost an account change: a sync attempt that claimed change {@code n} finishes
 * while a new change {@code n + 1} is being committed. The change must survive, whatever the order
 * in which the two transactions reach the row; answers "before after" change sequences. Only {@link
 * PeopleApiIT}'s deployment carries it.
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
    try {
      long before = changeSeq(person);
      tx.begin();
      sync.enqueue(person);
      em.flush();
      Future<?> finishing =
          executor.submit(() -> sync.finish(new PersonSyncService.Claim(person, before), null));
      // the attempt reads the row while the change is not yet committed
      Thread.sleep(300);
      tx.commit();
      finishing.get(30, TimeUnit.SECONDS);
      resp.setContentType("text/plain");
      resp.getWriter().print(before + " " + changeSeq(person));
    } catch (Exception e) {
      throw new IOException(e);
    }
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
