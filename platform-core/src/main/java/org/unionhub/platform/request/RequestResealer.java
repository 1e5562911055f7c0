package org.unionhub.platform.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.personal.FieldCipher;
import org.unionhub.platform.personal.KeyRing;
import org.unionhub.platform.personal.PersonalData;
import org.unionhub.platform.personal.Resealable;
import org.unionhub.platform.tenancy.TenantScope;

/**
 * Re-seals the personal data in stored form values after a key rotation. Writes the data column
 * alone and leaves the request's version as it is: staff acting at the same moment are not told
 * that someone else changed the request.
 */
@ApplicationScoped
public class RequestResealer implements Resealable {

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Inject PersonalData personal;
  @Inject TenantScope scope;

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int resealBatch(int limit) {
    scope.limitTo(Set.of(TenantScope.ALL), null);
    KeyRing ring = personal.ring();
    boolean postgres =
        em.unwrap(Session.class)
            .doReturningWork(c -> c.getMetaData().getDatabaseProductName().equals("PostgreSQL"));
    int done = 0;
    for (String old : ring.dataKeyIds()) {
      if (old.equals(ring.activeDataKeyId()) || done >= limit) {
        continue;
      }
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "select id, cast(data as varchar) from service_request"
                      + " where cast(data as varchar) like ?1 limit ?2")
              .setParameter(1, "%\"" + FieldCipher.PREFIX + old + ":%")
              .setParameter(2, limit - done)
              .getResultList();
      for (Object[] row : rows) {
        JsonObject data = Json.createReader(new StringReader(row[1].toString())).readObject();
        var out = Json.createObjectBuilder();
        data.forEach(
            (k, v) -> {
              if (v instanceof JsonString s && personal.needsResealing(s.getString())) {
                out.add(k, personal.seal(k, personal.open(k, s.getString())));
              } else {
                out.add(k, v);
              }
            });
        em.createNativeQuery(
                postgres
                    ? "update service_request set data = cast(?1 as jsonb) where id = ?2"
                    : "update service_request set data = ?1 format json where id = ?2")
            .setParameter(1, out.build().toString())
            .setParameter(2, row[0] instanceof UUID u ? u : UUID.fromString(row[0].toString()))
            .executeUpdate();
        done++;
      }
    }
    return done;
  }
}
