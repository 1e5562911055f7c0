package org.unionhub.platform.rules.table;

import static org.unionhub.platform.rules.table.TableProblem.Code.BAD_COLUMN_ID;
import static org.unionhub.platform.rules.table.TableProblem.Code.BAD_NAME;
import static org.unionhub.platform.rules.table.TableProblem.Code.BAD_RULE_NAME;
import static org.unionhub.platform.rules.table.TableProblem.Code.DUPLICATE_COLUMN;
import static org.unionhub.platform.rules.table.TableProblem.Code.DUPLICATE_RULE_NAME;
import static org.unionhub.platform.rules.table.TableProblem.Code.MISSING_ARGUMENT;
import static org.unionhub.platform.rules.table.TableProblem.Code.MISSING_NAME;
import static org.unionhub.platform.rules.table.TableProblem.Code.NOT_A_BOOLEAN;
import static org.unionhub.platform.rules.table.TableProblem.Code.NOT_A_CHOICE;
import static org.unionhub.platform.rules.table.TableProblem.Code.NOT_A_DATE;
import static org.unionhub.platform.rules.table.TableProblem.Code.NOT_A_NUMBER;
import static org.unionhub.platform.rules.table.TableProblem.Code.NOT_A_WHOLE_NUMBER;
import static org.unionhub.platform.rules.table.TableProblem.Code.NO_ACTION;
import static org.unionhub.platform.rules.table.TableProblem.Code.NUMBER_OUT_OF_RANGE;
import static org.unionhub.platform.rules.table.TableProblem.Code.ONE_VALUE_EXPECTED;
import static org.unionhub.platform.rules.table.TableProblem.Code.OPERATOR_NOT_FOR_TYPE;
import static org.unionhub.platform.rules.table.TableProblem.Code.TOO_LONG;
import static org.unionhub.platform.rules.table.TableProblem.Code.TOO_MANY_COLUMNS;
import static org.unionhub.platform.rules.table.TableProblem.Code.TOO_MANY_ROWS;
import static org.unionhub.platform.rules.table.TableProblem.Code.TOO_MANY_VALUES;
import static org.unionhub.platform.rules.table.TableProblem.Code.UNKNOWN_ACTION;
import static org.unionhub.platform.rules.table.TableProblem.Code.UNKNOWN_ARGUMENT;
import static org.unionhub.platform.rules.table.TableProblem.Code.UNKNOWN_COLUMN;
import static org.unionhub.platform.rules.table.TableProblem.Code.UNKNOWN_FACT_TYPE;
import static org.unionhub.platform.rules.table.TableProblem.Code.UNKNOWN_OPERATOR;
import static org.unionhub.platform.rules.table.TableProblem.Code.UNKNOWN_PROPERTY;
import static org.unionhub.platform.rules.table.TableProblem.Code.UNSAFE_TEXT;
import static org.unionhub.platform.rules.table.TableProblem.Code.UNSUPPORTED_PROPERTY_TYPE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.unionhub.platform.rules.RuleOutcome;
import org.unionhub.platform.rules.RuleSandbox;
import org.unionhub.platform.rules.table.DecisionTableSchema.Action;
import org.unionhub.platform.rules.table.DecisionTableSchema.Parameter;
import org.unionhub.platform.rules.table.DecisionTableSchema.Property;

/**
 * One check of one table: every problem with its place, and for a table without problems the pieces
 * of its rules — constraints and calls already written as DRL from typed values. The renderer only
 * arranges these pieces in its template, so what is checked is what runs.
 */
final class TableCheck {

  static final int MAX_ROWS = RuleSandbox.MAX_RULES;
  static final int MAX_CONDITION_COLUMNS = 20;
  static final int MAX_ACTION_COLUMNS = 10;
  static final int MAX_LIST_VALUES = 50;
  static final int MAX_TEXT_LENGTH = RuleOutcome.MAX_TEXT_LENGTH;
  static final int MAX_PREFIX_LENGTH = 60;

