package org.unionhub.platform.item;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.request.ModuleRuntime;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tally.TallyDecisions;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantScope;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.platform.tenancy.Visibility;
import org.unionhub.sdk.Role;
import org.unionhub.sdk.ServiceModuleFactory;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.item.Item;
import org.unionhub.sdk.tally.Tally;

/**
 * Reads a tally of an item: combined over the item and the copies pushed from it, broken down per
 * union, with cells under the tenant's minimum hidden for anonymous items (docs/adr/0020); and the
 * stored answers for exports, with the same anonymity.
 */
@ApplicationScoped
public class ResultsService {

  /** The most free-text answers returned per question. */
  public static final int MAX_TEXTS = 500;

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Inject ItemService items;
  @Inject TenantScope scope;
  @Inject TenantDirectory tenants;
  @Inject Visibility visibility;
  @Inject ModuleRuntime runtime;
  @Inject Clock clock;

  /**
   * One cell as shown.
   *
   * @param key the cell ({@code q1=yes}, {@code score}, {@code count})
   * @param count how many counted
   * @param sum the sum of values
   * @param average the average, two decimals, for cells with values
   * @param percent the count as a share of the responses, one decimal
   */
  public record Cell(
      String key, long count, BigDecimal sum, BigDecimal average, BigDecimal percent) {}

  /**
   * A union's part of the results.
   *
   * @param tenant the union's code
   * @param name the union's name
   * @param itemId the item (copy) it answered
   * @param responses its responses, null when hidden
   * @param hidden whether it has fewer responses than the minimum (anonymous items)
   * @param cells its cells, without the hidden ones
   */
  public record UnionPart(
      String tenant, String name, UUID itemId, Long responses, boolean hidden, List<Cell> cells) {}

  /**
   * A tally as the caller may see it.
   *
   * @param item the item
   * @param tally the tally's name
   * @param anonymous whether cells under {@code minimumCell} are hidden
   * @param minimumCell the smallest count shown for an anonymous item
   * @param responses the combined responses, null when hidden
   * @param hidden whether the combined results are hidden
   * @param cells the combined cells, without the hidden ones
   * @param unions per union, when the item was pushed
   * @param texts free-text answers per question (without authors; empty when hidden)
   */
  public record Results(
      Item item,
      String tally,
      boolean anonymous,
      int minimumCell,
      Long responses,
      boolean hidden,
      List<Cell> cells,
      List<UnionPart> unions,
      Map<String, List<String>> texts) {}

  /**
   * One stored answer, for exports.
   *
   * @param tenant the union whose copy it answered
   * @param actor the member, null for an anonymous item
   * @param day the day, null for an anonymous item (exports keep no date for those)
   * @param values the answers
   */
  public record Answer(String tenant, String actor, LocalDate day, Map<String, String> values) {}

