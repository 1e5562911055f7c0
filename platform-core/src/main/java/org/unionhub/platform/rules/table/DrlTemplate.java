package org.unionhub.platform.rules.table;

import java.util.ArrayList;

/**
 * The one template tables become DRL through. Every piece it places is either fixed text, a name
 * the schema knows, or a literal {@link DrlLiterals} wrote from a checked value.
 *
 * <pre>
 * rule "&lt;table name&gt;.&lt;row number or name&gt;"
 *   salience -&lt;row&gt;                      (hit policy first only)
 *   activation-group "&lt;table name&gt;"      (hit policy first only)
 * when
 *   &lt;FactType&gt;( &lt;constraint&gt;, ... )
 * then
 *   actions.&lt;action&gt;(&lt;literal&gt;, ...);
 * end
 * </pre>
 */
final class DrlTemplate {

  private DrlTemplate() {}

  static RenderedTable render(TableCheck check) {
    var drl = new StringBuilder();
    var rules = new ArrayList<RenderedTable.Rule>();
    int line = 1;
    for (TableCheck.Rule rule : check.rules()) {
      int first = line;
      var text = new StringBuilder();
      text.append("rule ").append(DrlLiterals.string(rule.name())).append('\n');
      if (check.hitPolicy() == HitPolicy.FIRST) {
        text.append("  salience -").append(rule.row()).append('\n');
        text.append("  activation-group ").append(DrlLiterals.string(check.prefix())).append('\n');
      }
      text.append("when\n  ").append(check.factType());
      text.append(
          rule.constraints().isEmpty()
              ? "()"
              : "( " + String.join(", ", rule.constraints()) + " )");
      text.append("\nthen\n");
      rule.calls().forEach(call -> text.append("  ").append(call).append('\n'));
      text.append("end\n");
      line += (int) text.chars().filter(c -> c == '\n').count();
      rules.add(new RenderedTable.Rule(rule.name(), rule.row(), first, line - 1));
      drl.append(text);
    }
    return new RenderedTable(drl.toString(), rules);
  }
}
