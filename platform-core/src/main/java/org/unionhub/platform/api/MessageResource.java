package org.unionhub.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.unionhub.platform.item.ConversationMessage;
import org.unionhub.platform.item.ConversationService;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.security.Caller;

/** The conversation on a request, for modules that declare one. */
@Path("/requests/{id}/messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

  @Inject Caller caller;
  @Inject ConversationService conversations;

  @GET
  @Operation(
      summary = "A request's conversation, in order",
      description =
          "The submitter and the union's officers; 404 otherwise or without conversations.")
  public List<JsonObject> list(@PathParam("id") String id) {
    return conversations.messages(caller, uuid(id)).stream().map(MessageResource::dto).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Write in a request's conversation",
      description = "Body {body}; 201 with the message and its seq; 422 when empty or too long.")
  public Response write(@PathParam("id") String id, @RequestBody(required = true) JsonObject body) {
    JsonObject object = ItemResource.object(body);
    String text = object.get("body") instanceof JsonString s ? s.getString() : null;
    return Response.status(Response.Status.CREATED)
        .entity(dto(conversations.write(caller, uuid(id), text)))
        .build();
  }

  static JsonObject dto(ConversationMessage m) {
    return Json.createObjectBuilder()
        .add("id", m.getId().toString())
        .add("seq", m.getSeq())
        .add("author", m.getAuthor())
        .add("role", m.getAuthorRole())
        .add("body", m.getBody())
        .add("at", m.getWrittenAt().toString())
        .build();
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotVisibleException("request");
    }
  }
}
