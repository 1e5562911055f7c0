/**
 * Decision tables: the way tenant admins who are not programmers write rules. A table names a fact
 * type, condition columns (a property and an operator), action columns (a method of the action API)
 * and rows; each row becomes one rule, rendered to DRL from fixed templates so that no text the
 * author typed is ever read as code. {@link org.unionhub.platform.rules.table.DecisionTableJson}
 * reads and writes the JSON form, {@link org.unionhub.platform.rules.table.DecisionTableValidator}
 * reports problems at their row and column, {@link
 * org.unionhub.platform.rules.table.DecisionTableRenderer} writes the DRL layer. See
 * docs/adr/0011-decision-tables-and-rule-editor.md.
 */
package org.unionhub.platform.rules.table;
