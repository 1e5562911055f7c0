package org.unionhub.tenant.config;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.unionhub.platform.config.ConfigLayerJson;
import org.unionhub.platform.config.ConfigProblem;
import org.unionhub.platform.config.ConfigurationAdmin;
import org.unionhub.platform.config.EffectiveConfig;
import org.unionhub.platform.config.EffectiveConfig.Provenance;
import org.unionhub.platform.config.ScenarioResult;
import org.unionhub.platform.json.Json;
import org.unionhub.sdk.LocalizedText;

/** The JSON the configuration API answers with. */
public final class ConfigViews {

  private ConfigViews() {}

  /**
   * A module's effective configuration in brief: enabled and settings, each with its source.
   *
   * @param c the configuration
   * @return the JSON
   */
  public static JsonObject summary(EffectiveConfig c) {
    return Json.createObjectBuilder()
        .add("module", c.module().id())
        .add("name", text(c.module().name()))
        .add("moduleVersion", c.module().version())
        .add("configVersion", c.version())
        .add("enabled", item(Json.createObjectBuilder().add("value", c.enabled()), c.enabledFrom()))
        .add("settings", settings(c))
        .build();
  }

  /**
   * A module's effective configuration in full.
   *
   * @param c the configuration
   * @return the JSON
   */
  public static JsonObject full(EffectiveConfig c) {
    JsonObjectBuilder b = Json.createObjectBuilder(summary(c));
    JsonArrayBuilder form = Json.createArrayBuilder();
    for (EffectiveConfig.EffectiveField f : c.fields()) {
      form.add(
          item(
              Json.createObjectBuilder()
                  .add("name", f.name())
                  .add("type", f.field().type().name())
                  .add("label", text(f.field().label()))
                  .add("required", f.field().required())
                  .add("hidden", f.hidden())
                  .add("order", f.order())
                  .add("added", f.added()),
              f.from()));
    }
    b.add("form", form);
    JsonArrayBuilder worklist = Json.createArrayBuilder();
    c.module().worklistForm().forEach(f -> worklist.add(f.name()));
    b.add("worklistFields", worklist);
    JsonArrayBuilder steps = Json.createArrayBuilder();
    for (EffectiveConfig.EffectiveStep s : c.steps().values()) {
      JsonObjectBuilder step =
          Json.createObjectBuilder()
              .add("state", s.state().name())
              .add("label", text(s.state().label()))
              .add("terminal", s.state().terminal())
              .add("optional", s.state().optional())
              .add("included", s.included())
              .add("workingDays", s.state().workingDays())
              .add("boundBy", s.boundBy());
      if (s.role() != null) {
        step.add("role", s.role().id());
      }
      addInt(step, "min", s.min());
      addInt(step, "max", s.max());
      steps.add(item(step, s.from()));
    }
    b.add("workflow", steps);
    JsonArrayBuilder rules = Json.createArrayBuilder();
    for (EffectiveConfig.EffectiveRule r : c.rules()) {
      JsonObjectBuilder rule =
          Json.createObjectBuilder()
              .add("name", r.name())
              .add("source", r.source())
              .add("active", r.active())
              .add("overridden", r.overridden());
      addInt(rule, "sourceVersion", r.version());
      if (r.lockedBy() != null) {
        rule.add("lockedBy", r.lockedBy());
      }
      rules.add(rule);
    }
    b.add("rules", rules);
    JsonArrayBuilder scenarios = Json.createArrayBuilder();
    c.scenarios()
        .forEach(
            s ->
                scenarios.add(
                    Json.createObjectBuilder(ConfigLayerJson.writeScenario(s.scenario()))
                        .add("source", s.source())));
    b.add("scenarios", scenarios);
    JsonArrayBuilder permissions = Json.createArrayBuilder();
    c.module()
        .permissions()
        .forEach(
            p -> {
              JsonArrayBuilder roles = Json.createArrayBuilder();
              p.roles().stream().map(org.unionhub.sdk.Role::id).sorted().forEach(roles::add);
              permissions.add(
                  Json.createObjectBuilder()
                      .add("name", p.name())
                      .add("label", text(p.label()))
                      .add("roles", roles));
            });
    b.add("permissions", permissions);
    JsonArrayBuilder layers = Json.createArrayBuilder();
    c.layers()
        .forEach(
            l ->
                layers.add(
                    Json.createObjectBuilder()
                        .add("tenant", l.tenantCode())
                        .add("version", l.number())
                        .add("versionId", l.versionId())));
    b.add("layers", layers);
    return b.build();
  }

