package org.unionhub.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Faces messages from the {@code messages} bundle, in the view's language. */
final class Messages {

  private Messages() {}

  static String text(String key, Object... args) {
    FacesContext context = FacesContext.getCurrentInstance();
    ResourceBundle bundle = context.getApplication().getResourceBundle(context, "msg");
    String pattern = bundle.containsKey(key) ? bundle.getString(key) : key;
    return args.length == 0 ? pattern : MessageFormat.format(pattern, args);
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
