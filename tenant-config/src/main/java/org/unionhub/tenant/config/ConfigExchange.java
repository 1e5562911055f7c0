package org.unionhub.tenant.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.unionhub.platform.config.ConfigLayer;
import org.unionhub.platform.config.ConfigLayerJson;
import org.unionhub.platform.config.ConfigProblem;
import org.unionhub.platform.config.ConfigRefusedException;
import org.unionhub.platform.config.ConfigurationAdmin.VersionInfo;
import org.unionhub.platform.config.PublishedLayer;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.module.ModuleRegistry;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.security.Caller;
import org.unionhub.sdk.ServiceModuleFactory;

/**
 * A tenant's published configuration of every module as one file ({@link #FORMAT}), and importing
 * such a file: every layer validated as publishing does, all or nothing.
 */
@ApplicationScoped
public class ConfigExchange {

  /** The format name export files carry. */
  public static final String FORMAT = "unionhub-configuration/1";

  @Inject ModuleRegistry modules;
  @Inject Clock clock;

  @Inject ConfigAccess access;
  @Inject EffectiveConfigurations configurations;
  @Inject ConfigDrafts drafts;
  @Inject ConfigPublishing publishing;

  /**
   * A tenant's published configuration of every module, as a file another tenant can import.
   *
   * @param caller an admin
   * @param tenantCode the tenant
   * @return the export document
   */
  public JsonObject export(Caller caller, String tenantCode) {
    access.requireAdmin(caller, tenantCode);
    configurations.refresh(true);
    var moduleLayers = Json.createObjectBuilder();
    for (ServiceModuleFactory m : modules.all()) {
      PublishedLayer layer = configurations.layer(tenantCode, m.getId());
      if (layer != null) {
        moduleLayers.add(m.getId(), ConfigLayerJson.write(layer.layer()));
      }
    }
    return Json.createObjectBuilder()
        .add("format", FORMAT)
        .add("tenant", tenantCode)
        .add("exportedAt", clock.instant().toString())
        .add("modules", moduleLayers)
        .build();
  }

  /**
   * Imports an export file into a tenant: every module's layer is checked as publishing checks it,
   * every problem of every module is reported at once, and only when there is none is each
   * published as a new version.
   *
   * @param caller an admin of the target tenant
   * @param tenantCode the target tenant
   * @param file the export document
   * @return the versions published
   */
  public List<VersionInfo> importFile(Caller caller, String tenantCode, JsonObject file) {
    access.requireAdmin(caller, tenantCode);
    configurations.refresh(true);
    var problems = new ArrayList<ConfigProblem>();
    if (!FORMAT.equals(file.getString("format", null))) {
      problems.add(
          ConfigProblem.of(
              "format",
              "UNKNOWN_FORMAT",
              ProblemText.of("config.not-a-unionhub-configuration-file")));
    }
    JsonValue list = file.get("modules");
    var layers = new LinkedHashMap<ServiceModuleFactory, ConfigLayer>();
    if (!(list instanceof JsonObject byModule)) {
      problems.add(
          ConfigProblem.of(
              "modules", "REQUIRED", ProblemText.of("config.no-module-configuration")));
    } else {
      for (var entry : byModule.entrySet()) {
        String prefix = "modules." + entry.getKey() + ".";
        Optional<ServiceModuleFactory> module = modules.find(entry.getKey());
        if (module.isEmpty()) {
          problems.add(
              ConfigProblem.of(
                  "modules." + entry.getKey(),
                  "UNKNOWN_MODULE",
                  ProblemText.of("config.no-such-module-here")));
          continue;
        }
        if (!(entry.getValue() instanceof JsonObject json)) {
          problems.add(
              ConfigProblem.of(
                  "modules." + entry.getKey(),
                  "NOT_AN_OBJECT",
                  ProblemText.of("config.must-be-a-json-object")));
          continue;
        }
        ConfigLayerJson.Read read = ConfigLayerJson.read(json);
        read.problems().forEach(p -> problems.add(prefixed(prefix, p)));
        drafts
            .publishProblems(tenantCode, module.get(), read.layer())
            .forEach(p -> problems.add(prefixed(prefix, p)));
        layers.put(module.get(), read.layer());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigRefusedException(problems);
    }
    String from = file.getString("tenant", "?");
    var published = new ArrayList<VersionInfo>();
    layers.forEach(
        (module, layer) ->
            published.add(
                publishing.publishLayer(
                    caller.username(),
                    tenantCode,
                    module,
                    layer,
                    ProblemText.of("config.imported-from", from).bilingual(),
                    null,
                    "import")));
    return published;
  }

  private static ConfigProblem prefixed(String prefix, ConfigProblem p) {
    return new ConfigProblem(prefix + p.path(), p.code(), p.text(), p.line(), p.column());
  }
}