  /**
   * @param caller who reads
   * @return the tally; 404 when the item is not visible, 403 when its results are not open to the
   *     caller yet
   */
  @Transactional
  public Results results(
      Caller caller, String tenantCode, String moduleId, UUID itemId, String tallyName) {
    ServiceModuleFactory module = items.module(moduleId);
    ModuleItem stored = items.visibleTo(caller, tenantCode, moduleId, itemId);
    Tally tally =
        (tallyName == null
                ? module.descriptor().tallies().stream()
                    .filter(
                        t ->
                            module
                                .descriptor()
                                .action(t.action())
                                .map(
                                    a ->
                                        a.target().on() == org.unionhub.sdk.action.Target.On.ITEM
                                            && stored.getKind().equals(a.target().itemKind()))
                                .orElse(false))
                    .findFirst()
                : module.descriptor().tally(tallyName))
            .orElseThrow(() -> new NotVisibleException("tally"));
    boolean officer = mayReadAsOfficer(caller, stored, tally);
    Item item = ItemService.toSdk(stored);
    if (!officer && !(tally.members() && item.resultsVisibleToMembers(clock.instant()))) {
      throw new NotAllowedException(ProblemText.of("item.the-results-are-not-open-to"));
    }
    int k = minimumCell(module, tally, stored.getTenantId());
    boolean anonymous = stored.isAnonymous();
    Set<String> numeric = new HashSet<>();
    item.questions().stream().filter(q -> q.type().isNumeric()).forEach(q -> numeric.add(q.name()));
    scope.limitTo(tenants.subtree(stored.getTenantId()), null);
    List<ModuleItem> parts = parts(stored);
    Map<UUID, List<TallyCellRow>> byTarget = new LinkedHashMap<>();
    parts.forEach(p -> byTarget.put(p.getId(), new ArrayList<>()));
    em.createQuery(
            "select c from TallyCellRow c where c.key.targetId in :ids and c.key.tally = :t",
            TallyCellRow.class)
        .setParameter("ids", byTarget.keySet())
        .setParameter("t", tally.name())
        .getResultList()
        .forEach(c -> byTarget.get(c.getKey().targetId()).add(c));
    var combined = new LinkedHashMap<String, long[]>();
    var combinedSums = new LinkedHashMap<String, BigDecimal>();
    var unions = new ArrayList<UnionPart>();
    for (ModuleItem part : parts) {
      List<TallyCellRow> cells = byTarget.get(part.getId());
      for (TallyCellRow c : cells) {
        combined.computeIfAbsent(c.getKey().cellKey(), x -> new long[1])[0] += c.getCount();
        combinedSums.merge(c.getKey().cellKey(), c.getSum(), BigDecimal::add);
      }
      if (parts.size() > 1) {
        var raw = new LinkedHashMap<String, long[]>();
        var sums = new LinkedHashMap<String, BigDecimal>();
        cells.forEach(
            c -> {
              raw.computeIfAbsent(c.getKey().cellKey(), x -> new long[1])[0] += c.getCount();
              sums.merge(c.getKey().cellKey(), c.getSum(), BigDecimal::add);
            });
        long responses = raw.containsKey("count") ? raw.get("count")[0] : 0;
        boolean hidden = anonymous && responses < k;
        unions.add(
            new UnionPart(
                part.getTenantId(),
                tenants.find(part.getTenantId()).map(TenantView::name).orElse(part.getTenantId()),
                part.getId(),
                hidden ? null : responses,
                hidden,
                hidden ? List.of() : shown(numeric, raw, sums, responses, anonymous, k)));
      }
    }
    long responses = combined.containsKey("count") ? combined.get("count")[0] : 0;
    boolean hidden = anonymous && responses < k;
    var texts = new LinkedHashMap<String, List<String>>();
    if (!hidden) {
      texts.putAll(texts(item, parts));
    }
    return new Results(
        item,
        tally.name(),
        anonymous,
        k,
        hidden ? null : responses,
        hidden,
        hidden ? List.of() : shown(numeric, combined, combinedSums, responses, anonymous, k),
        unions,
        texts);
  }

  /**
   * Every stored answer of an item and its copies, for its officers' exports. Anonymous items give
   * no actor and no day, in random order, and nothing when they have fewer responses than the
   * minimum.
   */
  @Transactional
  public List<Answer> answers(Caller caller, String tenantCode, String moduleId, UUID itemId) {
    ServiceModuleFactory module = items.module(moduleId);
    ModuleItem stored = items.visibleTo(caller, tenantCode, moduleId, itemId);
    Tally tally = module.descriptor().tallies().stream().findFirst().orElse(null);
    if (tally == null || !mayReadAsOfficer(caller, stored, tally)) {
      throw new NotAllowedException(ProblemText.of("item.only-the-union-s-officers-export"));
    }
    scope.limitTo(tenants.subtree(stored.getTenantId()), null);
    List<ModuleItem> parts = parts(stored);
    Map<UUID, String> owner = new LinkedHashMap<>();
    parts.forEach(p -> owner.put(p.getId(), p.getTenantId()));
    List<StoredAction> rows =
        em.createQuery(
                "select a from StoredAction a where a.targetId in :ids order by a.id",
                StoredAction.class)
            .setParameter("ids", owner.keySet())
            .getResultList();
    boolean anonymous = stored.isAnonymous();
    if (anonymous && rows.size() < minimumCell(module, tally, stored.getTenantId())) {
      return List.of();
    }
    var answers = new ArrayList<Answer>();
    for (StoredAction a : rows) {
      answers.add(
          new Answer(
              owner.get(a.getTargetId()),
              anonymous ? null : a.getActor(),
              anonymous ? null : a.getActedOn(),
              values(a.getPayload())));
    }
    if (!anonymous) {
      answers.sort(Comparator.comparing(Answer::day).thenComparing(Answer::actor));
    }
    return answers;
  }

