package org.unionhub.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * The security headers of every response (web.xml maps it to {@code /*}): no MIME sniffing, no
 * framing by other sites, no referrer beyond this origin, and a Content-Security-Policy. Faces
 * pages replace that policy with PrimeFaces' own (context parameters {@code primefaces.CSP} and
 * {@code primefaces.CSP_POLICY}), which adds the page's script nonce; everything else — the API's
 * JSON, static files, error pages — keeps the strict default below. Cookies are marked HttpOnly,
 * SameSite=Lax and, over HTTPS, Secure by web.xml and WEB-INF/undertow-handlers.conf.
 */
public class SecurityHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String CSP = "Content-Security-Policy";

  /** For responses that are not Faces pages: nothing runs, nothing frames them. */
  static final String DEFAULT_POLICY =
      "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self';"
          + " frame-ancestors 'none'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader(CSP, DEFAULT_POLICY);
    chain.doFilter(request, new OnePolicy(response));
  }

  /**
   * Lets a page's own policy (PrimeFaces adds it) replace the default instead of adding a second.
   */
  private static final class OnePolicy extends HttpServletResponseWrapper {
    OnePolicy(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addHeader(String name, String value) {
      if (CSP.equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      } else {
        super.addHeader(name, value);
      }
    }
  }
}
