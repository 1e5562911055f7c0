package org.unionhub.tenant.config;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.unionhub.platform.api.Bodies;
import org.unionhub.platform.config.ConfigLayer;
import org.unionhub.platform.config.ConfigLayerJson;
import org.unionhub.platform.config.ConfigRefusedException;
import org.unionhub.platform.config.ConfigurationAdmin;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.security.Caller;

/** A tenant's module configuration: effective values, drafts, versions, rules, push-down. */
@Path("/tenants/{tenant}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConfigResource {

  @Inject Caller caller;
  @Inject ConfigurationAdmin config;

  @GET
  @Path("modules")
  @Operation(
      summary = "Effective modules of a tenant",
      description =
          "Each module with enabled and its settings; every value with its source tenant, version"
              + " and status (default, inherited, overridden, locked).")
  public JsonArray modules(@PathParam("tenant") String tenant) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    config.effectiveModules(caller, tenant).forEach(c -> list.add(ConfigViews.summary(c)));
    return list.build();
  }

  @GET
  @Path("modules/{module}")
  @Operation(summary = "A module's effective configuration in full, with sources")
  public JsonObject module(@PathParam("tenant") String tenant, @PathParam("module") String module) {
    return ConfigViews.full(config.effective(caller, tenant, module));
  }

  @GET
  @Path("modules/{module}/draft")
  @Operation(
      summary = "The tenant's own layer for editing",
      description = "The draft, or the published layer when there is no draft, with its problems.")
  public JsonObject draft(@PathParam("tenant") String tenant, @PathParam("module") String module) {
    return ConfigViews.editable(config.editable(caller, tenant, module));
  }

  @PUT
  @Path("modules/{module}/draft")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Save a draft",
      description =
          "422 when the JSON is malformed (nothing saved); otherwise saved, with the problems that"
              + " would stop it from being published.")
  public JsonObject saveDraft(
      @PathParam("tenant") String tenant,
      @PathParam("module") String module,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ConfigBodies.Layer.class)))
          JsonObject layer) {
    return ConfigViews.editable(config.saveDraft(caller, tenant, module, Bodies.required(layer)));
  }

  @DELETE
  @Path("modules/{module}/draft")
  @Operation(summary = "Discard the draft")
  public Response discard(@PathParam("tenant") String tenant, @PathParam("module") String module) {
    config.discardDraft(caller, tenant, module);
    return Response.noContent().build();
  }

  @POST
  @Path("modules/{module}/publish")
  @Operation(
      summary = "Publish the draft as a new version",
      description =
          "Validates types, bounds, locks, rule text, compilation and every inherited and own rule"
              + " scenario; 422 with every problem, nothing published.")
  public Response publish(
      @PathParam("tenant") String tenant,
      @PathParam("module") String module,
      @RequestBody(
              required = false,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ConfigBodies.Publish.class)))
          JsonObject body) {
    Bodies.check(body, Map.of("note", Bodies.text(500)));
    String note = body == null ? null : body.getString("note", null);
    return created(config.publish(caller, tenant, module, note));
  }

  @GET
  @Path("modules/{module}/versions")
  @Operation(summary = "Published versions, newest first")
  public JsonArray versions(
      @PathParam("tenant") String tenant, @PathParam("module") String module) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    config.versions(caller, tenant, module).forEach(v -> list.add(ConfigViews.version(v)));
    return list.build();
  }

  @GET
  @Path("modules/{module}/versions/{number}")
  @Operation(summary = "One published version with its layer")
  public JsonObject version(
      @PathParam("tenant") String tenant,
      @PathParam("module") String module,
      @PathParam("number") int number) {
    ConfigurationAdmin.VersionInfo v = config.version(caller, tenant, module, number);
    return Json.createObjectBuilder(ConfigViews.version(v))
        .add("layer", ConfigLayerJson.write(ConfigLayerJson.read(v.document()).layer()))
        .build();
  }

  @GET
  @Path("modules/{module}/versions/{number}/diff")
  @Operation(
      summary = "What changed from a version",
      description = "To version `against`, or to the current draft (or latest version) by default.")
  public JsonArray diff(
      @PathParam("tenant") String tenant,
      @PathParam("module") String module,
      @PathParam("number") int number,
      @QueryParam("against") Integer against) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (ConfigurationAdmin.Change c : config.diff(caller, tenant, module, number, against)) {
      var b = Json.createObjectBuilder().add("path", c.path()).add("change", c.change());
      if (c.before() != null) {
        b.add("before", c.before());
      }
      if (c.after() != null) {
        b.add("after", c.after());
      }
      list.add(b);
    }
    return list.build();
  }

  @POST
  @Path("modules/{module}/versions/{number}/rollback")
  @Operation(
      summary = "Republish an earlier version",
      description = "Validated as a publish; 201 with the new version.")
  public Response rollback(
      @PathParam("tenant") String tenant,
      @PathParam("module") String module,
      @PathParam("number") int number) {
    return created(config.rollback(caller, tenant, module, number));
  }

  @GET
  @Path("modules/{module}/push-preview")
  @Operation(summary = "Descendants a push would change, and which of their items")
  public JsonArray pushPreview(
      @PathParam("tenant") String tenant, @PathParam("module") String module) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (ConfigurationAdmin.PushChange c : config.pushPreview(caller, tenant, module)) {
      var items = Json.createArrayBuilder();
      c.items().forEach(items::add);
      list.add(Json.createObjectBuilder().add("tenant", c.tenant()).add("items", items));
    }
    return list.build();
  }

  @POST
  @Path("modules/{module}/push")
  @Operation(
      summary = "Push the published configuration to all descendants",
      description =
          "202 with a job; descendants' overrides of the pushed items are removed, in batches."
              + " With {\"lock\": true} the items are locked first.")
  public Response push(
      @PathParam("tenant") String tenant,
      @PathParam("module") String module,
      @RequestBody(
              required = false,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ConfigBodies.Push.class)))
          JsonObject body) {
    Bodies.check(body, Map.of("lock", Bodies.bool()));
    boolean lock = body != null && body.getBoolean("lock", false);
    return Response.accepted(status(config.startPush(caller, tenant, module, lock))).build();
  }

  @GET
  @Path("push-jobs/{id}")
  @Operation(
      summary = "Progress of a push",
      description =
          "total, done, state (running, done, failed), the descendants reached and those failed;"
              + " kept in the database, so a push cut short by a restart resumes and still"
              + " answers here.")
  public JsonObject pushJob(@PathParam("tenant") String tenant, @PathParam("id") String id) {
    return status(config.push(caller, id));
  }

  private static JsonObject status(ConfigurationAdmin.PushStatus s) {
    var failures = Json.createArrayBuilder();
    s.failures().forEach(failures::add);
    var reached = Json.createArrayBuilder();
    s.reached().forEach(reached::add);
    return Json.createObjectBuilder()
        .add("id", s.id())
        .add("tenant", s.tenant())
        .add("module", s.module())
        .add("total", s.total())
        .add("done", s.done())
        .add("state", s.state())
        .add("failures", failures)
        .add("reached", reached)
        .build();
  }

  @GET
  @Path("configuration")
  @Operation(summary = "Export the tenant's published configuration of every module")
  public Response export(@PathParam("tenant") String tenant) {
    return Response.ok(config.export(caller, tenant))
        .header(
            "Content-Disposition",
            "attachment; filename=\"unionhub-" + tenant + "-configuration.json\"")
        .build();
  }

  @POST
  @Path("configuration")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Import a configuration file",
      description =
          "Every module's layer is validated as publishing does; 422 with every problem at once,"
              + " nothing published; otherwise 201 with the new versions.")
  public Response importFile(
      @PathParam("tenant") String tenant,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ConfigBodies.ConfigurationFile.class)))
          JsonObject file) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    config
        .importFile(caller, tenant, Bodies.required(file))
        .forEach(v -> list.add(ConfigViews.version(v)));
    return Response.status(Response.Status.CREATED).entity(list.build()).build();
  }

  // ---------------------------------------------------------------- rules

  @GET
  @Path("modules/{module}/rules")
  @Operation(
      summary = "The tenant's rule layer and the effective rules",
      description = "The layer from the draft, or the published one.")
  public JsonObject rules(@PathParam("tenant") String tenant, @PathParam("module") String module) {
    ConfigurationAdmin.Editable e = config.editable(caller, tenant, module);
    return Json.createObjectBuilder(ConfigLayerJson.writeRules(e.layer().rules()))
        .add("draft", e.isDraft())
        .add("effective", ConfigViews.full(e.check().config()).get("rules"))
        .add(
            "problems",
            ConfigViews.problems(
                e.check().problems().stream().filter(p -> p.path().startsWith("rules")).toList()))
        .build();
  }

  @PUT
  @Path("modules/{module}/rules")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace the tenant's rule layer in its draft",
      description =
          "{\"drl\": \"...\"} and/or {\"decisionTable\": {...}}, optional disable and scenarios;"
              + " 422 with {errors:[{line, column, message}]} when the rules are refused; nothing"
              + " is saved then.")
  public JsonObject putRules(
      @PathParam("tenant") String tenant,
      @PathParam("module") String module,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ConfigBodies.Rules.class)))
          JsonObject body) {
    JsonObject rules = Bodies.required(body);
    ConfigurationAdmin.Editable e = config.editable(caller, tenant, module);
    ConfigLayerJson.Read read =
        ConfigLayerJson.read(Json.createObjectBuilder().add("rules", rules).build());
    if (!read.problems().isEmpty()) {
      throw new ConfigRefusedException(read.problems());
    }
    ConfigLayer layer = e.layer().withRules(read.layer().rules());
    ConfigurationAdmin.Editable checked =
        config.saveDraftChecked(caller, tenant, module, layer, p -> p.path().startsWith("rules"));
    return rules(tenant, module, checked);
  }

  private JsonObject rules(String tenant, String module, ConfigurationAdmin.Editable e) {
    return Json.createObjectBuilder(ConfigLayerJson.writeRules(e.layer().rules()))
        .add("draft", e.isDraft())
        .add("effective", ConfigViews.full(e.check().config()).get("rules"))
        .build();
  }

  @POST
  @Path("modules/{module}/rules/publish")
  @Operation(
      summary = "Publish the draft with its rules",
      description = "As publish: refused with 422 if the rules do not compile or a scenario fails.")
  public Response publishRules(
      @PathParam("tenant") String tenant,
      @PathParam("module") String module,
      @RequestBody(
              required = false,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ConfigBodies.Publish.class)))
          JsonObject body) {
    return publish(tenant, module, body);
  }

  @POST
  @Path("modules/{module}/rules/test")
  @Operation(
      summary = "Run the rule scenarios",
      description =
          "Runs every inherited and own scenario of the draft against its effective rules. A body"
              + " {\"drl\":..., \"scenarios\":[...]} tests those rules instead, without saving.")
  public JsonObject test(
      @PathParam("tenant") String tenant,
      @PathParam("module") String module,
      @RequestBody(
              required = false,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ConfigBodies.Rules.class)))
          JsonObject body) {
    ConfigLayer.RuleLayer extra = ConfigLayer.RuleLayer.EMPTY;
    if (body != null && !body.isEmpty()) {
      ConfigLayerJson.Read read =
          ConfigLayerJson.read(Json.createObjectBuilder().add("rules", body).build());
      if (!read.problems().isEmpty()) {
        throw new ConfigRefusedException(read.problems());
      }
      extra = read.layer().rules();
    }
    return ConfigViews.scenarioResults(config.testScenarios(caller, tenant, module, extra));
  }

  /** 201 with the version a publish, a rules publish or a rollback made. */
  private static Response created(ConfigurationAdmin.VersionInfo version) {
    return Response.status(Response.Status.CREATED).entity(ConfigViews.version(version)).build();
  }
}