  /** As the rule sandbox checks rule names (LayerCheck), so that every name it gets passes. */
  static final int MAX_RULE_NAME_LENGTH = 100;

  static final String NAME_PUNCTUATION = ".-_:#()（）、，·";

  private static final Pattern COLUMN_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");
  private static final int MAX_NUMBER_LENGTH = 40;
  private static final BigDecimal DECIMAL_LIMIT = new BigDecimal("1e15");
  private static final int DECIMAL_DIGITS = 15;
  private static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
  private static final LocalDate LAST_DATE = LocalDate.of(2999, 12, 31);

  /** One rule, ready for the template. */
  record Rule(int row, String name, List<String> constraints, List<String> calls) {}

  /** A typed condition column. */
  private record Condition(ConditionColumn column, Property property, Operator operator) {}

  private final DecisionTableSchema schema;
  private final DecisionTable table;
  private final List<TableProblem> problems = new ArrayList<>();
  private final List<Rule> rules = new ArrayList<>();

  private TableCheck(DecisionTableSchema schema, DecisionTable table) {
    this.schema = schema;
    this.table = table;
  }

  static TableCheck run(DecisionTableSchema schema, DecisionTable table) {
    var check = new TableCheck(schema, table);
    check.check();
    return check;
  }

  List<TableProblem> problems() {
    return problems;
  }

  List<Rule> rules() {
    return rules;
  }

  String prefix() {
    return table.name().strip();
  }

  HitPolicy hitPolicy() {
    return table.hitPolicy();
  }

  String factType() {
    return table.factType();
  }

  private void check() {
    checkName();
    boolean knownFact = schema.factTypes().contains(table.factType());
    if (!knownFact) {
      problems.add(
          TableProblem.ofTable(
              "factType",
              UNKNOWN_FACT_TYPE,
              "'"
                  + table.factType()
                  + "' is not a fact type of this module; tables may use "
                  + String.join(", ", schema.factTypes())));
    }
    if (table.conditions().size() > MAX_CONDITION_COLUMNS) {
      problems.add(
          TableProblem.ofTable(
              "conditions",
              TOO_MANY_COLUMNS,
              "a table has at most " + MAX_CONDITION_COLUMNS + " condition columns"));
    }
    if (table.actions().size() > MAX_ACTION_COLUMNS) {
      problems.add(
          TableProblem.ofTable(
              "actions",
              TOO_MANY_COLUMNS,
              "a table has at most " + MAX_ACTION_COLUMNS + " action columns"));
    }
    if (table.rows().size() > MAX_ROWS) {
      problems.add(
          TableProblem.ofTable(
              "rows",
              TOO_MANY_ROWS,
              "a table has at most "
                  + MAX_ROWS
                  + " rows (a rule layer at most "
                  + RuleSandbox.MAX_RULES
                  + " rules); this one has "
                  + table.rows().size()));
    }
    Set<String> ids = new HashSet<>();
    var conditions = new LinkedHashMap<String, Condition>();
    for (ConditionColumn column : table.conditions()) {
      if (checkColumnId(column.id(), ids)) {
        Condition condition = knownFact ? condition(column) : null;
        if (condition != null) {
          conditions.put(column.id(), condition);
        }
      }
    }
    var actions = new LinkedHashMap<String, Action>();
    for (ActionColumn column : table.actions()) {
      if (checkColumnId(column.id(), ids)) {
        Action action = action(column);
        if (action != null) {
          actions.put(column.id(), action);
        }
      }
    }
    if (table.rows().size() <= MAX_ROWS) {
      var names = new HashMap<String, Integer>();
      for (int i = 0; i < table.rows().size(); i++) {
        checkRow(i + 1, table.rows().get(i), conditions, actions, names);
      }
    }
    if (!problems.isEmpty()) {
      rules.clear();
    }
  }

