package org.unionhub.platform.membership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Set;
import org.unionhub.platform.personal.FieldCipher;
import org.unionhub.platform.personal.KeyRing;
import org.unionhub.platform.personal.PersonalData;
import org.unionhub.platform.personal.Resealable;
import org.unionhub.platform.tenancy.TenantScope;

/** Re-seals members' ID and mobile numbers after a key rotation. */
@ApplicationScoped
public class MembershipResealer implements Resealable {

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Inject PersonalData personal;
  @Inject TenantScope scope;

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int resealBatch(int limit) {
    scope.limitTo(Set.of(TenantScope.ALL), null);
    KeyRing ring = personal.ring();
    String current = FieldCipher.PREFIX + ring.activeDataKeyId() + ":%";
    var stale =
        em.createQuery(
                "select m from Membership m where m.idNumberSealed not like :current"
                    + " or (m.mobileSealed is not null and m.mobileSealed not like :current)",
                Membership.class)
            .setParameter("current", current)
            .setMaxResults(limit)
            .getResultList();
    for (Membership m : stale) {
      m.reseal(
          personal.seal("idNumber", personal.open("idNumber", m.getIdNumberSealed())),
          m.getMobileSealed() == null
              ? null
              : personal.seal("mobile", personal.open("mobile", m.getMobileSealed())));
    }
    return stale.size();
  }
}
