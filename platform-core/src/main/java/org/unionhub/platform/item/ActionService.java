package org.unionhub.platform.item;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.unionhub.platform.action.ActionDecisions;
import org.unionhub.platform.action.Actor;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.FormCheck;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.problem.SubmissionRefusedException;
import org.unionhub.platform.request.ModuleRuntime;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tally.TallyDecisions;
import org.unionhub.platform.tenancy.TenantScope;
import org.unionhub.sdk.ServiceModuleFactory;
import org.unionhub.sdk.action.ActionAttempt;
import org.unionhub.sdk.action.ActionEvent;
import org.unionhub.sdk.action.ActionType;
import org.unionhub.sdk.action.MemberAction;
import org.unionhub.sdk.action.Target;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.item.Item;
import org.unionhub.sdk.tally.TallyEntry;

/**
 * Members' actions on items: checked (audience, role, window, payload, the module's own check),
 * then stored with the once-per-member participation and the tally increments in one transaction
 * (docs/adr/0020). Nothing is stored when anything is refused.
 */
@ApplicationScoped
public class ActionService {

  @PersistenceContext(unitName = "unionhub")
  EntityManager em;

  @Inject ItemService items;
  @Inject TenantScope scope;
  @Inject Clock clock;
  @Inject ModuleHooks hooks;
  @Inject ModuleRuntime runtime;

  /** How many rows each tally cell is spread over. */
  static final int STRIPES = 16;

  private volatile Boolean postgres;

  /**
   * An action as accepted.
   *
   * @param id the stored action's id
   * @param item the item acted on
   * @param type the action type
   * @param day the day it was taken
   * @param anonymous whether it was stored without the actor
   */
  public record Acted(UUID id, UUID item, String type, LocalDate day, boolean anonymous) {}

  /**
   * Takes an action on an item.
   *
   * @param caller who acts
   * @param tenantCode the item's owner
   * @param moduleId the module
   * @param itemId the item
   * @param type the action type's name
   * @param body {@code {"values": {field: value}}}; a multiple choice as a list or comma-separated
   * @return what was stored
   * @throws SubmissionRefusedException with every problem, nothing stored
   * @throws AlreadyTakenException when the member already took this once-per-member action
   */
  @Transactional
  public Acted act(
      Caller caller,
      String tenantCode,
      String moduleId,
      UUID itemId,
      String type,
      JsonObject body) {
    ServiceModuleFactory module = items.module(moduleId);
    ModuleItem stored = items.visibleTo(caller, tenantCode, moduleId, itemId);
    ActionType action =
        module
            .descriptor()
            .action(type)
            .filter(a -> a.target().on() == Target.On.ITEM)
            .filter(a -> a.target().itemKind().equals(stored.getKind()))
            .orElseThrow(() -> new NotVisibleException("action"));
    Item item = ItemService.toSdk(stored);
    Instant now = clock.instant();
    var problems = new ArrayList<FieldError>();
    Map<String, String> given = values(body, item, action, problems);
    // Whether the member took part already is the database's to say, under concurrency: the
    // decisions are asked without it, the unique constraint answers below.
    var actor = new Actor(caller.username(), caller.roles(), true);
    List<FormField> form = ActionDecisions.payloadForm(action, item);
    Map<String, String> values;
    try {
      values = ActionDecisions.decide(action, item, actor, now, given, false);
    } catch (SubmissionRefusedException e) {
      problems.addAll(e.errors());
      throw new SubmissionRefusedException(problems);
    }
    if (!problems.isEmpty()) {
      throw new SubmissionRefusedException(problems);
    }
    var attempt = new ActionAttempt(type, item, null, caller.username(), values);
    hooks.checkAction(module, attempt).forEach(p -> problems.add(FormCheck.error(p)));
    if (!problems.isEmpty()) {
      throw new SubmissionRefusedException(problems);
    }
    return store(caller, module, stored, item, action, form, values, now);
  }

