package org.unionhub.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.unionhub.platform.item.ActionService;
import org.unionhub.platform.item.ItemService;
import org.unionhub.platform.item.ModuleItem;
import org.unionhub.platform.item.QuestionJson;
import org.unionhub.platform.item.ResultsExport;
import org.unionhub.platform.item.ResultsService;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.security.Caller;

/**
 * Items a union owns in a module (a survey): admins draft, edit, publish, close and push them;
 * members act on them (answer) and read their tallies when allowed (docs/adr/0020).
 */
@Path("/tenants/{tenant}/modules/{module}/items")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ItemResource {

  @Inject Caller caller;
  @Inject ItemService items;
  @Inject ActionService actions;
  @Inject ResultsService results;
  @Inject ResultsExport export;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Draft an item (a survey)",
      description =
          "Admins of the union or an ancestor. Body {kind?, title, description?, questions:"
              + " [{name, type (CHOICE, MULTI_CHOICE, RATING, NUMBER, TEXT, LONG_TEXT), label,"
              + " required?, maxLength?, choices?: [{value, label}], maxChoices?, min?, max?}],"
              + " opensAt?, closesAt? (ISO instant or China Standard Time 2026-12-08T09:00),"
              + " audience? (SUBTREE_MEMBERS, AUTHENTICATED), anonymous?, resultsVisibility?"
              + " (NEVER, AFTER_CLOSE, LIVE)}. 201; 422 with every problem.")
  public Response create(
      @PathParam("tenant") String tenant,
      @PathParam("module") String module,
      @RequestBody(required = true) JsonObject body,
      @jakarta.ws.rs.core.Context UriInfo uri) {
    ModuleItem item = items.create(caller, tenant, module, object(body));
    return Response.created(uri.getAbsolutePathBuilder().path(item.getId().toString()).build())
        .tag(Etags.of(item.getVersion()))
        .entity(dto(item, true, false))
        .build();
  }

  @GET
  @Operation(
      summary = "The union's own items of a module, newest first (its admins)",
      description = "404 for a union the caller does not administer.")
  public List<JsonObject> owned(
      @PathParam("tenant") String tenant, @PathParam("module") String module) {
    return items.owned(caller, tenant, module).stream().map(i -> dto(i, true, false)).toList();
  }

  @GET
  @Path("{id}")
  @Operation(
      summary = "An item",
      description = "Its admins, or its audience once published; 404 otherwise.")
  public Response find(
      @PathParam("tenant") String tenant,
      @PathParam("module") String module,
      @PathParam("id") String id) {
    var view = items.find(caller, tenant, module, uuid(id));
    return Response.ok(dto(view.item(), view.manage(), view.taken()))
        .tag(Etags.of(view.item().getVersion()))
        .build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Edit an item",
      description =
          "The whole definition, as for a draft. Optional If-Match: \"<version>\"; 409 when"
              + " stale or closed; 422 QUESTIONS_LOCKED when a published item with answers would"
              + " change its questions.")
  public Response update(
      @PathParam("tenant") String tenant,
      @PathParam("module") String module,
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      @RequestBody(required = true) JsonObject body) {
    return change(
        id, ifMatch, (item, v) -> items.update(caller, tenant, module, item, object(body), v));
  }

  @POST
  @Path("{id}/publish")
  @Operation(
      summary = "Publish a draft",
      description = "422 with the module's problems; 409 when not a draft.")
  public Response publish(
      @PathParam("tenant") String tenant,
      @PathParam("module") String module,
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch) {
    return change(id, ifMatch, (item, v) -> items.publish(caller, tenant, module, item, v));
  }

  @POST
  @Path("{id}/close")
  @Operation(summary = "Close a published item now", description = "409 when not published.")
  public Response close(
      @PathParam("tenant") String tenant,
      @PathParam("module") String module,
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch) {
    return change(id, ifMatch, (item, v) -> items.close(caller, tenant, module, item, v));
  }

  @POST
  @Path("{id}/push")
  @Operation(
      summary = "Run the item in every union directly below",
      description =
          "Each gets a copy pointing to the original, for its own subtree; results of the"
              + " original compare them. 403 for kinds that are not pushable.")
  public List<JsonObject> push(
      @PathParam("tenant") String tenant,
      @PathParam("module") String module,
      @PathParam("id") String id) {
    return items.push(caller, tenant, module, uuid(id)).stream()
        .map(i -> dto(i, true, false))
        .toList();
  }

  @POST
  @Path("{id}/actions/{type}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Take an action on an item (answer a survey)",
      description =
          "Body {values: {question: value}}; a multiple choice as a list or comma-separated."
              + " 201; 422 with field errors (unknown question, not a choice, too many choices,"
              + " too long, not yet open, closed) and nothing stored; 409 ALREADY_TAKEN for a"
              + " second answer; 404 for an item outside the caller's audience.")
  public Response act(
      @PathParam("tenant") String tenant,
      @PathParam("module") String module,
      @PathParam("id") String id,
      @PathParam("type") String type,
      @RequestBody(required = true) JsonObject body) {
    var acted = actions.act(caller, tenant, module, uuid(id), type, object(body));
    var json =
        Json.createObjectBuilder()
            .add("item", acted.item().toString())
            .add("type", acted.type())
            .add("day", acted.day().toString())
            .add("anonymous", acted.anonymous());
    if (!acted.anonymous()) {
      json.add("id", acted.id().toString());
    }
    return Response.status(Response.Status.CREATED).entity(json.build()).build();
  }

  @GET
  @Path("{id}/tallies/{name}")
  @Operation(
      summary = "An item's tally (a survey's results)",
      description =
          "Combined over the item and its pushed copies, with `unions` per union; for anonymous"
              + " items cells under the union's minimum are left out and `hidden` says so. Its"
              + " union's staff and admins always; members when the item's results visibility"
              + " allows (403 before).")
  public JsonObject tally(
      @PathParam("tenant") String tenant,
      @PathParam("module") String module,
      @PathParam("id") String id,
      @PathParam("name") String name) {
    return results(results.results(caller, tenant, module, uuid(id), name));
  }

  @GET
  @Path("{id}/export")
  @Produces({ResultsExport.XLSX, ResultsExport.CSV})
  @Operation(
      summary = "Download results and answers",
      description =
          "format=xlsx (two sheets: results, answers) or csv (what=results or answers); same"
              + " anonymity as the API: no member or date for anonymous items, nothing under the"
              + " minimum.")
  public Response export(
      @PathParam("tenant") String tenant,
      @PathParam("module") String module,
      @PathParam("id") String id,
      @QueryParam("format") @DefaultValue("xlsx") String format,
      @QueryParam("what") @DefaultValue("results") String what,
      @QueryParam("lang") @DefaultValue("zh") String lang) {
    UUID itemId = uuid(id);
    var tally = results.results(caller, tenant, module, itemId, null);
    var answers = results.answers(caller, tenant, module, itemId);
    java.util.Locale locale = "en".equals(lang) ? java.util.Locale.ENGLISH : java.util.Locale.CHINA;
    String base = "results-" + itemId;
    if ("csv".equals(format)) {
      byte[] csv =
          "answers".equals(what)
              ? export.answersCsv(tally, answers, locale)
              : export.resultsCsv(tally, locale);
      return Response.ok(csv, ResultsExport.CSV + "; charset=UTF-8")
          .header("Content-Disposition", "attachment; filename=\"" + base + "-" + what + ".csv\"")
          .build();
    }
    if (!"xlsx".equals(format)) {
      throw new IllegalArgumentException("format must be xlsx or csv");
    }
    return Response.ok(export.xlsx(tally, answers, locale), ResultsExport.XLSX)
        .header("Content-Disposition", "attachment; filename=\"" + base + ".xlsx\"")
        .build();
  }

  /** One of the admins' changes of an item, given its id and the version the caller saw. */
  @FunctionalInterface
  private interface Change {
    ModuleItem apply(UUID item, Integer ifMatchVersion);
  }

  /**
   * Every admin change answers the same way: the path's id and {@code If-Match} read (404 for an id
   * that is no UUID, 400 for a malformed ETag), the change made, the item as its admins see it with
   * its new version as the ETag.
   */
  private Response change(String id, String ifMatch, Change change) {
    ModuleItem item = change.apply(uuid(id), version(ifMatch));
    return Response.ok(dto(item, true, false)).tag(Etags.of(item.getVersion())).build();
  }

  static JsonObject results(ResultsService.Results r) {
    var json =
        Json.createObjectBuilder()
            .add("item", r.item().id())
            .add("tally", r.tally())
            .add("anonymous", r.anonymous())
            .add("minimumCell", r.minimumCell())
            .add("hidden", r.hidden())
            .add("cells", cells(r.cells()));
    if (r.responses() != null) {
      json.add("responses", r.responses());
    } else {
      json.addNull("responses");
    }
    var unions = Json.createArrayBuilder();
    for (var u : r.unions()) {
      var part =
          Json.createObjectBuilder()
              .add("tenant", u.tenant())
              .add("name", u.name())
              .add("item", u.itemId().toString())
              .add("hidden", u.hidden())
              .add("cells", cells(u.cells()));
      if (u.responses() != null) {
        part.add("responses", u.responses());
      } else {
        part.addNull("responses");
      }
      unions.add(part);
    }
    json.add("unions", unions);
    var texts = Json.createObjectBuilder();
    r.texts().forEach((q, list) -> texts.add(q, Json.createArrayBuilder(list)));
    json.add("texts", texts);
    return json.build();
  }

  private static JsonArrayBuilder cells(List<ResultsService.Cell> cells) {
    var array = Json.createArrayBuilder();
    for (var c : cells) {
      var cell =
          Json.createObjectBuilder()
              .add("key", c.key())
              .add("count", c.count())
              .add("sum", c.sum());
      optional(cell, "average", c.average());
      optional(cell, "percent", c.percent());
      array.add(cell);
    }
    return array;
  }

  private static void optional(JsonObjectBuilder o, String key, BigDecimal value) {
    if (value == null) {
      o.addNull(key);
    } else {
      o.add(key, value);
    }
  }

  static JsonObject dto(ModuleItem i, boolean manage, boolean taken) {
    var o =
        Json.createObjectBuilder()
            .add("id", i.getId().toString())
            .add("module", i.getModule())
            .add("kind", i.getKind())
            .add("tenant", i.getTenantId())
            .add("title", i.getTitle())
            .add("questions", QuestionJson.write(QuestionJson.read(i.getQuestions())))
            .add("audience", i.getAudience())
            .add("anonymous", i.isAnonymous())
            .add("resultsVisibility", i.getResultsVisibility())
            .add("state", i.getState())
            .add("phase", ItemService.toSdk(i).phase(Instant.now()).name())
            .add("version", i.getVersion())
            .add("taken", taken);
    optional(o, "description", i.getDescription());
    optional(o, "opensAt", i.getOpensAt());
    optional(o, "closesAt", i.getClosesAt());
    optional(o, "origin", i.getOriginId() == null ? null : i.getOriginId().toString());
    if (manage) {
      o.add("createdBy", i.getCreatedBy());
    }
    return o.build();
  }

  private static void optional(JsonObjectBuilder o, String key, Object value) {
    if (value == null) {
      o.addNull(key);
    } else {
      o.add(key, value.toString());
    }
  }

  /** A missing body is an empty object; anything but an object is the client's mistake (400). */
  static JsonObject object(JsonValue body) {
    if (body == null || body == JsonValue.NULL) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    if (body instanceof JsonObject o) {
      return o;
    }
    throw new IllegalArgumentException("the body must be a JSON object");
  }

  static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new org.unionhub.platform.problem.NotVisibleException("item");
    }
  }

  private static Integer version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(ifMatch.replace("W/", "").replace("\"", "").strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("If-Match must be a version such as \"3\"");
    }
  }
}
