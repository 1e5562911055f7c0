package org.unionhub.platform.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.unionhub.platform.json.Json;
import org.unionhub.platform.problem.ProblemText;

/**
 * The error page of the web application (web.xml maps the 4xx and 5xx codes here). Errors that
 * never reach JAX-RS — 401 from the bearer-token check, 404 outside {@code /api/v1}, 405 and 413
 * from the servlet container — answer API callers the same {@code {"errors":[...]}} body as every
 * other API error, with {@code WWW-Authenticate: Bearer} on a 401; web pages get a short HTML page.
 */
public class ErrorPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
    String path = uri instanceof String s ? s : request.getRequestURI();
    if (path.startsWith(request.getContextPath() + "/api/")) {
      json(status, RequestLanguage.choose(request.getLocales()), response);
    } else if (status >= 500) {
      request.getRequestDispatcher("/error.html").forward(request, response);
    } else {
      html(status, RequestLanguage.choose(request.getLocales()), response);
    }
  }

  private static void json(int status, Locale locale, HttpServletResponse response)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (status == HttpServletResponse.SC_UNAUTHORIZED
        && response.getHeader("WWW-Authenticate") == null) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"unionhub\"");
    }
    String body =
        Json.createObjectBuilder()
            .add(
                "errors",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("code", HttpErrors.code(status))
                            .add("message", HttpErrors.message(status).in(locale))))
            .build()
            .toString();
    response.getWriter().write(body);
  }

  private static void html(int status, Locale locale, HttpServletResponse response)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String message = HttpErrors.message(status).in(locale);
    response
        .getWriter()
        .write(
            "<!DOCTYPE html><html lang=\""
                + locale.toLanguageTag()
                + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>UnionHub "
                + status
                + "</title></head><body><h1>"
                + status
                + "</h1><p>"
                + message.replace("<", "&lt;")
                + "</p><p><a href=\"/\">"
                + ProblemText.of("api.home").in(locale)
                + "</a></p></body></html>");
  }
}
