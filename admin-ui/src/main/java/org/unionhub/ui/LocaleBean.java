package org.unionhub.ui;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
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

  /** Switches between Chinese and English and reloads the view. */
  public void toggle() {
    locale = isEnglish() ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
  }
}
