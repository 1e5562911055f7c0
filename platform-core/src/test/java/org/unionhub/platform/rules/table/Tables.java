package org.unionhub.platform.rules.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionhub.sdk.rules.Actions;

/** Test helpers: schemas and a short way to write tables. */
final class Tables {

  static final DecisionTableSchema WORKERS =
      DecisionTableSchema.of(
          List.of(Worker.class),
          Actions.class,
          Map.of("district", List.of("gd-sz-ft", "gd-sz-ns")));

  private Tables() {}

  /** A table being written. */
  static final class Builder {
    private final String name;
    private final String factType;
    private HitPolicy policy = HitPolicy.ALL;
    private final List<ConditionColumn> conditions = new ArrayList<>();
    private final List<ActionColumn> actions = new ArrayList<>();
    private final List<TableRow> rows = new ArrayList<>();

    Builder(String name, String factType) {
      this.name = name;
      this.factType = factType;
    }

    Builder first() {
      policy = HitPolicy.FIRST;
      return this;
    }

    Builder when(String id, String property, String operator) {
      conditions.add(new ConditionColumn(id, property, operator));
      return this;
    }

    Builder then(String id, String action) {
      actions.add(new ActionColumn(id, action));
      return this;
    }

    Builder row(RowBuilder row) {
      rows.add(row.build());
      return this;
    }

    DecisionTable build() {
      return new DecisionTable(name, factType, policy, conditions, actions, rows);
    }
  }

  static Builder table(String name, String factType) {
    return new Builder(name, factType);
  }

  /** A row being written: {@code row().is("age", "18").does("reject", "field", "x", ...)}. */
  static final class RowBuilder {
    private String name;
    private final Map<String, List<String>> when = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> then = new LinkedHashMap<>();

    RowBuilder named(String value) {
      name = value;
      return this;
    }

    RowBuilder is(String column, String... values) {
      when.put(column, List.of(values));
      return this;
    }

    RowBuilder does(String column, String... parametersAndValues) {
      var arguments = new LinkedHashMap<String, String>();
      for (int i = 0; i < parametersAndValues.length; i += 2) {
        arguments.put(parametersAndValues[i], parametersAndValues[i + 1]);
      }
      then.put(column, arguments);
      return this;
    }

    TableRow build() {
      return new TableRow(name, when, then);
    }
  }

  static RowBuilder row() {
    return new RowBuilder();
  }
}