  private void checkName() {
    String name = table.name();
    if (name == null || name.isBlank()) {
      problems.add(
          TableProblem.ofTable(
              "name", MISSING_NAME, "the table needs a name: the prefix of its rules' names"));
    } else if (name.strip().length() > MAX_PREFIX_LENGTH || !isPlainName(name.strip())) {
      problems.add(
          TableProblem.ofTable(
              "name",
              BAD_NAME,
              "a table's name has 1 to "
                  + MAX_PREFIX_LENGTH
                  + " letters, digits, spaces and "
                  + NAME_PUNCTUATION
                  + " only"));
    }
  }

  private boolean checkColumnId(String id, Set<String> ids) {
    if (id == null || !COLUMN_ID.matcher(id).matches()) {
      problems.add(
          TableProblem.ofColumn(
              id,
              "id",
              BAD_COLUMN_ID,
              "a column id starts with a letter and has up to 40 letters, digits, - and _"));
      return false;
    }
    if (!ids.add(id)) {
      problems.add(
          TableProblem.ofColumn(
              id, "id", DUPLICATE_COLUMN, "two columns have the id '" + id + "'"));
      return false;
    }
    return true;
  }

  private Condition condition(ConditionColumn column) {
    String fact = table.factType();
    var property = schema.property(fact, column.property());
    if (property.isEmpty()) {
      boolean readable =
          column.property() != null && schema.isReadableOnly(fact, column.property());
      problems.add(
          TableProblem.ofColumn(
              column.id(),
              "property",
              readable ? UNSUPPORTED_PROPERTY_TYPE : UNKNOWN_PROPERTY,
              readable
                  ? column.property()
                      + " cannot be compared in a table: tables compare numbers, text, true/false"
                      + " and dates"
                  : "'"
                      + column.property()
                      + "' is not a property of "
                      + fact
                      + "; tables may compare "
                      + String.join(", ", schema.properties(fact).keySet())));
      return null;
    }
    var operator = Operator.ofSymbol(column.operator());
    if (operator.isEmpty()) {
      problems.add(
          TableProblem.ofColumn(
              column.id(),
              "operator",
              UNKNOWN_OPERATOR,
              "'" + column.operator() + "' is not an operator; use " + symbols(property.get())));
      return null;
    }
    if (!property.get().fits(operator.get())) {
      problems.add(
          TableProblem.ofColumn(
              column.id(),
              "operator",
              OPERATOR_NOT_FOR_TYPE,
              "'"
                  + operator.get().symbol()
                  + "' does not fit "
                  + column.property()
                  + " ("
                  + describe(property.get())
                  + "); use "
                  + symbols(property.get())));
      return null;
    }
    return new Condition(column, property.get(), operator.get());
  }

  private Action action(ActionColumn column) {
    var action = schema.action(column.action());
    if (action.isEmpty()) {
      problems.add(
          TableProblem.ofColumn(
              column.id(),
              "action",
              UNKNOWN_ACTION,
              "'"
                  + column.action()
                  + "' is not an action tables can call; use "
                  + String.join(", ", schema.actions().stream().map(Action::name).toList())));
      return null;
    }
    return action.get();
  }

