package org.unionhub.tenant.config;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The request bodies of the configuration operations as they appear in the OpenAPI document; the
 * resource reads them as JSON objects and reports every problem at once ({@code ConfigLayerJson}).
 */
final class ConfigBodies {

  private ConfigBodies() {}

  /** A tenant's layer of a module's configuration: only what it sets. */
  @Schema(name = "ConfigLayer")
  record Layer(
      Boolean enabled,
      @Schema(type = SchemaType.OBJECT, description = "setting key → {value, min, max}")
          Map<String, Object> settings,
      @Schema(
              type = SchemaType.OBJECT,
              description = "field key → {label, hidden, required, order, add}")
          Map<String, Object> form,
      @Schema(
              type = SchemaType.OBJECT,
              description = "step → {included, role, workingDays, min, max}")
          Map<String, Object> workflow,
      Rules rules,
      List<String> locks) {}

  /** A rule layer. */
  @Schema(name = "RuleLayer")
  record Rules(
      String drl,
      @Schema(type = SchemaType.OBJECT) Map<String, Object> decisionTable,
      List<String> disable,
      @Schema(type = SchemaType.ARRAY, implementation = Object.class) List<Object> scenarios) {}

  /** A publish. */
  @Schema(name = "Publish")
  record Publish(@Schema(maxLength = 500) String note) {}

  /** A push down the tree. */
  @Schema(name = "Push")
  record Push(Boolean lock) {}

  /** A configuration file, as exported. */
  @Schema(name = "ConfigurationFile")
  record ConfigurationFile(
      @Schema(
              required = true,
              enumeration = {"unionhub-configuration/1"})
          String format,
      @Schema(required = true, type = SchemaType.OBJECT, description = "module id → layer")
          Map<String, Object> modules) {}
}
