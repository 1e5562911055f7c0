package org.unionhub.platform.api;

import org.unionhub.platform.problem.ProblemText;

/** Codes and messages of the HTTP errors every part of the API answers the same way. */
public final class HttpErrors {

  private HttpErrors() {}

  /**
   * @param status an HTTP status
   * @return its stable code in error bodies
   */
  public static String code(int status) {
    return switch (status) {
      case 400 -> "BAD_REQUEST";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 406 -> "NOT_ACCEPTABLE";
      case 409 -> "CONFLICT";
      case 411 -> "LENGTH_REQUIRED";
      case 413 -> "BODY_TOO_LARGE";
      case 414 -> "URI_TOO_LONG";
      case 415 -> "UNSUPPORTED_MEDIA_TYPE";
      case 500 -> "INTERNAL";
      default -> "HTTP_" + status;
    };
  }

  /**
   * @param status an HTTP status
   * @return the reason for people
   */
  public static ProblemText message(int status) {
    return switch (status) {
      case 400 -> ProblemText.of("api.bad-request");
      case 401 -> ProblemText.of("api.a-valid-bearer-token-is-required");
      case 403 -> ProblemText.of("api.not-allowed");
      case 404 -> ProblemText.of("api.no-such-resource");
      case 405 -> ProblemText.of("api.method-not-allowed-on-this-resource");
      case 406 -> ProblemText.of("api.only-application-json-can-be-answered");
      case 413 -> ProblemText.of("api.the-body-may-be-at-most", BodyLimit.maxBytes());
      case 415 -> ProblemText.of("api.the-body-must-be-application-json");
      case 500 -> ProblemText.of("api.internal-error");
      default -> ProblemText.of("api.request-failed-http", status);
    };
  }
}
