package org.unionhub.ui.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.unionhub.platform.rules.table.ActionColumn;
import org.unionhub.platform.rules.table.ConditionColumn;
import org.unionhub.platform.rules.table.DecisionTable;
import org.unionhub.platform.rules.table.DecisionTableJson;
import org.unionhub.platform.rules.table.DecisionTableSchema;
import org.unionhub.platform.rules.table.DecisionTableSchema.Action;
import org.unionhub.platform.rules.table.DecisionTableSchema.Parameter;
import org.unionhub.platform.rules.table.DecisionTableSchema.Property;
import org.unionhub.platform.rules.table.DecisionTableValidator;
import org.unionhub.platform.rules.table.HitPolicy;
import org.unionhub.platform.rules.table.Operator;
import org.unionhub.platform.rules.table.TableProblem;
import org.unionhub.platform.rules.table.TableRow;
import org.unionhub.platform.rules.table.ValueKind;

/**
 * The decision table behind the grid of {@code uh:decisionTable}, as the author edits it: cells are
 * text, one input each (an action cell one per parameter). {@link #toTable()} and {@link #toJson()}
 * give the table in the platform's model and JSON form; {@link #validate()} checks it and keeps the
 * problems so that the grid can mark their cells.
 *
 * <p>A page keeps one per table in view scope (it is serializable) and passes it to the composite
 * as {@code editor}. It knows nothing of Faces, so its behaviour is tested without a server.
 *
 * <p>In the grid, the values of an {@code in} or {@code not in} cell are separated by commas
 * ({@code ,}, {@code ，} or {@code 、}) or line breaks; a value that itself holds a comma can only be
 * written in the JSON form.
 */