  private void checkRow(
      int n,
      TableRow row,
      Map<String, Condition> conditions,
      Map<String, Action> actions,
      Map<String, Integer> names) {
    String name = ruleName(n, row, names);
    var constraints = new ArrayList<String>();
    row.when()
        .forEach(
            (column, values) -> {
              if (table.conditions().stream().noneMatch(c -> column.equals(c.id()))
                  && !isBlank(values)) {
                unknownColumn(n, column, "condition");
              }
            });
    for (Condition condition : conditions.values()) {
      String constraint = constraint(n, condition, row.condition(condition.column().id()));
      if (constraint != null) {
        constraints.add(constraint);
      }
    }
    var calls = new ArrayList<String>();
    boolean anyAction = false;
    for (var cell : row.then().entrySet()) {
      if (!isBlank(cell.getValue().values())) {
        anyAction = true;
        String column = cell.getKey();
        if (table.actions().stream().noneMatch(a -> column.equals(a.id()))) {
          unknownColumn(n, column, "action");
        }
      }
    }
    for (var entry : actions.entrySet()) {
      String call = call(n, entry.getKey(), entry.getValue(), row.action(entry.getKey()));
      if (call != null) {
        calls.add(call);
      }
    }
    if (!anyAction && table.hitPolicy() == HitPolicy.ALL) {
      problems.add(
          TableProblem.ofRow(
              n,
              null,
              null,
              NO_ACTION,
              "the row does nothing; fill in an action, or delete the row (with the hit policy"
                  + " 'first', a row without actions stops the rows below it)"));
    }
    if (name != null) {
      rules.add(new Rule(n, name, constraints, calls));
    }
  }

  private void unknownColumn(int row, String column, String kind) {
    problems.add(
        TableProblem.ofRow(
            row,
            column,
            null,
            UNKNOWN_COLUMN,
            "the row has a cell for '"
                + column
                + "', which is no "
                + kind
                + " column of the table"));
  }

  private String ruleName(int n, TableRow row, Map<String, Integer> names) {
    if (table.name() == null || table.name().isBlank()) {
      return null;
    }
    String given = row.name() == null || row.name().isBlank() ? null : row.name().strip();
    if (given != null && !isPlainName(given)) {
      problems.add(
          TableProblem.ofRow(
              n,
              null,
              "name",
              BAD_RULE_NAME,
              "a row's name has letters, digits, spaces and " + NAME_PUNCTUATION + " only"));
      return null;
    }
    String name = table.name().strip() + "." + (given == null ? Integer.toString(n) : given);
    if (name.length() > MAX_RULE_NAME_LENGTH) {
      problems.add(
          TableProblem.ofRow(
              n,
              null,
              "name",
              BAD_RULE_NAME,
              "the rule's name '"
                  + name
                  + "' is longer than "
                  + MAX_RULE_NAME_LENGTH
                  + " characters; shorten the table's or the row's name"));
      return null;
    }
    Integer earlier = names.putIfAbsent(name, n);
    if (earlier != null) {
      problems.add(
          TableProblem.ofRow(
              n,
              null,
              "name",
              DUPLICATE_RULE_NAME,
              "row " + earlier + " already makes a rule named '" + name + "'"));
      return null;
    }
    return name;
  }

  // ---- conditions

  private String constraint(int row, Condition condition, List<String> cell) {
    List<String> values = cell.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    if (values.isEmpty()) {
      return null;
    }
    String id = condition.column().id();
    String property = condition.property().name();
    Operator operator = condition.operator();
    if (operator.takesFlag()) {
      if (values.size() != 1) {
        problems.add(
            TableProblem.ofRow(
                row, id, null, ONE_VALUE_EXPECTED, "write true, false or nothing (any)"));
        return null;
      }
      Boolean wanted = bool(row, id, null, values.get(0));
      if (wanted == null) {
        return null;
      }
      boolean empty = (operator == Operator.EMPTY) == wanted;
      if (condition.property().kind() == ValueKind.TEXT) {
        return empty
            ? "(" + property + " == null || " + property + " == \"\")"
            : property + " != null && " + property + " != \"\"";
      }
      return property + (empty ? " == null" : " != null");
    }
    if (!operator.takesList() && values.size() != 1) {
      problems.add(
          TableProblem.ofRow(
              row,
              id,
              null,
              ONE_VALUE_EXPECTED,
              "'"
                  + operator.symbol()
                  + "' compares with one value; this cell has "
                  + values.size()));
      return null;
    }
    if (values.size() > MAX_LIST_VALUES) {
      problems.add(
          TableProblem.ofRow(
              row,
              id,
              null,
              TOO_MANY_VALUES,
              "a cell holds at most " + MAX_LIST_VALUES + " values; this one " + values.size()));
      return null;
    }
    var literals = new ArrayList<String>();
    for (String value : values) {
      String literal = literal(row, id, null, condition.property(), value);
      if (literal == null) {
        return null;
      }
      literals.add(literal);
    }
    if (operator.takesList()) {
      return property + " " + operator.symbol() + " (" + String.join(", ", literals) + ")";
    }
    String comparison = property + " " + operator.symbol() + " " + literals.get(0);
    // A missing number or date is neither smaller nor larger than anything.
    return operator.orders() && condition.property().nullable()
        ? property + " != null && " + comparison
        : comparison;
  }

