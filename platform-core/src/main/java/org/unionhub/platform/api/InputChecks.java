package org.unionhub.platform.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import org.unionhub.platform.problem.ProblemText;

/**
 * Checks that come before any resource method: a body declared larger than {@link
 * BodyLimit#maxBytes()} is refused with 413 before a byte of it is read, and path and query
 * parameters carrying NUL or unpaired surrogates are refused with 400 naming the parameter (they
 * would otherwise reach the database).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class InputChecks implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      long declared;
      try {
        declared = Long.parseLong(length.strip());
      } catch (NumberFormatException e) {
        throw ApiRefusal.badRequest(
            "Content-Length", "INVALID_HEADER", ProblemText.of("api.invalid-content-length"));
      }
      if (declared > BodyLimit.maxBytes()) {
        throw BodyLimit.tooLarge();
      }
    }
    check(request.getUriInfo().getPathSegments().stream().map(s -> s.getPath()).toList(), "path");
    for (Map.Entry<String, List<String>> e :
        ((MultivaluedMap<String, String>) request.getUriInfo().getQueryParameters()).entrySet()) {
      check(List.of(e.getKey()), e.getKey());
      check(e.getValue(), e.getKey());
    }
  }

  private static void check(List<String> values, String parameter) {
    for (String v : values) {
      String problem = v == null ? null : Text.problem(v);
      if (problem != null) {
        throw ApiRefusal.badRequest(parameter, problem, Text.message(problem));
      }
    }
  }
}