  private Acted store(
      Caller caller,
      ServiceModuleFactory module,
      ModuleItem stored,
      Item item,
      ActionType action,
      List<FormField> form,
      Map<String, String> values,
      Instant now) {
    scope.limitTo(Set.of(stored.getTenantId()), null);
    LocalDate day = LocalDate.ofInstant(now, clock.getZone());
    if (action.oncePerMember() && !takePart(stored, action.name(), caller.username(), day)) {
      throw new AlreadyTakenException();
    }
    boolean anonymous = item.anonymous();
    var actor = new Actor(caller.username(), caller.roles(), true);
    var payload = Json.createObjectBuilder();
    values.forEach(payload::add);
    var row =
        new StoredAction(
            stored.getTenantId(),
            stored.getModule(),
            stored.getId(),
            action.name(),
            anonymous ? null : caller.username(),
            day,
            anonymous ? null : now,
            payload.build().toString());
    em.persist(row);
    MemberAction memberAction =
        ActionDecisions.stored(
            action, stored.getId().toString(), stored.getTenantId(), actor, anonymous, now, values);
    TallyDecisions.increments(module.descriptor(), memberAction, form)
        .forEach((tally, entries) -> count(stored, tally, entries));
    em.flush();
    hooks.onAction(
        module,
        new ActionEvent(
            memberAction, now, runtime.effective(stored.getTenantId(), module).settingValues()));
    return new Acted(row.getId(), stored.getId(), action.name(), day, anonymous);
  }

  /**
   * Inserts the participation row; the unique constraint decides races.
   *
   * @return false when the member already took part
   */
  private boolean takePart(ModuleItem item, String type, String member, LocalDate day) {
    String insert =
        "insert into module_participation (id, tenant_id, target_id, action_type, member, taken_on)"
            + " values (?1, ?2, ?3, ?4, ?5, ?6)";
    var query =
        em.createNativeQuery(isPostgres() ? insert + " on conflict do nothing" : insert)
            .setParameter(1, UUID.randomUUID())
            .setParameter(2, item.getTenantId())
            .setParameter(3, item.getId())
            .setParameter(4, type)
            .setParameter(5, member)
            .setParameter(6, day);
    try {
      return query.executeUpdate() == 1;
    } catch (PersistenceException e) {
      // H2: the unique constraint refused the second row.
      throw new AlreadyTakenException();
    }
  }