  // ---- actions

  private String call(int row, String column, Action action, Map<String, String> cell) {
    var known = new HashSet<String>();
    action.parameters().forEach(p -> known.add(p.name()));
    boolean bad = false;
    for (var argument : cell.entrySet()) {
      if (!known.contains(argument.getKey()) && !isBlank(argument.getValue())) {
        problems.add(
            TableProblem.ofRow(
                row,
                column,
                argument.getKey(),
                UNKNOWN_ARGUMENT,
                action.name()
                    + " has no parameter '"
                    + argument.getKey()
                    + "'; its parameters are "
                    + String.join(
                        ", ", action.parameters().stream().map(Parameter::name).toList())));
        bad = true;
      }
    }
    boolean any = action.parameters().stream().anyMatch(p -> !isBlank(cell.get(p.name())));
    if (!any || bad) {
      return null;
    }
    var arguments = new ArrayList<String>();
    for (Parameter parameter : action.parameters()) {
      String value = cell.get(parameter.name());
      if (isBlank(value)) {
        problems.add(
            TableProblem.ofRow(
                row,
                column,
                parameter.name(),
                MISSING_ARGUMENT,
                action.name() + " needs a value for " + parameter.name()));
        bad = true;
        continue;
      }
      String literal =
          literal(
              row,
              column,
              parameter.name(),
              new Property(parameter.name(), parameter.kind(), false, List.of()),
              value.strip());
      if (literal == null) {
        bad = true;
      } else {
        arguments.add(literal);
      }
    }
    return bad ? null : "actions." + action.name() + "(" + String.join(", ", arguments) + ");";
  }

  // ---- values

  private String literal(int row, String column, String field, Property property, String value) {
    return switch (property.kind()) {
      case INTEGER -> wholeNumber(row, column, field, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case LONG -> {
        String digits = wholeNumber(row, column, field, value, Long.MIN_VALUE, Long.MAX_VALUE);
        yield digits == null ? null : DrlLiterals.longInteger(Long.parseLong(digits));
      }
      case DECIMAL -> decimal(row, column, field, value);
      case BOOLEAN -> {
        Boolean b = bool(row, column, field, value);
        yield b == null ? null : b.toString();
      }
      case DATE -> date(row, column, field, value);
      case TEXT -> text(row, column, field, property, value);
    };
  }

  private BigDecimal number(int row, String column, String field, String value) {
    if (value.length() <= MAX_NUMBER_LENGTH) {
      try {
        return new BigDecimal(value);
      } catch (NumberFormatException notANumber) {
        // reported below
      }
    }
    problems.add(
        TableProblem.ofRow(
            row, column, field, NOT_A_NUMBER, "'" + shorten(value) + "' is not a number"));
    return null;
  }

  private String wholeNumber(
      int row, String column, String field, String value, long min, long max) {
    BigDecimal number = number(row, column, field, value);
    if (number == null) {
      return null;
    }
    // Compared before anything else: it is cheap even for 1e999999999, and bounds what follows.
    if (number.compareTo(BigDecimal.valueOf(min)) < 0
        || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      problems.add(
          TableProblem.ofRow(
              row,
              column,
              field,
              NUMBER_OUT_OF_RANGE,
              value + " is outside " + min + " to " + max));
      return null;
    }
    if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
      problems.add(
          TableProblem.ofRow(
              row, column, field, NOT_A_WHOLE_NUMBER, value + " is not a whole number"));
      return null;
    }
    return DrlLiterals.integer(number.longValueExact());
  }

