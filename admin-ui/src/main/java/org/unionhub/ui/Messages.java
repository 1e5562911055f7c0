package org.unionhub.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.unionhub.platform.config.ConfigProblem;
import org.unionhub.platform.problem.Explained;
import org.unionhub.platform.problem.FieldError;

/** Faces messages from the {@code messages} bundle, in the view's language. */
final class Messages {

  private Messages() {}

  static String text(String key, Object... args) {
    FacesContext context = FacesContext.getCurrentInstance();
    ResourceBundle bundle = context.getApplication().getResourceBundle(context, "msg");
    String pattern = bundle.containsKey(key) ? bundle.getString(key) : key;
    return args.length == 0 ? pattern : MessageFormat.format(pattern, args);
  }

  /**
   * @return the view's language
   */
  static Locale locale() {
    FacesContext context = FacesContext.getCurrentInstance();
    return context.getViewRoot() != null
        ? context.getViewRoot().getLocale()
        : context.getApplication().getViewHandler().calculateLocale(context);
  }

  /**
   * @param error a refused field
   * @return its reason in the view's language
   */
  static String text(FieldError error) {
    return error.message(locale());
  }

  /**
   * @param problem a configuration problem
   * @return its reason in the view's language
   */
  static String text(ConfigProblem problem) {
    return problem.message(locale());
  }

  /**
   * @param e a refusal of a use case
   * @return why, in the view's language
   */
  static String text(RuntimeException e) {
    return e instanceof Explained explained ? explained.text().in(locale()) : e.getMessage();
  }

  static void info(String key, Object... args) {
    add(FacesMessage.SEVERITY_INFO, text(key, args));
  }

  static void error(String key, Object... args) {
    add(FacesMessage.SEVERITY_ERROR, text(key, args));
  }

  static void raw(FacesMessage.Severity severity, String message) {
    add(severity, message);
  }

  private static void add(FacesMessage.Severity severity, String message) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, message, null));
  }
}
