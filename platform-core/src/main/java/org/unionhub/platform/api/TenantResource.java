package org.unionhub.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.security.Caller;
import org.unionhub.platform.tenancy.TenantAdministration;
import org.unionhub.platform.tenancy.TenantAdministration.NewTenant;
import org.unionhub.platform.tenancy.TenantAdministration.TenantChange;
import org.unionhub.platform.tenancy.TenantChangeRefusedException;
import org.unionhub.platform.tenancy.TenantDirectory;
import org.unionhub.platform.tenancy.TenantView;
import org.unionhub.platform.tenancy.Visibility;

/**
 * The tenants a caller may see, and new tenants. Changes to one tenant ({@code PATCH
 * /tenants/{code}}) live in {@link TenantRequestResource}, the root of {@code /tenants/{tenant}}:
 * JAX-RS picks one root class per path before it looks at methods.
 */
@Path("/tenants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

  /** JSON Merge Patch (RFC 7396), accepted beside plain JSON. */
  static final String MERGE_PATCH = "application/merge-patch+json";

  private static final Set<String> CREATE_FIELDS =
      Set.of("code", "name", "level", "parent", "creditCode");
  private static final Set<String> CHANGE_FIELDS = Set.of("name", "parent", "active", "creditCode");

  @Inject Caller caller;
  @Inject TenantDirectory directory;
  @Inject Visibility visibility;
  @Inject TenantAdministration administration;

  /**
   * A tenant in the API.
   *
   * @param code stable code
   * @param name name
   * @param level level, lower case
   * @param parent the parent's code, null for the root
   * @param active whether it takes new requests
   * @param creditCode a grassroots union's employer: its unified social credit code, or null
   */
  public record TenantDto(
      String code, String name, String level, String parent, boolean active, String creditCode) {
    static TenantDto of(TenantView t) {
      return new TenantDto(
          t.code(),
          t.name(),
          t.level().name().toLowerCase(Locale.ROOT),
          t.parentCode(),
          t.active(),
          t.creditCode());
    }
  }

  @GET
  @Operation(
      summary = "Tenants visible to the caller",
      description =
          "Union officers see their tenants and all descendants; workers see the active unions they"
              + " can apply to.")
  public List<TenantDto> list() {
    if (caller.isUnionOfficer()) {
      Set<String> scope = visibility.requestScope(caller);
      return directory.all().stream()
          .filter(t -> scope.contains(t.code()))
          .map(TenantDto::of)
          .toList();
    }
    return directory.all().stream().filter(TenantView::active).map(TenantDto::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a tenant",
      description =
          "Body {code, name, level, parent, creditCode}. creditCode, optional, is a grassroots"
              + " union's employer (GB 32100-2015 unified social credit code, unique among active"
              + " tenants): applications naming it are routed there. Tenant admins create below"
              + " their own unions, platform admins anywhere. 201 with the tenant; 404 when the parent is unknown or not the"
              + " caller's; 403 when the caller may not administer it; 422 with field errors.")
  public Response create(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = RequestBodies.NewTenant.class)))
          JsonObject body,
      @Context UriInfo uri) {
    var problems = new ArrayList<FieldError>();
    JsonObject input = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
    unknownFields(input, CREATE_FIELDS, problems);
    var tenant =
        new NewTenant(
            text(input, "code", problems),
            text(input, "name", problems),
            text(input, "level", problems),
            text(input, "parent", problems),
            text(input, "creditCode", problems));
    if (!problems.isEmpty()) {
      throw new TenantChangeRefusedException(problems);
    }
    TenantView created = administration.create(caller, tenant);
    return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build())
        .entity(TenantDto.of(created))
        .build();
  }

  /**
   * @param body a PATCH body
   * @return the change it asks for
   * @throws TenantChangeRefusedException when it names unknown or unchangeable fields, or has
   *     values of the wrong type
   */
  static TenantChange change(JsonObject body) {
    var problems = new ArrayList<FieldError>();
    JsonObject input = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
    for (String fixed : List.of("code", "level")) {
      if (input.containsKey(fixed)) {
        problems.add(
            new FieldError(fixed, "IMMUTABLE", ProblemText.of("api.a-tenant-s-code-and-level")));
      }
    }
    input.keySet().stream()
        .filter(k -> !CHANGE_FIELDS.contains(k) && !k.equals("code") && !k.equals("level"))
        .sorted()
        .forEach(k -> problems.add(unknown(k)));
    Boolean active = null;
    JsonValue activeValue = input.get("active");
    if (activeValue != null && activeValue.getValueType() != JsonValue.ValueType.NULL) {
      if (activeValue.getValueType() == JsonValue.ValueType.TRUE) {
        active = true;
      } else if (activeValue.getValueType() == JsonValue.ValueType.FALSE) {
        active = false;
      } else {
        problems.add(
            new FieldError(
                "active", "NOT_BOOLEAN", ProblemText.of("common.must-be-true-or-false")));
      }
    }
    // A null creditCode removes it (JSON Merge Patch), as does empty text; absent leaves it.
    String creditCode = text(input, "creditCode", problems);
    if (creditCode == null && input.containsKey("creditCode")) {
      creditCode = "";
    }
    var change =
        new TenantChange(
            text(input, "name", problems), text(input, "parent", problems), active, creditCode);
    if (!problems.isEmpty()) {
      throw new TenantChangeRefusedException(problems);
    }
    return change;
  }

  private static void unknownFields(
      JsonObject input, Set<String> known, List<FieldError> problems) {
    input.keySet().stream()
        .filter(k -> !known.contains(k))
        .sorted()
        .forEach(k -> problems.add(unknown(k)));
  }

  private static FieldError unknown(String field) {
    return new FieldError(field, "UNKNOWN_FIELD", ProblemText.of("api.unknown-field"));
  }

  private static String text(JsonObject input, String field, List<FieldError> problems) {
    JsonValue value = input.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString s) {
      return s.getString();
    }
    problems.add(new FieldError(field, "NOT_TEXT", ProblemText.of("common.must-be-a-string")));
    return null;
  }
}
