package org.unionhub.platform.rules.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionhub.platform.rules.table.Tables.WORKERS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.rules.RuleOutcome;
import org.unionhub.platform.rules.RuleOutcome.Rejection;
import org.unionhub.platform.rules.table.DecisionTableSchema.Action;
import org.unionhub.platform.rules.table.DecisionTableSchema.Parameter;
import org.unionhub.platform.rules.table.DecisionTableSchema.Property;

/**
 * Random tables over every kind of property and operator, with hostile text among their values:
 * each one validates, renders to text the rule sandbox accepts, and — for a sample compiled on
 * Drools — decides for random facts exactly what a plain Java reading of the table decides.
 */
class GeneratedTablesTest {

  private static final List<String> TEXTS =
      List.of(
          "张三",
          "李四",
          "",
          "\"); System.exit(0); //",
          "\\u0022",
          "${x}",
          "a\nb",
          "back\\slash",
          "'single'");
  private static final List<String> ACTION_TEXTS =
      List.of("UNDER_18", "请核实劳动关系", "\"); System.exit(0); //", "\\u0022", "${x}", "a\nb");

  private final DecisionTableValidator validator = new DecisionTableValidator(WORKERS);
  private final DecisionTableRenderer renderer = new DecisionTableRenderer(WORKERS);

  @Test
  void everyGeneratedTableValidatesAndRendersToRulesTheSandboxAccepts() {
    var random = new Random(20261123);
    for (int i = 0; i < 400; i++) {
      DecisionTable table = table(random, i);
      assertThat(validator.validate(table)).as("table %d: %s", i, table).isEmpty();
      // The renderer checks its output with the sandbox and throws if it is refused.
      RenderedTable rendered = renderer.render(table);
      assertThat(rendered.rules()).hasSize(table.rows().size());
    }
  }

  @Test
  void generatedTablesDecideOnDroolsAsTheTableReads() {
    var random = new Random(7);
    for (int i = 0; i < 25; i++) {
      DecisionTable table = table(random, i);
      String drl = renderer.render(table).drl();
      for (int f = 0; f < 12; f++) {
        Worker worker = worker(random);
        RuleOutcome outcome = DecisionTableRendererTest.evaluate(WORKERS, drl, worker);
        List<TableRow> matching =
            table.rows().stream().filter(row -> matches(table, row, worker)).toList();
        if (table.hitPolicy() == HitPolicy.FIRST && !matching.isEmpty()) {
          matching = matching.subList(0, 1);
        }
        String context = "table " + i + " " + table + "\nfact " + worker + "\nrules\n" + drl;
        assertThat(outcome.rejections())
            .as(context)
            .containsExactlyInAnyOrderElementsOf(rejections(table, matching));
        assertThat(outcome.flags())
            .as(context)
            .containsExactlyInAnyOrderElementsOf(arguments(table, matching, "flagForReview"));
        assertSingleValue(outcome.routeTo(), arguments(table, matching, "routeTo"), context);
        assertSingleValue(
            outcome.dueInWorkingDays() == null ? null : outcome.dueInWorkingDays().toString(),
            arguments(table, matching, "dueInWorkingDays"),
            context);
      }
    }
  }

  /** Rows of hit policy "all" fire in an order the table does not fix; any of them may be last. */
  private static void assertSingleValue(String actual, List<String> candidates, String context) {
    if (candidates.isEmpty()) {
      assertThat(actual).as(context).isNull();
    } else {
      assertThat(candidates).as(context).contains(actual);
    }
  }

  // ---- the table as a reader would apply it

  private static boolean matches(DecisionTable table, TableRow row, Worker worker) {
    for (ConditionColumn column : table.conditions()) {
      List<String> values = row.condition(column.id()).stream().map(String::strip).toList();
      if (values.isEmpty()) {
        continue;
      }
      Property property = WORKERS.property("Worker", column.property()).orElseThrow();
      Operator operator = Operator.ofSymbol(column.operator()).orElseThrow();
      Object actual = worker.get(column.property());
      if (!holds(property, operator, actual, values)) {
        return false;
      }
    }
    return true;
  }

