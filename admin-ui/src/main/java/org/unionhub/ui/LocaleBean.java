package org.unionhub.ui;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;

/** The UI language of a session: Simplified Chinese by default, English on request. */
@Named
@SessionScoped
public class LocaleBean implements Serializable {

  private static final long serialVersionUID = 1L;

  private Locale locale = Locale.SIMPLIFIED_CHINESE;

  public Locale getLocale() {
    return locale;
  }

  public boolean isEnglish() {
    return "en".equals(locale.getLanguage());
  }

  /**
   * Switches between Chinese and English, then reloads the page as a new view so that everything on
   * it, data included, is rendered in the new language.
   *
   * @throws IOException when the redirect fails
   */
  public void toggle() throws IOException {
    locale = isEnglish() ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    external.redirect(request.getRequestURI());
  }
}
