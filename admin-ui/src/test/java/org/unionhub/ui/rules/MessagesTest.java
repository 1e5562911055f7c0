package org.unionhub.ui.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionhub.platform.rules.table.DecisionTableSchema;
import org.unionhub.platform.rules.table.HitPolicy;
import org.unionhub.platform.rules.table.Operator;
import org.unionhub.platform.rules.table.TableProblem;

/** The grid labels every operator, hit policy, action, argument and problem in both languages. */
class MessagesTest {

  static Properties bundle(String name) throws IOException {
    var properties = new Properties();
    try (InputStream in = MessagesTest.class.getResourceAsStream("/org/unionhub/ui/" + name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  static List<String> keysTheGridUses() {
    var keys = new ArrayList<String>();
    for (Operator operator : Operator.values()) {
      keys.add("table.operator." + operator.name());
    }
    for (HitPolicy policy : HitPolicy.values()) {
      keys.add("table.hitPolicy." + policy.jsonName());
    }
    for (TableProblem.Code code : TableProblem.Code.values()) {
      keys.add("table.problem." + code.name());
    }
    for (DecisionTableSchema.Action action : DecisionTableEditorTest.SCHEMA.actions()) {
      keys.add("table.action." + action.name());
      action.parameters().forEach(p -> keys.add("table.parameter." + p.name()));
    }
    return keys;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"messages.properties", "messages_zh_CN.properties", "messages_en.properties"})
  void everyBundleHasEveryKeyTheOthersHaveAndTheGridUses(String name) throws IOException {
    Properties bundle = bundle(name);
    assertThat(bundle.keySet()).isEqualTo(bundle("messages.properties").keySet());
    assertThat(bundle.stringPropertyNames()).containsAll(keysTheGridUses());
  }
}
