package org.unionhub.ui;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Links that survive the login: WildFly's OIDC client drops the query string when it returns from
 * Keycloak (on purpose, ELY-2242), so shareable links carry their parameters in the path and are
 * forwarded here to the page with the parameters it expects.
 *
 * <ul>
 *   <li>{@code /portal/apply/{module}} and {@code /portal/apply/{module}/{tenant}}
 *   <li>{@code /staff/requests/{id}}
 * </ul>
 */
@WebServlet(urlPatterns = {"/portal/apply/*", "/staff/requests/*"})
public class PathLinks extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9-]{1,64}");

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String[] parts =
        request.getPathInfo() == null
            ? new String[0]
            : request.getPathInfo().substring(1).split("/");
    for (String part : parts) {
      if (!SEGMENT.matcher(part).matches()) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
    }
    String target;
    if (request.getServletPath().equals("/portal/apply")
        && parts.length >= 1
        && parts.length <= 2) {
      target =
          "/portal/apply.xhtml?module="
              + encode(parts[0])
              + (parts.length == 2 ? "&tenant=" + encode(parts[1]) : "");
    } else if (request.getServletPath().equals("/staff/requests") && parts.length == 1) {
      target = "/staff/request.xhtml?id=" + encode(parts[0]);
    } else {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    request.getRequestDispatcher(target).forward(request, response);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
