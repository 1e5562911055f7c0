package org.unionhub.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.unionhub.platform.people.PeopleAdministration;
import org.unionhub.platform.people.PeopleAdministration.NewPerson;
import org.unionhub.platform.people.PeopleAdministration.PersonView;
import org.unionhub.platform.people.PeopleRefusedException;
import org.unionhub.platform.people.PeopleSheet;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.security.Caller;

/** The people (staff and admins) of a union and the unions below it. */
@Path("/tenants/{tenant}/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {

  private static final Set<String> CREATE_FIELDS =
      Set.of("username", "name", "mobile", "email", "roles");

  /** The media type of an .xlsx workbook. */
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Inject Caller caller;
  @Inject PeopleAdministration people;
  @Inject PeopleSheet sheets;

  @GET
  @Operation(
      summary = "People of a union and the unions below it",
      description =
          "Tenant admins of the union or an ancestor, platform admins. 404 when the union is"
              + " unknown or outside the caller's reach; 403 for callers who administer nobody.")
  @APIResponse(responseCode = "200", description = "the accounts, by union and username")
  @APIResponse(responseCode = "404", description = "unknown or not the caller's union")
  public List<PersonView> list(
      @Parameter(description = "the union's code") @PathParam("tenant") String tenant) {
    return people.list(caller, tenant);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a staff member or admin",
      description =
          "Body {username, name, mobile?, email?, roles: [staff|tenant-admin]}. A tenant admin"
              + " grants at most their own role. 201 with the account, its Keycloak sync pending"
              + " and a one-time set-up link once synced; 422 with every field problem, nothing"
              + " stored; 404 when the union is unknown or outside the caller's reach.")
  @RequestBody(description = "the new account", required = true)
  @APIResponse(responseCode = "201", description = "created")
  @APIResponse(responseCode = "404", description = "unknown or not the caller's union")
  @APIResponse(responseCode = "422", description = "field problems")
  public Response create(
      @Parameter(description = "the union's code") @PathParam("tenant") String tenant,
      JsonObject body,
      @Context UriInfo uri) {
    var problems = new ArrayList<FieldError>();
    NewPerson person = newPerson(body, "", problems);
    if (!problems.isEmpty()) {
      throw new PeopleRefusedException(problems);
    }
    PersonView created = people.create(caller, tenant, person);
    return Response.created(uri.getBaseUriBuilder().path("users").path(created.id()).build())
        .entity(created)
        .build();
  }

  @POST
  @Path("bulk")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create many accounts at once",
      description =
          "Body {rows: [{tenant, username, name, mobile?, email?, roles}]}, each tenant the union"
              + " in the path or one below it. Every account or none: 422 lists every problem of"
              + " every row (field rows[n].username, n from 1); 201 with the accounts.")
  @RequestBody(description = "the rows", required = true)
  @APIResponse(responseCode = "201", description = "all created")
  @APIResponse(responseCode = "404", description = "unknown or not the caller's union")
  @APIResponse(responseCode = "422", description = "every problem of every row")
  public Response bulk(
      @Parameter(description = "the union the accounts are created from") @PathParam("tenant")
          String tenant,
      JsonObject body) {
    people.list(caller, tenant);
    var problems = new ArrayList<FieldError>();
    JsonObject input = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
    JsonValue rowsValue = input.get("rows");
    if (!(rowsValue instanceof JsonArray array)) {
      throw new PeopleRefusedException(
          List.of(new FieldError("rows", "REQUIRED", ProblemText.of("api.rows-must-be-a-list"))));
    }
    var rows = new ArrayList<PeopleAdministration.Row>();
    for (int i = 0; i < array.size(); i++) {
      String prefix = "rows[" + (i + 1) + "].";
      if (!(array.get(i) instanceof JsonObject row)) {
        problems.add(
            new FieldError(
                "rows[" + (i + 1) + "]", "NOT_OBJECT", ProblemText.of("common.must-be-an-object")));
        continue;
      }
      String rowTenant = text(row, "tenant", prefix, problems);
      var fields =
          org.unionhub.platform.json.Json.createObjectBuilder(row).remove("tenant").build();
      rows.add(
          new PeopleAdministration.Row(
              rowTenant == null ? tenant : rowTenant, newPerson(fields, prefix, problems)));
    }
    if (!problems.isEmpty()) {
      throw new PeopleRefusedException(problems);
    }
    return Response.status(Response.Status.CREATED).entity(people.createAll(caller, rows)).build();
  }

  @POST
  @Path("import")
  @Consumes({XLSX, MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      summary = "Create many accounts from a spreadsheet",
      description =
          "An .xlsx workbook whose first sheet has a header row: 工会代码/tenant (optional: the union"
              + " in the path), 用户名/username, 姓名/name, 手机号码/mobile, 电子邮箱/email, 角色/roles"
              + " (comma-separated; 工作人员/staff, 工会管理员/tenant-admin). All or nothing: 422 lists"
              + " every problem of every row as rows[n].column, n being the row's number in the"
              + " sheet; 201 with the accounts.")
  @RequestBody(description = "the workbook", required = true)
  @APIResponse(responseCode = "201", description = "all created")
  @APIResponse(responseCode = "404", description = "unknown or not the caller's union")
  @APIResponse(responseCode = "422", description = "every problem of every row, or not a workbook")
  public Response importSheet(
      @Parameter(description = "the union the accounts are created from") @PathParam("tenant")
          String tenant,
      InputStream workbook) {
    people.list(caller, tenant);
    PeopleSheet.Parsed parsed = sheets.read(workbook, tenant);
    try {
      return Response.status(Response.Status.CREATED)
          .entity(people.createAll(caller, parsed.rows()))
          .build();
    } catch (PeopleRefusedException e) {
      throw new PeopleRefusedException(
          e.errors().stream().map(error -> sheetRow(error, parsed.sheetRows())).toList());
    }
  }

  /**
   * {@code rows[3].mobile} of the list is the sheet's {@code rows[4].mobile} when row 3 was 4th.
   */
  static FieldError sheetRow(FieldError error, List<Integer> sheetRows) {
    var m = java.util.regex.Pattern.compile("^rows\\[(\\d+)\\](.*)$").matcher(error.field());
    if (!m.matches()) {
      return error;
    }
    int index = Integer.parseInt(m.group(1)) - 1;
    if (index < 0 || index >= sheetRows.size()) {
      return error;
    }
    return new FieldError(
        "rows[" + sheetRows.get(index) + "]" + m.group(2), error.code(), error.message());
  }

  /**
   * @param body a JSON body
   * @param prefix the field prefix of problems
   * @param problems where problems of types go
   * @return the account it describes
   */
  static NewPerson newPerson(JsonObject body, String prefix, List<FieldError> problems) {
    JsonObject input = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
    input.keySet().stream()
        .filter(k -> !CREATE_FIELDS.contains(k))
        .sorted()
        .forEach(
            k ->
                problems.add(
                    new FieldError(
                        prefix + k, "UNKNOWN_FIELD", ProblemText.of("api.unknown-field"))));
    return new NewPerson(
        text(input, "username", prefix, problems),
        text(input, "name", prefix, problems),
        text(input, "mobile", prefix, problems),
        text(input, "email", prefix, problems),
        roles(input, prefix, problems));
  }

  static Set<String> roles(JsonObject input, String prefix, List<FieldError> problems) {
    JsonValue value = input.get("roles");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(value instanceof JsonArray array)
        || array.stream().anyMatch(v -> !(v instanceof JsonString))) {
      problems.add(
          new FieldError(
              prefix + "roles", "NOT_TEXT_LIST", ProblemText.of("api.must-be-a-list-of-strings")));
      return null;
    }
    var roles = new LinkedHashSet<String>();
    array.forEach(v -> roles.add(((JsonString) v).getString()));
    return roles;
  }

  static String text(JsonObject input, String field, String prefix, List<FieldError> problems) {
    JsonValue value = input.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString s) {
      return s.getString();
    }
    problems.add(
        new FieldError(prefix + field, "NOT_TEXT", ProblemText.of("common.must-be-a-string")));
    return null;
  }
}