public final class DecisionTableEditor implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Pattern LIST_SEPARATOR = Pattern.compile("[,，、\\n]");

  /** A condition column as the grid shows it. */
  public final class ConditionColumnModel implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String id;
    private String property;
    private String operator;

    ConditionColumnModel(String id, String property, String operator) {
      this.id = id;
      this.property = property;
      this.operator = operator;
    }

    public String getId() {
      return id;
    }

    public String getProperty() {
      return property;
    }

    public void setProperty(String property) {
      this.property = property;
    }

    public String getOperator() {
      return operator;
    }

    public void setOperator(String operator) {
      this.operator = operator;
    }

    /**
     * @return the property's description, empty when the fact type has no such property
     */
    public Optional<Property> property() {
      return schema.property(factType, property);
    }

    /**
     * @return the operator's name in {@link Operator} ({@code LESS}), for its label; the text as
     *     written when it is no operator
     */
    public String getOperatorName() {
      return Operator.ofSymbol(operator).map(Operator::name).orElse(operator);
    }

    /**
     * @return the values a cell may choose from when it holds one value of a closed set (a choice
     *     or true/false), otherwise empty: the grid shows a menu instead of a text field
     */
    public List<String> getCellOptions() {
      Optional<Operator> op = Operator.ofSymbol(operator);
      if (op.isEmpty() || op.get().takesList()) {
        return List.of();
      }
      if (op.get().takesFlag()) {
        return List.of("true", "false");
      }
      return property()
          .map(p -> p.kind() == ValueKind.BOOLEAN ? List.of("true", "false") : p.choices())
          .orElse(List.of());
    }

    /**
     * @return whether cells hold several values, separated by commas
     */
    public boolean isList() {
      return Operator.ofSymbol(operator).map(Operator::takesList).orElse(false);
    }

    /**
     * @return the kind of the property's values ({@code INTEGER}, {@code TEXT}...), for a hint in
     *     empty cells; empty when the property is unknown
     */
    public String getKind() {
      return property().map(p -> p.kind().name()).orElse("");
    }

    /**
     * @return the values the property may take, empty when any value of its kind is possible
     */
    public List<String> getChoices() {
      return property().map(Property::choices).orElse(List.of());
    }
  }

  /** An action column as the grid shows it. */
  public final class ActionColumnModel implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String id;
    private String action;

    ActionColumnModel(String id, String action) {
      this.id = id;
      this.action = action;
    }

    public String getId() {
      return id;
    }

    public String getAction() {
      return action;
    }

    public void setAction(String action) {
      this.action = action;
    }

    /**
     * @return the action's parameters, one input each in every row; empty for an unknown action
     */
    public List<Parameter> getParameters() {
      return schema.action(action).map(Action::parameters).orElse(List.of());
    }
  }

  /** A row as the grid shows it: cell texts by column id. */
  public static final class RowModel implements Serializable {
    private static final long serialVersionUID = 1L;
    private String name;
    private final Map<String, String> when = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> then = new LinkedHashMap<>();

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    /**
     * @return condition cells by column id, for {@code #{row.when[column.id]}}
     */
    public Map<String, String> getWhen() {
      return when;
    }

    /**
     * @return action cells by column id, each arguments by parameter name, for {@code
     *     #{row.then[column.id][parameter.name]}}
     */
    public Map<String, Map<String, String>> getThen() {
      return then;
    }
  }

  private final DecisionTableSchema schema;
  private String name;
  private String factType;
  private HitPolicy hitPolicy;
  private final List<ConditionColumnModel> conditions = new ArrayList<>();
  private final List<ActionColumnModel> actions = new ArrayList<>();
  private final List<RowModel> rows = new ArrayList<>();
  private List<TableProblem> problems = List.of();
  private boolean checked;
  private String newProperty;
  private String newOperator;
  private String newAction;

  private DecisionTableEditor(DecisionTableSchema schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
  }

  /**
   * An editor of an existing table.
   *
   * @param schema what the module's tables may use
   * @param table the table
   * @return the editor
   */
  public static DecisionTableEditor of(DecisionTableSchema schema, DecisionTable table) {
    var editor = new DecisionTableEditor(schema);
    editor.load(table);
    return editor;
  }

  /**
   * An editor of a table in its JSON form.
   *
   * @param schema what the module's tables may use
   * @param json the table, as {@link DecisionTableJson} reads it
   * @return the editor
   * @throws org.unionhub.platform.rules.table.DecisionTableException when the JSON has the wrong
   *     shape
   */
  public static DecisionTableEditor of(DecisionTableSchema schema, String json) {
    return of(schema, DecisionTableJson.read(json));
  }

  /**
   * An editor of a new table on the schema's first fact type, with one empty row.
   *
   * @param schema what the module's tables may use
   * @param name the prefix of the rules' names
   * @return the editor
   */
  public static DecisionTableEditor create(DecisionTableSchema schema, String name) {
    var editor = new DecisionTableEditor(schema);
    editor.load(
        new DecisionTable(
            name,
            schema.factTypes().isEmpty() ? null : schema.factTypes().get(0),
            HitPolicy.ALL,
            List.of(),
            List.of(),
            List.of(new TableRow(null, Map.of(), Map.of()))));
    return editor;
  }

  private void load(DecisionTable table) {
    name = table.name();
    factType = table.factType();
    hitPolicy = table.hitPolicy();
    conditions.clear();
    actions.clear();
    rows.clear();
    table
        .conditions()
        .forEach(c -> conditions.add(new ConditionColumnModel(c.id(), c.property(), c.operator())));
    table.actions().forEach(a -> actions.add(new ActionColumnModel(a.id(), a.action())));
    for (TableRow row : table.rows()) {
      var model = new RowModel();
      model.name = row.name();
      row.when().forEach((column, values) -> model.when.put(column, String.join(", ", values)));
      row.then()
          .forEach((column, arguments) -> model.then.put(column, new LinkedHashMap<>(arguments)));
      rows.add(model);
    }
    rows.forEach(this::fillCells);
    problems = List.of();
  }

  // ---- the table

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getFactType() {
    return factType;
  }

  public void setFactType(String factType) {
    this.factType = factType;
  }

  /**
   * @return {@code all} or {@code first}
   */
  public String getHitPolicy() {
    return hitPolicy.jsonName();
  }

  public void setHitPolicy(String hitPolicy) {
    this.hitPolicy = HitPolicy.ofJsonName(hitPolicy).orElse(HitPolicy.ALL);
  }

  /**
   * @return the module's fact types
   */
  public List<String> getFactTypeOptions() {
    return schema.factTypes();
  }

  /**
   * @return the hit policies, as {@link #getHitPolicy()} names them
   */
  public List<String> getHitPolicyOptions() {
    return Arrays.stream(HitPolicy.values()).map(HitPolicy::jsonName).toList();
  }

  /**
   * @return the properties condition columns may compare, of the current fact type
   */
  public List<Property> getPropertyOptions() {
    return List.copyOf(schema.properties(factType).values());
  }

  /**
   * @return the actions action columns may call
   */
  public List<Action> getActionOptions() {
    return schema.actions();
  }

  // ---- columns

  public List<ConditionColumnModel> getConditionColumns() {
    return conditions;
  }

  public List<ActionColumnModel> getActionColumns() {
    return actions;
  }

  /** The property of the next condition column, chosen in the grid's toolbar. */
  public String getNewProperty() {
    return newProperty;
  }

  public void setNewProperty(String newProperty) {
    this.newProperty = newProperty;
  }

  /** The operator of the next condition column; blank for the property's first. */
  public String getNewOperator() {
    return newOperator;
  }

  public void setNewOperator(String newOperator) {
    this.newOperator = newOperator;
  }

  /** The action of the next action column. */
  public String getNewAction() {
    return newAction;
  }

  public void setNewAction(String newAction) {
    this.newAction = newAction;
  }

  /**
   * @return the operators that fit {@link #getNewProperty()}; their {@link Operator#symbol()} is
   *     the value of {@link #setNewOperator}
   */
  public List<Operator> getNewOperatorOptions() {
    return schema.property(factType, newProperty).map(Property::operators).orElse(List.of());
  }

  /**
   * Adds a condition column on {@link #getNewProperty()} with {@link #getNewOperator()}; does
   * nothing when no property is chosen.
   */
  public void addConditionColumn() {
    if (newProperty == null || newProperty.isBlank()) {
      return;
    }
    String operator =
        newOperator == null || newOperator.isBlank()
            ? getNewOperatorOptions().stream().findFirst().orElse(Operator.EQUAL).symbol()
            : newOperator;
    addConditionColumn(newProperty, operator);
    newProperty = null;
    newOperator = null;
  }

  /**
   * Adds a condition column with an id made from the property, unique in the table.
   *
   * @param property the property
   * @param operator the operator's symbol
   * @return the new column's id
   */
  public String addConditionColumn(String property, String operator) {
    String id = uniqueId(property);
    conditions.add(new ConditionColumnModel(id, property, operator));
    rows.forEach(this::fillCells);
    changed();
    return id;
  }

  /** Adds an action column calling {@link #getNewAction()}; nothing when none is chosen. */
  public void addActionColumn() {
    if (newAction == null || newAction.isBlank()) {
      return;
    }
    addActionColumn(newAction);
    newAction = null;
  }

  /**
   * Adds an action column with an id made from the action, unique in the table.
   *
   * @param action the action
   * @return the new column's id
   */
  public String addActionColumn(String action) {
    String id = uniqueId(action);
    actions.add(new ActionColumnModel(id, action));
    rows.forEach(this::fillCells);
    changed();
    return id;
  }

  /**
   * Removes a column, condition or action, and its cells.
   *
   * @param id the column's id
   */
  public void removeColumn(String id) {
    conditions.removeIf(c -> c.id.equals(id));
    actions.removeIf(a -> a.id.equals(id));
    for (RowModel row : rows) {
      row.when.remove(id);
      row.then.remove(id);
    }
    changed();
  }

  /** Problems point at rows and columns by place and id; after a change they may point amiss. */
  private void changed() {
    problems = List.of();
    checked = false;
  }

  private String uniqueId(String base) {
    String stem = base == null ? "" : base.replaceAll("[^A-Za-z0-9_-]", "");
    if (stem.isEmpty() || !Character.isLetter(stem.charAt(0))) {
      stem = "c" + stem;
    }
    stem = stem.length() > 36 ? stem.substring(0, 36) : stem;
    String id = stem;
    for (int n = 2; isTaken(id); n++) {
      id = stem + "-" + n;
    }
    return id;
  }

  private boolean isTaken(String id) {
    return conditions.stream().anyMatch(c -> c.id.equals(id))
        || actions.stream().anyMatch(a -> a.id.equals(id));
  }

  // ---- rows

  public List<RowModel> getRows() {
    return rows;
  }

  /** Adds an empty row at the end. */
  public void addRow() {
    var row = new RowModel();
    fillCells(row);
    rows.add(row);
    checked = false;
  }

  /**
   * @param index the row's index, from 0
   */
  public void removeRow(int index) {
    if (index >= 0 && index < rows.size()) {
      rows.remove(index);
      changed();
    }
  }

  /**
   * Moves a row one place up, so that it comes first among rows that match the same facts.
   *
   * @param index the row's index, from 0
   */
  public void moveRowUp(int index) {
    if (index > 0 && index < rows.size()) {
      rows.add(index - 1, rows.remove(index));
      changed();
    }
  }

  /** Gives a row an input for each column, so that the grid binds to existing map entries. */
  private void fillCells(RowModel row) {
    conditions.forEach(c -> row.when.putIfAbsent(c.id, ""));
    for (ActionColumnModel action : actions) {
      Map<String, String> cell = row.then.computeIfAbsent(action.id, id -> new LinkedHashMap<>());
      action.getParameters().forEach(p -> cell.putIfAbsent(p.name(), ""));
    }
  }

  // ---- the table's forms

  /**
   * @return the table in the platform's model: list cells split at commas and line breaks, blank
   *     cells and arguments left out
   */
  public DecisionTable toTable() {
    var rowList = new ArrayList<TableRow>();
    for (RowModel row : rows) {
      var when = new LinkedHashMap<String, List<String>>();
      row.when.forEach(
          (column, text) -> {
            if (text != null && !text.isBlank()) {
              boolean list = conditions.stream().anyMatch(c -> c.id.equals(column) && c.isList());
              when.put(
                  column,
                  list
                      ? LIST_SEPARATOR
                          .splitAsStream(text)
                          .map(String::strip)
                          .filter(v -> !v.isEmpty())
                          .toList()
                      : List.of(text));
            }
          });
      var then = new LinkedHashMap<String, Map<String, String>>();
      row.then.forEach(
          (column, arguments) -> {
            var filled = new LinkedHashMap<String, String>();
            arguments.forEach(
                (parameter, value) -> {
                  if (value != null && !value.isBlank()) {
                    filled.put(parameter, value);
                  }
                });
            if (!filled.isEmpty()) {
              then.put(column, filled);
            }
          });
      rowList.add(new TableRow(row.name, when, then));
    }
    return new DecisionTable(
        name,
        factType,
        hitPolicy,
        conditions.stream().map(c -> new ConditionColumn(c.id, c.property, c.operator)).toList(),
        actions.stream().map(a -> new ActionColumn(a.id, a.action)).toList(),
        rowList);
  }

  /**
   * @return the table in its JSON form, {@code {"decisionTable": {...}}}
   */
  public String toJson() {
    return DecisionTableJson.write(toTable()).toString();
  }

  /**
   * Checks the table and keeps the problems for the grid.
   *
   * @return every problem, empty when the table may run
   */
  public List<TableProblem> validate() {
    problems = new DecisionTableValidator(schema).validate(toTable());
    checked = true;
    return problems;
  }

  /**
   * @return whether {@link #validate()} ran since rows or columns last changed, so that the grid
   *     says "no problems" only when that was checked
   */
  public boolean isChecked() {
    return checked;
  }

  /**
   * Shows problems found elsewhere, such as those a REST call answered.
   *
   * @param problems the problems
   */
  public void showProblems(List<TableProblem> problems) {
    this.problems = List.copyOf(problems);
  }

  /**
   * @return the problems of the last {@link #validate()} or {@link #showProblems}; cleared when
   *     columns are added or removed and rows removed or moved, since their places no longer hold
   */
  public List<TableProblem> getProblems() {
    return problems;
  }

  /**
   * The problem of a cell, for the grid to mark it.
   *
   * @param rowIndex the row's index, from 0
   * @param column the column's id
   * @return the first problem in that cell (any argument of an action cell), or null
   */
  public TableProblem problemAt(int rowIndex, String column) {
    return problems.stream()
        .filter(p -> p.row() == rowIndex + 1 && Objects.equals(p.column(), column))
        .findFirst()
        .orElse(null);
  }

  /**
   * The problem of one argument of an action cell.
   *
   * @param rowIndex the row's index, from 0
   * @param column the column's id
   * @param parameter the parameter
   * @return the first problem of that argument, or null
   */
  public TableProblem problemAt(int rowIndex, String column, String parameter) {
    return problems.stream()
        .filter(
            p ->
                p.row() == rowIndex + 1
                    && Objects.equals(p.column(), column)
                    && Objects.equals(p.field(), parameter))
        .findFirst()
        .orElse(null);
  }

  /**
   * @param field one of the table's own fields: {@code name}, {@code factType}, {@code hitPolicy},
   *     {@code rows}, {@code conditions}, {@code actions}
   * @return the first problem of that field, or null
   */
  public TableProblem tableProblem(String field) {
    return problems.stream()
        .filter(p -> p.row() == 0 && p.column() == null && Objects.equals(p.field(), field))
        .findFirst()
        .orElse(null);
  }

  /**
   * @param column a column's id
   * @return the first problem of the column's definition (property, operator, action), or null
   */
  public TableProblem columnProblem(String column) {
    return problems.stream()
        .filter(p -> p.row() == 0 && Objects.equals(p.column(), column))
        .findFirst()
        .orElse(null);
  }
}
