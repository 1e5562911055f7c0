package org.unionhub.platform.api;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.unionhub.platform.problem.ProblemText;

/**
 * A request the API refuses before any use case sees it: a body that is not JSON, too large or too
 * deep, text that cannot be stored, a malformed parameter or header. Answered with its status and
 * the usual {@code {"errors":[...]}} body, naming the field or parameter at fault when there is
 * one.
 */
public class ApiRefusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient List<ApiError.Item> items;

  /**
   * @param status the HTTP status, 4xx
   * @param items the problems
   */
  public ApiRefusal(int status, List<ApiError.Item> items) {
    super(items.isEmpty() ? "refused" : items.get(0).message(), null, false, false);
    this.status = status;
    this.items = List.copyOf(items);
  }

  /**
   * @param status the HTTP status, 4xx
   * @param field the field, parameter or header at fault, or null
   * @param code a stable reason code
   * @param message the reason for people
   * @return the refusal
   */
  public static ApiRefusal of(int status, String field, String code, String message) {
    return new ApiRefusal(status, List.of(new ApiError.Item(field, null, null, code, message)));
  }

  /**
   * @param status the HTTP status, 4xx
   * @param field the field, parameter or header at fault, or null
   * @param code a stable reason code
   * @param text the reason, written in the request's language
   * @return the refusal
   */
  public static ApiRefusal of(int status, String field, String code, ProblemText text) {
    return new ApiRefusal(status, List.of(new ApiError.Item(field, null, null, code, text)));
  }

  /**
   * @param field the field at fault
   * @param code a stable reason code
   * @param text the reason, written in the request's language
   * @return a 400 refusal
   */
  public static ApiRefusal badRequest(String field, String code, ProblemText text) {
    return of(Response.Status.BAD_REQUEST.getStatusCode(), field, code, text);
  }

  /**
   * @param field the field at fault
   * @param code a stable reason code
   * @param message the reason for people
   * @return a 400 refusal
   */
  public static ApiRefusal badRequest(String field, String code, String message) {
    return of(Response.Status.BAD_REQUEST.getStatusCode(), field, code, message);
  }

  /**
   * @return the HTTP status
   */
  public int status() {
    return status;
  }

  /**
   * @return the body
   */
  public ApiError body() {
    return new ApiError(items);
  }
}
