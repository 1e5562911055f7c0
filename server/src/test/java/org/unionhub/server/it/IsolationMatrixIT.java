package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tenant isolation, cell by cell (docs/adr/0009): for every tenant-owned entity, every way of
 * reaching a row — find by id, JPQL, Criteria, native SQL, bulk update, bulk delete, merge of a
 * detached entity, a find after an authorised caller loaded the row (the cache) — and every kind of
 * caller, a row of 福田区's grassroots union {@code gd-sz-ft-001} is visible and writable exactly when
 * the tenant scope covers it. Each cell runs with both walls standing, as the application does, and
 * with each wall alone (the other one opened), so that every cell can fail: a wall that stopped
 * holding makes its own cells red even while the other wall still protects production.
 *
 * <p>The operations run inside the server ({@link IsolationProbe}, added to this test's deployment
 * only) on the real PostgreSQL; the rows are made, checked and removed as the schema owner.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IsolationMatrixIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub().addClass(IsolationProbe.class).addClass(PlanModeProbe.class);
  }

  private static final String TENANT = "gd-sz-ft-001";
  private static final String SUBMITTER = "isolation-submitter";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * The tenant-owned entities, with the column that write cells change. A transition is history (no
   * column is updatable) and an audit record is immutable: a merge of either changes nothing, and
   * the database refuses every bulk update or delete of the audit trail, in any scope.
   */
  enum Entity {
    REQUEST("request", "service_request", "state", "submitted"),
    TRANSITION("transition", "request_transition", "comment_text", "original"),
    TIMER("timer", "request_timer", "fired_by", null),
    HOLIDAY("holiday", "tenant_holiday", "name", "original"),
    AUDIT("audit", "audit_record", "actor", SUBMITTER),
    ITEM("item", "module_item", "title", "original"),
    ACTION("action", "module_action", "actor", "original"),
    PARTICIPATION("participation", "module_participation", "member", "original"),
    MESSAGE("message", "conversation_message", "body", "original"),
    PERSON("person", "person", "name", "original"),
    MEMBERSHIP("membership", "membership", "name", "original"),
    MEMBERSHIP_EVENT("membership-event", "membership_event", "note", "original"),
    TRANSFER("transfer", "membership_transfer", "refusal", "original");

    final String name;
    final String table;
    final String column;
    final String original;

    Entity(String name, String table, String column, String original) {
      this.name = name;
      this.table = table;
      this.column = column;
      this.original = original;
    }

    boolean mergeChangesNothing() {
      return this == TRANSITION
          || this == AUDIT
          || this == ACTION
          || this == PARTICIPATION
          || this == MESSAGE
          || this == MEMBERSHIP_EVENT;
    }

    boolean appendOnly() {
      return this == AUDIT;
    }

    /**
     * Never deleted (the database grants no DELETE, changelogs 0023 and 0027): membership, its
     * history and transfers — a member who leaves keeps a record with an end date — and requests,
     * their history and people.
     */
    boolean neverDeleted() {
      return this == MEMBERSHIP
          || this == MEMBERSHIP_EVENT
          || this == TRANSFER
          || this == REQUEST
          || this == TRANSITION
          || this == PERSON;
    }

    /** A member reads their own membership, history and transfers, as a submitter their request. */
    boolean readByItsPerson() {
      return this == REQUEST || this == MEMBERSHIP || this == MEMBERSHIP_EVENT || this == TRANSFER;
    }
  }

  /** The ways of reaching a row. */
  enum Op {
    FIND(false),
    JPQL(false),
    CRITERIA(false),
    NATIVE(false),
    UPDATE(true),
    DELETE(true),
    MERGE(true),
    CACHE(false);

    final boolean write;

    Op(boolean write) {
      this.write = write;
    }
  }

  /** Who asks: the tenant whose subtree is the scope, and the user whose own requests it adds. */
  enum Scope {
    OWN_TENANT(TENANT, ""),
    ANCESTOR("gd", ""),
    SIBLING("gd-sz-ns", ""),
    OTHER_PROVINCE("zj", ""),
    SUBMITTER_ONLY("", SUBMITTER),
    NOBODY("", ""),
    /** A transaction that never set a scope at all. */
    NOT_SET(IsolationProbe.NOT_SET, "");

    final String tenant;
    final String user;

    Scope(String tenant, String user) {
      this.tenant = tenant;
      this.user = user;
    }

    boolean reads(Entity entity) {
      return switch (this) {
        case OWN_TENANT, ANCESTOR -> true;
        case SUBMITTER_ONLY -> entity.readByItsPerson();
        default -> false;
      };
    }

    boolean writes() {
      return this == OWN_TENANT || this == ANCESTOR;
    }
  }

  /** Which walls stand. */
  enum Wall {
    BOTH("both"),
    HIBERNATE_ONLY("hibernate"),
    DATABASE_ONLY("rls");

    final String param;

    Wall(String param) {
      this.param = param;
    }

    /**
     * Whether this wall alone is meant to decide the cell. Hibernate's filter knows nothing of
     * native SQL, and it decides what a caller sees, not what a caller may change: a submitter who
     * sees their own request is kept from changing it by the use cases and by the database.
     */
    boolean covers(Op op, Scope scope) {
      if (this != HIBERNATE_ONLY) {
        return true;
      }
      return op != Op.NATIVE && !(op.write && scope == Scope.SUBMITTER_ONLY);
    }
  }

  record Cell(Wall wall, Entity entity, Op op, Scope scope) {
    boolean allowed() {
      if (!op.write) {
        return scope.reads(entity);
      }
      if (op == Op.MERGE && entity.mergeChangesNothing() && scope.reads(entity)) {
        // A member's merge of their own history goes through and writes nothing.
        return true;
      }
      return scope.writes()
          && !(entity.appendOnly() && op != Op.MERGE)
          && !(entity.neverDeleted() && op == Op.DELETE);
    }

    @Override
    public String toString() {
      return String.format(
          "%s | %s | %s | %s → %s",
          wall, entity, op, scope, allowed() ? (op.write ? "changes" : "sees") : "refused");
    }
  }

  static Stream<Cell> cells() {
    var cells = new ArrayList<Cell>();
    for (Wall wall : Wall.values()) {
      for (Entity entity : Entity.values()) {
        for (Op op : Op.values()) {
          for (Scope scope : Scope.values()) {
            if (wall.covers(op, scope)) {
              cells.add(new Cell(wall, entity, op, scope));
            }
          }
        }
      }
    }
    return cells.stream();
  }

  /** Append-only, so made once for the whole run and never removed. */
  private static final UUID AUDIT_RECORD = UUID.randomUUID();

  private static boolean auditRecordMade;

  private final UUID request = UUID.randomUUID();
  private final UUID parent = UUID.randomUUID();
  private final UUID transition = UUID.randomUUID();
  private final UUID timer = UUID.randomUUID();
  private final UUID holiday = UUID.randomUUID();
  private final UUID item = UUID.randomUUID();
  private final UUID action = UUID.randomUUID();
  private final UUID participation = UUID.randomUUID();
  private final UUID message = UUID.randomUUID();
  private final UUID person = UUID.randomUUID();
  private final UUID membership = UUID.randomUUID();
  private final UUID membershipEvent = UUID.randomUUID();
  private final UUID transfer = UUID.randomUUID();

  /**
   * The schema owner's connection, kept for the whole class: a cell's rows are made in one
   * transaction and removed in another (2,000 cells × a new connection and 25 commits each was most
   * of this class's time).
   */
  private static Connection owner;

  @BeforeAll
  static void connect() throws SQLException {
    owner = TestStack.database().connect();
  }

  @AfterAll
  static void disconnect() throws SQLException {
    if (owner != null) {
      owner.close();
    }
  }

  /**
   * A request of its own, a second one with a transition and a timer (due in a month), a local
   * holiday far enough ahead to change no due date, and (once) an old audit record.
   */
  @BeforeEach
  void rowsOfAGrassrootsUnionInFutian() throws SQLException {
    inOneTransaction(
        () -> {
          for (UUID id : List.of(request, parent)) {
            update(
                owner,
                "insert into service_request (id, tenant_id, module, state, data, submitted_by,"
                    + " submitted_at, updated_at, config_version, version)"
                    + " values (?, ?, 'enrollment', 'submitted', '{}', ?, now(), now(), 0, 0)",
                id,
                TENANT,
                SUBMITTER);
          }
          update(
              owner,
              "insert into request_transition (id, request_id, tenant_id, to_state, action, actor,"
                  + " comment_text, occurred_at, config_version)"
                  + " values (?, ?, ?, 'submitted', 'submit', ?, 'original', now(), 0)",
              transition,
              parent,
              TENANT,
              SUBMITTER);
          update(
              owner,
              "insert into request_timer (id, request_id, tenant_id, kind, fire_at)"
                  + " values (?, ?, ?, 'ESCALATE', now() + interval '30 days')",
              timer,
              parent,
              TENANT);
          update(
              owner,
              "insert into tenant_holiday (id, tenant_id, calendar_date, name, created_by, created_at)"
                  + " values (?, ?, ?, 'original', ?, now())",
              holiday,
              TENANT,
              java.time.LocalDate.of(2199, 12, 31),
              SUBMITTER);
          update(
              owner,
              "insert into module_item (id, tenant_id, module, kind, title, fields, questions,"
                  + " audience, anonymous, results_visibility, state, created_by, created_at,"
                  + " updated_at, version) values (?, ?, 'survey', 'survey', 'original', '{}', '[]',"
                  + " 'SUBTREE_MEMBERS', false, 'NEVER', 'DRAFT', ?, now(), now(), 0)",
              item,
              TENANT,
              SUBMITTER);
          update(
              owner,
              "insert into module_action (id, tenant_id, module, target_id, action_type, actor,"
                  + " acted_on, payload) values (?, ?, 'survey', ?, 'answer', 'original',"
                  + " current_date, '{}')",
              action,
              TENANT,
              item);
          update(
              owner,
              "insert into module_participation (id, tenant_id, target_id, action_type, member,"
                  + " taken_on) values (?, ?, ?, 'answer', 'original', current_date)",
              participation,
              TENANT,
              item);
          update(
              owner,
              "insert into conversation_message (id, tenant_id, subject_id, seq, author,"
                  + " author_role, body, written_at) values (?, ?, ?, 1, ?, 'member', 'original',"
                  + " now())",
              message,
              TENANT,
              parent,
              SUBMITTER);
          update(
              owner,
              "insert into person (id, tenant_id, username, name, roles, enabled, setup_requested,"
                  + " version, created_by, created_at)"
                  + " values (?, ?, ?, 'original', 'staff', true, false, 0, ?, now())",
              person,
              TENANT,
              "iso-" + person.toString().substring(0, 8),
              SUBMITTER);
          // A member of the union (the submitter), their admission and a transfer they asked for.
          update(
              owner,
              "insert into membership (id, tenant_id, member_number, username, name,"
                  + " id_number_sealed, id_index, id_last4, status, joined_on, card_id, version)"
                  + " values (?, ?, ?, ?, 'original', 'uh1:isolation:x', ?, '0000', 'ACTIVE',"
                  + " current_date, ?, 0)",
              membership,
              TENANT,
              "ISO" + membership.toString().substring(0, 8),
              SUBMITTER,
              membership.toString(),
              UUID.randomUUID());
          update(
              owner,
              "insert into membership_event (id, membership_id, tenant_id, username, kind, actor,"
                  + " note, occurred_at) values (?, ?, ?, ?, 'JOINED', ?, 'original', now())",
              membershipEvent,
              membership,
              TENANT,
              SUBMITTER,
              SUBMITTER);
          update(
              owner,
              "insert into membership_transfer (id, membership_id, username, from_tenant, to_tenant,"
                  + " status, reason, refusal, requested_at, version)"
                  + " values (?, ?, ?, ?, ?, 'REQUESTED', 'new employer', 'original', now(), 0)",
              transfer,
              membership,
              SUBMITTER,
              TENANT,
              TENANT);
          if (!auditRecordMade) {
            update(
                owner,
                "insert into audit_record (id, occurred_at, actor, tenant_code, subject, action)"
                    + " values (?, timestamptz '2000-01-01 00:00:00+08', ?, ?, 'isolation', 'probe')",
                AUDIT_RECORD,
                SUBMITTER,
                TENANT);
          }
        });
    auditRecordMade = true; // committed
  }

  @AfterEach
  void removeTheRows() throws SQLException {
    inOneTransaction(
        () -> {
          update(owner, "delete from person where id = ?", person);
          update(owner, "delete from membership_transfer where id = ?", transfer);
          update(owner, "delete from membership_event where id = ?", membershipEvent);
          update(owner, "delete from membership where id = ?", membership);
          update(owner, "delete from conversation_message where id = ?", message);
          update(owner, "delete from module_participation where id = ?", participation);
          update(owner, "delete from module_action where id = ?", action);
          update(owner, "delete from module_item where id = ?", item);
          update(owner, "delete from tenant_holiday where id = ?", holiday);
          update(owner, "delete from request_timer where id = ?", timer);
          update(owner, "delete from request_transition where id = ?", transition);
          update(owner, "delete from service_request where id in (?, ?)", request, parent);
        });
  }

  private interface Work {
    void run() throws SQLException;
  }

  private static void inOneTransaction(Work work) throws SQLException {
    owner.setAutoCommit(false);
    try {
      work.run();
      owner.commit();
    } catch (SQLException | RuntimeException e) {
      owner.rollback();
      throw e;
    } finally {
      owner.setAutoCommit(true);
    }
  }

  /**
   * Statements are planned for their values unless the use case asks for PostgreSQL's cached plans
   * (ADR 27, 28), whatever the scope's size, and a later scope in the same transaction sets the
   * planning again.
   */
  @Test
  void statementsArePlannedPerExecutionUnlessTheUseCaseAsksForCachedPlans() {
    String modes =
        post(
            "/it/plan-mode",
            Map.of(
                "scopes",
                "gd-sz-ft,gd-sz-ft-001;gd-sz-ft-001;cached:gd-sz-ft-001;cached:*;"
                    + "cached:gd-sz,gd-sz-ft;*"));
    assertThat(modes.lines().toList())
        .containsExactly(
            "force_custom_plan", "force_custom_plan", "auto", "auto", "auto", "force_custom_plan");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cells")
  void aRowIsReachedExactlyWhenTheScopeCoversIt(Cell cell) throws SQLException {
    UUID id = target(cell.entity());
    long before = count(cell.entity());
    JsonObject answer = probe(cell, id);

    if (!cell.op().write) {
      assertThat(answer.containsKey("seen"))
          .as("a read answers, it does not fail: %s", answer)
          .isTrue();
      assertThat(answer.getBoolean("seen")).as("seen").isEqualTo(cell.allowed());
      return;
    }
    Map<UUID, String> after = rows(cell.entity(), id);
    if (!cell.allowed()) {
      if (answer.containsKey("rows")) {
        assertThat(answer.getInt("rows")).as("rows the refused write reports").isZero();
      }
      assertThat(after)
          .as("as the owner sees it afterwards: the row, unchanged")
          .containsExactly(Map.entry(id, Objects.toString(cell.entity().original)));
      assertThat(count(cell.entity())).as("rows in the table").isEqualTo(before);
      return;
    }
    assertThat(answer.containsKey("refused")).as("an allowed write succeeds: %s", answer).isFalse();
    switch (cell.op()) {
      case DELETE -> assertThat(after).as("the deleted row").isEmpty();
      case UPDATE -> assertThat(after).containsExactly(Map.entry(id, IsolationProbe.TAMPERED));
      case MERGE ->
          assertThat(after)
              .containsExactly(
                  Map.entry(
                      id,
                      cell.entity().mergeChangesNothing()
                          ? cell.entity().original
                          : IsolationProbe.TAMPERED));
      default -> throw new IllegalStateException(cell.op().name());
    }
  }

  private UUID target(Entity entity) {
    return switch (entity) {
      case REQUEST -> request;
      case TRANSITION -> transition;
      case TIMER -> timer;
      case HOLIDAY -> holiday;
      case AUDIT -> AUDIT_RECORD;
      case ITEM -> item;
      case ACTION -> action;
      case PARTICIPATION -> participation;
      case MESSAGE -> message;
      case PERSON -> person;
      case MEMBERSHIP -> membership;
      case MEMBERSHIP_EVENT -> membershipEvent;
      case TRANSFER -> transfer;
    };
  }

  private static JsonObject probe(Cell cell, UUID id) {
    var params = new LinkedHashMap<String, String>();
    params.put("entity", cell.entity().name);
    params.put("op", cell.op().name().toLowerCase());
    params.put("wall", cell.wall().param);
    params.put("scope", cell.scope().tenant);
    params.put("user", cell.scope().user);
    params.put("id", id.toString());
    return Json.createReader(new StringReader(post("/it/isolation", params))).readObject();
  }

  /** POSTs a form to one of this deployment's probes; answers the body of its 200. */
  private static String post(String path, Map<String, String> params) {
    String form =
        params.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    var request =
        HttpRequest.newBuilder(URI.create(Api.APP + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("probe: %s", response.body()).isEqualTo(200);
      return response.body();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("probe failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The row with this id, if any, with the column a write changes. */
  private static Map<UUID, String> rows(Entity entity, UUID id) throws SQLException {
    try (PreparedStatement s =
        owner.prepareStatement(
            "select id, " + entity.column + " from " + entity.table + " where id = ?")) {
      s.setObject(1, id);
      var rows = new LinkedHashMap<UUID, String>();
      try (var rs = s.executeQuery()) {
        while (rs.next()) {
          rows.put(rs.getObject(1, UUID.class), Objects.toString(rs.getString(2)));
        }
      }
      return rows;
    }
  }

  private static long count(Entity entity) throws SQLException {
    try (var s = owner.createStatement();
        var rs = s.executeQuery("select count(*) from " + entity.table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    }
  }
}