  private static boolean holds(
      Property property, Operator operator, Object actual, List<String> values) {
    if (operator.takesFlag()) {
      boolean empty = actual == null || "".equals(actual);
      return (operator == Operator.EMPTY) == Boolean.parseBoolean(values.get(0)) == empty;
    }
    List<Object> wanted = values.stream().map(v -> value(property.kind(), v)).toList();
    Object have = actual instanceof Number n ? new BigDecimal(n.toString()) : actual;
    return switch (operator) {
      case EQUAL -> equal(have, wanted.get(0));
      case NOT_EQUAL -> !equal(have, wanted.get(0));
      case IN -> wanted.stream().anyMatch(w -> equal(have, w));
      case NOT_IN -> wanted.stream().noneMatch(w -> equal(have, w));
      default -> have != null && order(operator, compare(have, wanted.get(0)));
    };
  }

  private static boolean order(Operator operator, int comparison) {
    return switch (operator) {
      case LESS -> comparison < 0;
      case LESS_OR_EQUAL -> comparison <= 0;
      case GREATER -> comparison > 0;
      case GREATER_OR_EQUAL -> comparison >= 0;
      default -> throw new IllegalArgumentException(operator.toString());
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object have, Object wanted) {
    return ((Comparable) have).compareTo(wanted);
  }

  private static boolean equal(Object have, Object wanted) {
    return have instanceof BigDecimal a && wanted instanceof BigDecimal b
        ? a.compareTo(b) == 0
        : Objects.equals(have, wanted);
  }

  private static Object value(ValueKind kind, String text) {
    return switch (kind) {
      case INTEGER, LONG, DECIMAL -> new BigDecimal(text);
      case BOOLEAN -> Boolean.parseBoolean(text);
      case DATE -> LocalDate.parse(text);
      case TEXT -> text;
    };
  }

  private static List<Rejection> rejections(DecisionTable table, List<TableRow> rows) {
    var result = new ArrayList<Rejection>();
    for (TableRow row : rows) {
      for (ActionColumn column : table.actions()) {
        Map<String, String> cell = row.action(column.id());
        if (column.action().equals("reject") && !cell.isEmpty()) {
          result.add(
              new Rejection(
                  cell.get("field").strip(),
                  cell.get("code").strip(),
                  cell.get("message").strip()));
        }
      }
    }
    return result;
  }

  private static List<String> arguments(DecisionTable table, List<TableRow> rows, String action) {
    var result = new ArrayList<String>();
    for (TableRow row : rows) {
      for (ActionColumn column : table.actions()) {
        Map<String, String> cell = row.action(column.id());
        if (column.action().equals(action) && !cell.isEmpty()) {
          result.add(cell.values().iterator().next().strip());
        }
      }
    }
    return result;
  }

  // ---- generators

  private static DecisionTable table(Random random, int n) {
    List<Property> properties = List.copyOf(WORKERS.properties("Worker").values());
    var conditions = new ArrayList<ConditionColumn>();
    int conditionCount = 1 + random.nextInt(4);
    for (int c = 0; c < conditionCount; c++) {
      Property property = pick(random, properties);
      Operator operator = pick(random, property.operators());
      conditions.add(new ConditionColumn("c" + c, property.name(), operator.symbol()));
    }
    var actions = new ArrayList<ActionColumn>();
    int actionCount = 1 + random.nextInt(3);
    for (int a = 0; a < actionCount; a++) {
      actions.add(new ActionColumn("a" + a, pick(random, WORKERS.actions()).name()));
    }
    HitPolicy policy = random.nextBoolean() ? HitPolicy.ALL : HitPolicy.FIRST;
    var rows = new ArrayList<TableRow>();
    int rowCount = 1 + random.nextInt(8);
    for (int r = 0; r < rowCount; r++) {
      var when = new LinkedHashMap<String, List<String>>();
      for (ConditionColumn column : conditions) {
        if (random.nextInt(10) < 6) {
          Property property = WORKERS.property("Worker", column.property()).orElseThrow();
          Operator operator = Operator.ofSymbol(column.operator()).orElseThrow();
          when.put(column.id(), cell(random, property, operator));
        }
      }
      var then = new LinkedHashMap<String, Map<String, String>>();
      for (ActionColumn column : actions) {
        if (random.nextBoolean() || (then.isEmpty() && policy == HitPolicy.ALL)) {
          Action action = WORKERS.action(column.action()).orElseThrow();
          var arguments = new LinkedHashMap<String, String>();
          for (Parameter parameter : action.parameters()) {
            arguments.put(
                parameter.name(),
                parameter.kind() == ValueKind.INTEGER
                    ? Integer.toString(1 + random.nextInt(30))
                    : pick(random, ACTION_TEXTS));
          }
          then.put(column.id(), arguments);
        }
      }
      String name = random.nextInt(4) == 0 ? "named-" + r : null;
      rows.add(new TableRow(name, when, then));
    }
    return new DecisionTable("gen.t" + n, "Worker", policy, conditions, actions, rows);
  }

  private static List<String> cell(Random random, Property property, Operator operator) {
    if (operator.takesFlag()) {
      return List.of(Boolean.toString(random.nextBoolean()));
    }
    int count = operator.takesList() ? 1 + random.nextInt(3) : 1;
    var values = new ArrayList<String>();
    for (int i = 0; i < count; i++) {
      values.add(text(random, property));
    }
    return values;
  }

  private static String text(Random random, Property property) {
    return switch (property.name()) {
      case "age" -> pick(random, List.of("16", "18", "30", "45", "60", "63"));
      case "yearsOfService" -> pick(random, List.of("0", "1", "5", "10"));
      case "staffCount" -> pick(random, List.of("0", "10", "3000000000"));
      case "monthlyWage" -> pick(random, List.of("0", "2500.5", "5000", "12000.75"));
      case "bonus" -> pick(random, List.of("0.5", "100"));
      case "member", "retired" -> pick(random, List.of("true", "false"));
      case "birthDate" -> pick(random, List.of("1960-05-01", "1990-01-31", "2000-02-29"));
      case "district" -> pick(random, property.choices());
      default -> pick(random, TEXTS.stream().filter(t -> !t.isBlank()).toList());
    };
  }

  private static Worker worker(Random random) {
    return new Worker()
        .age(Integer.parseInt(pick(random, List.of("16", "17", "18", "30", "45", "60", "63"))))
        .yearsOfService(random.nextInt(4) == 0 ? null : pick(random, List.of(0, 1, 3, 5, 10)))
        .staffCount(pick(random, List.of(0L, 10L, 3_000_000_000L, 2_999_999_999L)))
        .monthlyWage(pick(random, List.of(0.0, 2500.5, 5000.0, 12000.75)))
        .bonus(random.nextInt(3) == 0 ? null : pick(random, List.of(0.5, 100.0)))
        .name(random.nextInt(5) == 0 ? null : pick(random, TEXTS))
        .district(pick(random, Arrays.asList("gd-sz-ft", "gd-sz-ns", "", null)))
        .member(random.nextBoolean())
        .retired(pick(random, Arrays.asList(true, false, null)))
        .birthDate(
            pick(
                random,
                Arrays.asList(
                    LocalDate.of(1960, 5, 1),
                    LocalDate.of(1990, 1, 31),
                    LocalDate.of(1990, 2, 1),
                    LocalDate.of(2000, 2, 29),
                    null)));
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  @Test
  void theGeneratorsReachEveryOperatorAndKind() {
    var random = new Random(20261123);
    var seen = new HashMap<String, Integer>();
    for (int i = 0; i < 400; i++) {
      for (ConditionColumn column : table(random, i).conditions()) {
        Property property = WORKERS.property("Worker", column.property()).orElseThrow();
        seen.merge(property.kind() + " " + column.operator(), 1, Integer::sum);
      }
    }
    var expected =
        WORKERS.properties("Worker").values().stream()
            .flatMap(p -> p.operators().stream().map(o -> p.kind() + " " + o.symbol()))
            .collect(Collectors.toSet());
    assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(expected);
  }
}