  private void count(ModuleItem item, String tally, List<TallyEntry> entries) {
    var cells = new LinkedHashMap<String, BigDecimal[]>();
    for (TallyEntry e : entries) {
      BigDecimal[] cell =
          cells.computeIfAbsent(e.key(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      cell[0] = cell[0].add(BigDecimal.ONE);
      if (e.value() != null) {
        cell[1] = cell[1].add(e.value());
      }
    }
    // One stripe per action, chosen at random: concurrent answers to one survey update
    // different rows. Keys in a fixed order, so two transactions never lock cells in opposite
    // orders.
    short stripe = (short) java.util.concurrent.ThreadLocalRandom.current().nextInt(STRIPES);
    var sorted = new java.util.TreeMap<>(cells);
    if (isPostgres()) {
      var sql =
          new StringBuilder(
              "insert into tally_cell (target_id, tally, cell_key, tenant_id, cell_count, cell_sum,"
                  + " stripe) values ");
      int p = 1;
      for (int n = 0; n < sorted.size(); n++) {
        sql.append(n == 0 ? "" : ", ")
            .append(
                String.format(
                    "(?%d, ?%d, ?%d, ?%d, ?%d, ?%d, ?%d)",
                    p, p + 1, p + 2, p + 3, p + 4, p + 5, p + 6));
        p += 7;
      }
      sql.append(
          " on conflict (target_id, tally, cell_key, stripe) do update"
              + " set cell_count = tally_cell.cell_count + excluded.cell_count,"
              + " cell_sum = tally_cell.cell_sum + excluded.cell_sum");
      var query = em.createNativeQuery(sql.toString());
      int q = 1;
      for (var cell : sorted.entrySet()) {
        query
            .setParameter(q++, item.getId())
            .setParameter(q++, tally)
            .setParameter(q++, cell.getKey())
            .setParameter(q++, item.getTenantId())
            .setParameter(q++, cell.getValue()[0].longValue())
            .setParameter(q++, cell.getValue()[1])
            .setParameter(q++, stripe);
      }
      query.executeUpdate();
      return;
    }
    String merge =
        "merge into tally_cell t using (values (cast(?1 as uuid), cast(?2 as varchar(40)),"
            + " cast(?3 as varchar(200)), cast(?4 as varchar(64)), cast(?5 as bigint),"
            + " cast(?6 as numeric(30,6)), cast(?7 as smallint)))"
            + " s(target_id, tally, cell_key, tenant_id, c, sm, st)"
            + " on t.target_id = s.target_id and t.tally = s.tally and t.cell_key = s.cell_key"
            + " and t.stripe = s.st"
            + " when matched then update set cell_count = t.cell_count + s.c,"
            + " cell_sum = t.cell_sum + s.sm"
            + " when not matched then insert (target_id, tally, cell_key, tenant_id, cell_count,"
            + " cell_sum, stripe) values (s.target_id, s.tally, s.cell_key, s.tenant_id, s.c, s.sm,"
            + " s.st)";
    for (var cell : sorted.entrySet()) {
      em.createNativeQuery(merge)
          .setParameter(1, item.getId())
          .setParameter(2, tally)
          .setParameter(3, cell.getKey())
          .setParameter(4, item.getTenantId())
          .setParameter(5, cell.getValue()[0].longValue())
          .setParameter(6, cell.getValue()[1])
          .setParameter(7, stripe)
          .executeUpdate();
    }
  }

  /** The payload as text values; values of the wrong JSON type are problems. */
  private static Map<String, String> values(
      JsonObject body, Item item, ActionType action, List<FieldError> problems) {
    var values = new LinkedHashMap<String, String>();
    JsonValue raw = body == null ? null : body.get("values");
    if (raw == null || raw == JsonValue.NULL) {
      raw = JsonValue.EMPTY_JSON_OBJECT;
    }
    if (!(raw instanceof JsonObject given)) {
      problems.add(
          new FieldError("values", "NOT_AN_OBJECT", ProblemText.of("common.must-be-an-object")));
      return values;
    }
    List<FormField> form = ActionDecisions.payloadForm(action, item);
    for (var entry : given.entrySet()) {
      FormField field =
          form.stream().filter(f -> f.name().equals(entry.getKey())).findFirst().orElse(null);
      JsonValue v = entry.getValue();
      String text = text(v, field);
      if (text == null && v != JsonValue.NULL) {
        problems.add(
            new FieldError(
                entry.getKey(), "WRONG_TYPE", ProblemText.of("item.wrong-kind-of-value")));
      } else if (text != null) {
        values.put(entry.getKey(), text);
      }
    }
    return values;
  }

  private static String text(JsonValue v, FormField field) {
    if (v instanceof JsonString s) {
      return s.getString();
    }
    if (v instanceof JsonNumber n) {
      return n.bigDecimalValue().toPlainString();
    }
    if (v instanceof JsonArray a && field != null && field.type() == FieldType.MULTI_CHOICE) {
      var parts = new ArrayList<String>();
      for (JsonValue e : a) {
        if (!(e instanceof JsonString s)) {
          return null;
        }
        parts.add(s.getString().strip());
      }
      return String.join(",", parts);
    }
    return null;
  }

  private boolean isPostgres() {
    Boolean p = postgres;
    if (p == null) {
      p =
          em.unwrap(Session.class)
              .doReturningWork(c -> c.getMetaData().getDatabaseProductName().equals("PostgreSQL"));
      postgres = p;
    }
    return p;
  }
}