  private boolean mayReadAsOfficer(Caller caller, ModuleItem item, Tally tally) {
    if (caller.hasRole(Role.PLATFORM_ADMIN)) {
      return true;
    }
    return tally.readers().stream().anyMatch(caller::hasRole)
        && visibility.requestScope(caller).contains(item.getTenantId());
  }

  /** The item and, for an original, the copies pushed from it, the original first. */
  private List<ModuleItem> parts(ModuleItem item) {
    var parts = new ArrayList<ModuleItem>();
    parts.add(item);
    if (item.getOriginId() == null) {
      parts.addAll(
          em.createQuery(
                  "select i from ModuleItem i where i.originId = :o order by i.tenantId",
                  ModuleItem.class)
              .setParameter("o", item.getId())
              .getResultList());
    }
    return parts;
  }

  private Map<String, List<String>> texts(Item item, List<ModuleItem> parts) {
    var textQuestions =
        item.questions().stream()
            .filter(q -> q.type() == FieldType.TEXT || q.type() == FieldType.LONG_TEXT)
            .map(FormField::name)
            .toList();
    var texts = new LinkedHashMap<String, List<String>>();
    if (textQuestions.isEmpty()) {
      return texts;
    }
    textQuestions.forEach(q -> texts.put(q, new ArrayList<>()));
    var ids = new HashSet<UUID>();
    parts.forEach(p -> ids.add(p.getId()));
    em.createQuery(
            "select a.payload from StoredAction a where a.targetId in :ids order by a.id",
            String.class)
        .setParameter("ids", ids)
        .setMaxResults(MAX_TEXTS * 4)
        .getResultList()
        .forEach(
            payload -> {
              Map<String, String> values = values(payload);
              for (String q : textQuestions) {
                String v = values.get(q);
                if (v != null && !v.isBlank() && texts.get(q).size() < MAX_TEXTS) {
                  texts.get(q).add(v);
                }
              }
            });
    return texts;
  }

  private static List<Cell> shown(
      Set<String> numeric,
      Map<String, long[]> counts,
      Map<String, BigDecimal> sums,
      long responses,
      boolean anonymous,
      int k) {
    var cells = new ArrayList<Cell>();
    counts.keySet().stream()
        .sorted()
        .forEach(
            key -> {
              long count = counts.get(key)[0];
              if (anonymous && count < k) {
                return;
              }
              BigDecimal sum = sums.getOrDefault(key, BigDecimal.ZERO);
              BigDecimal average =
                  count == 0 || !numeric.contains(key)
                      ? null
                      : sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
              BigDecimal percent =
                  responses == 0
                      ? null
                      : BigDecimal.valueOf(count * 100L)
                          .divide(BigDecimal.valueOf(responses), 1, RoundingMode.HALF_UP);
              cells.add(new Cell(key, count, sum.stripTrailingZeros(), average, percent));
            });
    return cells;
  }

  /** The tenant's minimum cell, from the setting the tally names (shared with the test kit). */
  int minimumCell(ServiceModuleFactory module, Tally tally, String tenantCode) {
    return TallyDecisions.minimumCell(tally, runtime.effective(tenantCode, module).settingValues());
  }

  static Map<String, String> values(String payload) {
    JsonObject o = Json.createReader(new StringReader(payload)).readObject();
    var values = new LinkedHashMap<String, String>();
    o.forEach(
        (k, v) ->
            values.put(k, v instanceof jakarta.json.JsonString s ? s.getString() : v.toString()));
    return values;
  }

  /**
   * @param tenantCodes unions
   * @return their names, for exports
   */
  public Map<String, String> names(Set<String> tenantCodes) {
    var names = new LinkedHashMap<String, String>();
    tenantCodes.forEach(c -> names.put(c, tenants.find(c).map(TenantView::name).orElse(c)));
    return names;
  }
}
