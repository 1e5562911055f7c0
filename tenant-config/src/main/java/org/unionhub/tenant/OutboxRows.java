package org.unionhub.tenant;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.hibernate.Session;

/**
 * The rows of the Keycloak outboxes of people and tenant groups: one row per key, created by the
 * first change (members' rows are made by one upsert, {@code MemberSyncService#changed}). Two
 * transactions making the first change of the same key at once both found no row, both inserted
 * one, and the later failed on the primary key: a 500 for an approval that was valid, seen under
 * load when one account's first two memberships changed at once (BENCHMARKS.md, session 10). {@link
 * #ensure} creates the row with {@code ON CONFLICT DO NOTHING} instead, which waits for the other
 * transaction's insert and then leaves its row alone; the caller then locks the row that now surely
 * exists.
 */
public final class OutboxRows {

  private OutboxRows() {}

  /** The outbox tables and their key columns: the SQL names below come only from here. */
  private static final Set<String> TABLES =
      Set.of("person_sync:person_id", "group_sync:tenant_code");

  /**
   * Creates the outbox row of a key unless it exists (committed, or being inserted by another
   * transaction, which this waits for). Flushes first: the row's key refers to a tenant or person
   * this transaction may have just made.
   *
   * @param em the transaction's entity manager
   * @param table the outbox table
   * @param keyColumn its key column
   * @param key the key
   * @param now the moment the row is first due
   */
  public static void ensure(
      EntityManager em, String table, String keyColumn, Object key, Instant now) {
    if (!TABLES.contains(table + ":" + keyColumn)) {
      throw new IllegalArgumentException("not an outbox: " + table + "." + keyColumn);
    }
    String sql =
        "insert into "
            + table
            + " ("
            + keyColumn
            + ", change_seq, synced_seq, attempts, next_attempt_at)"
            + " values (?, 0, 0, 0, ?) on conflict ("
            + keyColumn
            + ") do nothing";
    Session session = em.unwrap(Session.class);
    session.flush();
    session.doWork(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, key);
            statement.setObject(2, now.atOffset(ZoneOffset.UTC));
            statement.executeUpdate();
          }
        });
  }
}