  private static JsonArrayBuilder settings(EffectiveConfig c) {
    JsonArrayBuilder settings = Json.createArrayBuilder();
    for (EffectiveConfig.EffectiveSetting s : c.settings().values()) {
      JsonObjectBuilder setting =
          Json.createObjectBuilder()
              .add("key", s.setting().key())
              .add("type", s.setting().type().name())
              .add("label", text(s.setting().label()))
              .add("value", s.value())
              .add("default", s.setting().defaultValue())
              .add("boundBy", s.boundBy());
      addInt(setting, "min", s.min());
      addInt(setting, "max", s.max());
      settings.add(item(setting, s.from()));
    }
    return settings;
  }

  private static JsonObject item(JsonObjectBuilder b, Provenance from) {
    b.add("source", from.source()).add("status", from.status());
    addInt(b, "sourceVersion", from.version());
    if (from.lockedBy() != null) {
      b.add("lockedBy", from.lockedBy());
    }
    return b.build();
  }

  /**
   * @param e what an admin edits
   * @return the JSON
   */
  public static JsonObject editable(ConfigurationAdmin.Editable e) {
    return Json.createObjectBuilder()
        .add("tenant", e.tenant())
        .add("draft", e.isDraft())
        .add("basedOn", e.basedOn())
        .add("layer", ConfigLayerJson.write(e.layer()))
        .add("problems", problems(e.check().problems()))
        .add("effective", full(e.check().config()))
        .build();
  }

  /**
   * @param problems configuration problems
   * @return them as the API's error items
   */
  public static JsonArrayBuilder problems(List<ConfigProblem> problems) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (ConfigProblem p : problems) {
      JsonObjectBuilder b =
          Json.createObjectBuilder()
              .add("field", p.path())
              .add("code", p.code())
              .add("message", p.message());
      addInt(b, "line", p.line());
      addInt(b, "column", p.column());
      list.add(b);
    }
    return list;
  }

  /**
   * @param v a version
   * @return the JSON, without the layer
   */
  public static JsonObject version(ConfigurationAdmin.VersionInfo v) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("tenant", v.tenant())
            .add("module", v.module())
            .add("version", v.number())
            .add("versionId", v.versionId())
            .add("publishedAt", v.publishedAt().toString())
            .add("publishedBy", v.publishedBy());
    if (v.note() != null) {
      b.add("note", v.note());
    }
    addInt(b, "restoredFrom", v.restoredFrom());
    return b.build();
  }

  /**
   * @param results scenario results
   * @return the JSON
   */
  public static JsonObject scenarioResults(List<ScenarioResult> results) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    results.forEach(
        r ->
            list.add(
                Json.createObjectBuilder()
                    .add("name", r.name())
                    .add("source", r.source())
                    .add("passed", r.passed())
                    .add("detail", r.detail())));
    return Json.createObjectBuilder()
        .add("passed", results.stream().allMatch(ScenarioResult::passed))
        .add("results", list)
        .build();
  }

  private static JsonObject text(LocalizedText t) {
    return Json.createObjectBuilder().add("zh", t.zh()).add("en", t.en()).build();
  }

  private static void addInt(JsonObjectBuilder b, String key, Number value) {
    if (value != null) {
      b.add(key, value.longValue());
    }
  }
}
