package org.unionhub.platform.api;

import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.unionhub.platform.calendar.CalendarConflictException;
import org.unionhub.platform.calendar.CalendarRefusedException;
import org.unionhub.platform.problem.NotAllowedException;
import org.unionhub.platform.problem.NotVisibleException;
import org.unionhub.platform.problem.ProblemText;
import org.unionhub.platform.problem.SubmissionRefusedException;
import org.unionhub.platform.rules.RuleEvaluationException;
import org.unionhub.platform.tenancy.TenantChangeRefusedException;
import org.unionhub.platform.workflow.RequestConflictException;

/**
 * Turns exceptions into the API's error bodies; no stack trace ever reaches a client. The one place
 * where problems become text: each {@link ProblemText} is written in the request's language ({@link
 * RequestLanguage}) as its {@link ApiError.Item} is made.
 */
public final class ErrorMappers {

  private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

  private ErrorMappers() {}

  static Response error(Response.Status status, ApiError body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  /** 422 with one entry per refused field. */
  static Response fieldErrors(java.util.List<org.unionhub.platform.problem.FieldError> errors) {
    return error422(
        errors.stream()
            .map(f -> new ApiError.Item(f.field(), null, null, f.code(), f.text()))
            .toList());
  }

  private static Response error422(java.util.List<ApiError.Item> items) {
    return Response.status(422)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ApiError(items))
        .build();
  }

  /** 422 with one entry per refused field. */
  @Provider
  public static class Refused implements ExceptionMapper<SubmissionRefusedException> {
    @Override
    public Response toResponse(SubmissionRefusedException e) {
      return fieldErrors(e.errors());
    }
  }

  /** 422 with one entry per configuration problem: its item path and, for rule text, position. */
  @Provider
  public static class ConfigRefused
      implements ExceptionMapper<org.unionhub.platform.config.ConfigRefusedException> {
    @Override
    public Response toResponse(org.unionhub.platform.config.ConfigRefusedException e) {
      return error422(
          e.problems().stream()
              .map(p -> new ApiError.Item(p.path(), p.line(), p.column(), p.code(), p.text()))
              .toList());
    }
  }

  /** 422 with every problem of a calendar change. */
  @Provider
  public static class CalendarRefused implements ExceptionMapper<CalendarRefusedException> {
    @Override
    public Response toResponse(CalendarRefusedException e) {
      return fieldErrors(e.errors());
    }
  }

  /** 422 with one entry per refused field of a tenant change. */
  @Provider
  public static class TenantRefused implements ExceptionMapper<TenantChangeRefusedException> {
    @Override
    public Response toResponse(TenantChangeRefusedException e) {
      return fieldErrors(e.errors());
    }
  }

  /** 409 for a calendar change based on a stale state; with the year's version when it has one. */
  @Provider
  public static class CalendarConflict implements ExceptionMapper<CalendarConflictException> {
    @Override
    public Response toResponse(CalendarConflictException e) {
      var response =
          Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE);
      if (e.currentVersion() == null) {
        return response.entity(ApiError.of(e.code(), e.text())).build();
      }
      return response
          .tag(Etags.of(e.currentVersion()))
          .entity(
              Map.of(
                  "errors",
                  ApiError.of(e.code(), e.text()).errors(),
                  "version",
                  e.currentVersion()))
          .build();
    }
  }

  /** 409: a once-per-member action taken a second time; nothing was stored. */
  @Provider
  public static class AlreadyTaken
      implements ExceptionMapper<org.unionhub.platform.item.AlreadyTakenException> {
    @Override
    public Response toResponse(org.unionhub.platform.item.AlreadyTakenException e) {
      return error(Response.Status.CONFLICT, ApiError.of("ALREADY_TAKEN", e.text()));
    }
  }

  /** 404 without saying whether the thing exists. */
  @Provider
  public static class NotVisible implements ExceptionMapper<NotVisibleException> {
    @Override
    public Response toResponse(NotVisibleException e) {
      return error(Response.Status.NOT_FOUND, ApiError.of("NOT_FOUND", e.text()));
    }
  }

  /** 403. */
  @Provider
  public static class NotAllowed implements ExceptionMapper<NotAllowedException> {
    @Override
    public Response toResponse(NotAllowedException e) {
      return error(Response.Status.FORBIDDEN, ApiError.of("FORBIDDEN", e.text()));
    }
  }

  /** 409 with the request's current state and version. */
  @Provider
  public static class Conflict implements ExceptionMapper<RequestConflictException> {
    @Override
    public Response toResponse(RequestConflictException e) {
      return Response.status(Response.Status.CONFLICT)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .tag(Etags.of(e.currentVersion()))
          .entity(
              Map.of(
                  "errors",
                  ApiError.of("CONFLICT", e.text()).errors(),
                  "state",
                  e.currentState(),
                  "version",
                  e.currentVersion()))
          .build();
    }
  }

  /** What the API refuses before a use case sees it: its status, the field when there is one. */
  @Provider
  public static class Refusal implements ExceptionMapper<ApiRefusal> {
    @Override
    public Response toResponse(ApiRefusal e) {
      return Response.status(e.status())
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(e.body())
          .build();
    }
  }

  /** 400 for a body that is not JSON. */
  @Provider
  public static class BadJson implements ExceptionMapper<JsonParsingException> {
    @Override
    public Response toResponse(JsonParsingException e) {
      return error(
          Response.Status.BAD_REQUEST,
          ApiError.of("INVALID_JSON", ProblemText.of("api.the-body-is-not-valid-json")));
    }
  }

  /** 400 for malformed parameters. */
  @Provider
  public static class BadArgument implements ExceptionMapper<IllegalArgumentException> {
    @Override
    public Response toResponse(IllegalArgumentException e) {
      return error(Response.Status.BAD_REQUEST, ApiError.of("BAD_REQUEST", e.getMessage()));
    }
  }

  /** Rule failures: the evaluation is refused, the server carries on. */
  @Provider
  public static class RuleFailure implements ExceptionMapper<RuleEvaluationException> {
    @Override
    public Response toResponse(RuleEvaluationException e) {
      LOG.log(Level.WARNING, "rule evaluation failed", e);
      return error(
          Response.Status.SERVICE_UNAVAILABLE,
          ApiError.of("RULES_FAILED", ProblemText.of("api.the-rules-failed-the-tenant-s")));
    }
  }

  /**
   * Everything else: the JAX-RS status if it has one (404, 405 with its Allow header, 406, 415,
   * ...) with a stable code, otherwise 500 with a reference.
   */
  @Provider
  public static class Unexpected implements ExceptionMapper<Exception> {
    @Override
    public Response toResponse(Exception e) {
      if (e instanceof WebApplicationException w) {
        Response original = w.getResponse();
        int status = original.getStatus();
        if (status < 500) {
          var response =
              Response.status(status)
                  .type(MediaType.APPLICATION_JSON_TYPE)
                  .entity(ApiError.of(HttpErrors.code(status), HttpErrors.message(status)));
          for (String header : List.of(HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE)) {
            Object value = original.getHeaders().getFirst(header);
            if (value != null) {
              response.header(header, value);
            }
          }
          return response.build();
        }
      }
      String ref = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "unexpected error, reference " + ref, e);
      return error(
          Response.Status.INTERNAL_SERVER_ERROR,
          ApiError.of("INTERNAL", ProblemText.of("api.internal-error-reference", ref)));
    }
  }
}
