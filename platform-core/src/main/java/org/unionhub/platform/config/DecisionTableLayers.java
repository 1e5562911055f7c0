package org.unionhub.platform.config;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.rules.RuleCompilationException;
import org.unionhub.platform.rules.RuleProblem;
import org.unionhub.platform.rules.table.DecisionTableException;
import org.unionhub.platform.rules.table.DecisionTableJson;
import org.unionhub.platform.rules.table.DecisionTableRenderer;
import org.unionhub.platform.rules.table.DecisionTableSchema;
import org.unionhub.platform.rules.table.TableProblem;
import org.unionhub.sdk.ModuleDescriptor;

/** Renders the decision table of a rule layer to DRL with the module's schema. */
final class DecisionTableLayers implements ConfigResolver.DecisionTables {

  static final DecisionTableLayers INSTANCE = new DecisionTableLayers();

  private DecisionTableLayers() {}

  @Override
  public String render(ModuleDescriptor module, String json) {
    try {
      JsonObject table = Json.createReader(new StringReader(json)).readObject();
      JsonObject wrapped =
          table.containsKey(DecisionTableJson.ROOT)
              ? table
              : Json.createObjectBuilder().add(DecisionTableJson.ROOT, table).build();
      return new DecisionTableRenderer(DecisionTableSchema.forModule(module))
          .render(DecisionTableJson.read(wrapped))
          .drl();
    } catch (DecisionTableException e) {
      throw new RuleCompilationException(
          e.problems().stream().map(DecisionTableLayers::problem).toList());
    } catch (jakarta.json.JsonException | IllegalStateException e) {
      throw new RuleCompilationException(
          List.of(new RuleProblem(0, 0, "the decision table is not valid: " + e.getMessage())));
    }
  }

  private static RuleProblem problem(TableProblem p) {
    var where = new StringBuilder();
    if (p.row() > 0) {
      where.append("第").append(p.row()).append("行 (row ").append(p.row()).append(") ");
    }
    if (p.column() != null) {
      where.append("[").append(p.column()).append("] ");
    }
    return new RuleProblem(0, 0, where + p.message());
  }
}
