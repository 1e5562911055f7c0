package org.unionhub.platform.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.unionhub.platform.problem.ProblemText;

/**
 * The language the API answers problems in: the first of the request's {@code Accept-Language} that
 * UnionHub speaks (zh or en), zh-CN otherwise. Set before anything else of a request runs, so that
 * every error body, also those of refusals before a resource is chosen, is written in it by {@link
 * ApiError.Item}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestLanguage implements ContainerRequestFilter, ContainerResponseFilter {

  private static final ThreadLocal<Locale> CURRENT = new ThreadLocal<>();

  @Override
  public void filter(ContainerRequestContext request) {
    CURRENT.set(choose(request.getAcceptableLanguages()));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    // The body is already built; the thread goes back to the pool without it.
    CURRENT.remove();
  }

  /**
   * @return the language of the request being answered; zh-CN outside a request
   */
  public static Locale current() {
    Locale locale = CURRENT.get();
    return locale == null ? ProblemText.DEFAULT : locale;
  }

  /**
   * @param preferred the reader's languages, most preferred first
   * @return English or zh-CN
   */
  public static Locale choose(List<Locale> preferred) {
    for (Locale locale : preferred) {
      if ("en".equals(locale.getLanguage())) {
        return Locale.ENGLISH;
      }
      if ("zh".equals(locale.getLanguage())) {
        return ProblemText.DEFAULT;
      }
    }
    return ProblemText.DEFAULT;
  }

  /**
   * @param preferred a servlet request's locales, most preferred first
   * @return English or zh-CN
   */
  public static Locale choose(Enumeration<Locale> preferred) {
    return choose(java.util.Collections.list(preferred));
  }
}
