package org.unionhub.platform.item;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.unionhub.platform.module.ModuleStores;
import org.unionhub.sdk.ModuleStore;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.conversation.Message;
import org.unionhub.sdk.item.Item;
import org.unionhub.sdk.tally.TallyCell;

/**
 * The {@link ModuleStores} port on the platform's tables: a module reads its own items, tally cells
 * and conversations within the tenant scope its calling use case set — no more than the caller may
 * see.
 */
@ApplicationScoped
public class JpaModuleStores implements ModuleStores {

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Override
  public ModuleStore forModule(String moduleId) {
    return new ModuleStore() {
      @Override
      public Optional<Item> item(String id) {
        UUID uuid;
        try {
          uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
        return Optional.ofNullable(em.find(ModuleItem.class, uuid))
            .filter(i -> i.getModule().equals(moduleId))
            .map(ItemService::toSdk);
      }

      @Override
      public List<Item> items(String tenantCode, String kind) {
        return em
            .createQuery(
                "select i from ModuleItem i where i.module = :m and i.tenantId = :t"
                    + " and i.kind = :k order by i.createdAt desc",
                ModuleItem.class)
            .setParameter("m", moduleId)
            .setParameter("t", tenantCode)
            .setParameter("k", kind)
            .getResultList()
            .stream()
            .map(ItemService::toSdk)
            .toList();
      }

      @Override
      public List<TallyCell> tally(String targetId, String tally) {
        return em
            .createQuery(
                "select c.key.cellKey, sum(c.cellCount), sum(c.cellSum) from TallyCellRow c"
                    + " where c.key.targetId = :t and c.key.tally = :n"
                    + " group by c.key.cellKey order by c.key.cellKey",
                Object[].class)
            .setParameter("t", UUID.fromString(targetId))
            .setParameter("n", tally)
            .getResultList()
            .stream()
            .map(
                r ->
                    new TallyCell(
                        (String) r[0], ((Number) r[1]).longValue(), (java.math.BigDecimal) r[2]))
            .toList();
      }

      @Override
      public List<Message> messages(String subjectId) {
        return em
            .createQuery(
                "select m from ConversationMessage m where m.subjectId = :s order by m.seq",
                ConversationMessage.class)
            .setParameter("s", UUID.fromString(subjectId))
            .getResultList()
            .stream()
            .map(
                m ->
                    new Message(
                        m.getId().toString(),
                        m.getSubjectId().toString(),
                        m.getSeq(),
                        m.getAuthor(),
                        Role.byId(m.getAuthorRole()).orElse(Role.WORKER),
                        m.getBody(),
                        m.getWrittenAt()))
            .toList();
      }
    };
  }
}
