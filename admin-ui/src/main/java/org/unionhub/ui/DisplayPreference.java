package org.unionhub.ui;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * Switches the elderly-friendly display (长辈模式: larger text and controls, higher contrast) on or off
 * and remembers it in a cookie for a year, then goes back to the page. A plain form posts here, so
 * the switch works without JavaScript and before logging in.
 */
@WebServlet("/display")
public class DisplayPreference extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final String COOKIE = "uh-care";
  static final String ON = "on";

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean on = ON.equals(request.getParameter("care"));
    var cookie = new Cookie(COOKIE, on ? ON : "");
    String contextPath = request.getContextPath();
    cookie.setPath(contextPath.isEmpty() ? "/" : contextPath);
    cookie.setMaxAge(on ? (int) Duration.ofDays(365).toSeconds() : 0);
    cookie.setHttpOnly(true);
    cookie.setSecure(request.isSecure());
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
    response.sendRedirect(back(request.getParameter("back"), contextPath));
  }

  /** Only a path of this application: never a redirect to another site. */
  static String back(String back, String contextPath) {
    String home = contextPath + "/";
    if (back == null
        || !back.startsWith(home)
        || back.startsWith("//")
        || back.contains("\\")
        || back.chars().anyMatch(Character::isISOControl)) {
      return home;
    }
    return back;
  }
}