  private String decimal(int row, String column, String field, String value) {
    BigDecimal number = number(row, column, field, value);
    if (number == null) {
      return null;
    }
    if (number.abs().compareTo(DECIMAL_LIMIT) >= 0
        || number.stripTrailingZeros().precision() > DECIMAL_DIGITS) {
      problems.add(
          TableProblem.ofRow(
              row,
              column,
              field,
              NUMBER_OUT_OF_RANGE,
              value
                  + " is too large or too precise: numbers here are below 10^15 with at most "
                  + DECIMAL_DIGITS
                  + " digits"));
      return null;
    }
    return DrlLiterals.decimal(number);
  }

  private Boolean bool(int row, String column, String field, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        problems.add(
            TableProblem.ofRow(
                row,
                column,
                field,
                NOT_A_BOOLEAN,
                "'" + shorten(value) + "' is neither true nor false"));
        yield null;
      }
    };
  }

  private String date(int row, String column, String field, String value) {
    LocalDate date;
    try {
      date = LocalDate.parse(value);
    } catch (DateTimeParseException notADate) {
      problems.add(
          TableProblem.ofRow(
              row,
              column,
              field,
              NOT_A_DATE,
              "'" + shorten(value) + "' is not a date written yyyy-MM-dd, such as 2026-10-01"));
      return null;
    }
    if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
      problems.add(
          TableProblem.ofRow(
              row,
              column,
              field,
              NOT_A_DATE,
              value + " is outside " + FIRST_DATE + " to " + LAST_DATE));
      return null;
    }
    return DrlLiterals.date(date);
  }

  private String text(int row, String column, String field, Property property, String value) {
    if (value.length() > MAX_TEXT_LENGTH) {
      problems.add(
          TableProblem.ofRow(
              row,
              column,
              field,
              TOO_LONG,
              "the text has "
                  + value.length()
                  + " characters; rules keep at most "
                  + MAX_TEXT_LENGTH));
      return null;
    }
    int unsafe = value.codePoints().filter(DrlLiterals::isUnsafe).findFirst().orElse(-1);
    if (unsafe >= 0) {
      problems.add(
          TableProblem.ofRow(
              row,
              column,
              field,
              UNSAFE_TEXT,
              String.format(
                  "the text holds the invisible or control character U+%04X; retype it without",
                  unsafe)));
      return null;
    }
    if (!property.choices().isEmpty() && !property.choices().contains(value)) {
      problems.add(
          TableProblem.ofRow(
              row,
              column,
              field,
              NOT_A_CHOICE,
              "'"
                  + shorten(value)
                  + "' is not a value of "
                  + property.name()
                  + "; it takes "
                  + String.join(", ", property.choices())));
      return null;
    }
    return DrlLiterals.string(value);
  }

  // ---- helpers

  static boolean isPlainName(String name) {
    return !name.isBlank()
        && name.codePoints()
            .allMatch(
                c -> Character.isLetterOrDigit(c) || c == ' ' || NAME_PUNCTUATION.indexOf(c) >= 0);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static boolean isBlank(Iterable<String> values) {
    for (String value : values) {
      if (!isBlank(value)) {
        return false;
      }
    }
    return true;
  }

  private static String shorten(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }

  private static String symbols(Property property) {
    return String.join(", ", property.operators().stream().map(Operator::symbol).toList());
  }

  private static String describe(Property property) {
    String kind =
        switch (property.kind()) {
          case INTEGER, LONG, DECIMAL -> "a number";
          case TEXT -> property.choices().isEmpty() ? "text" : "a choice";
          case BOOLEAN -> "true or false";
          case DATE -> "a date";
        };
    return property.nullable() ? kind + " or nothing" : kind;
  }
}
