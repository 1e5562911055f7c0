package org.unionhub.ui.rules;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UINamingContainer;
import java.util.Collection;
import java.util.List;

/**
 * The component behind {@code uh:ruleEditor}: turns the page's problems into markers for the
 * editor's script and names the editor's widget after the component, so that several editors can
 * share a page.
 */
@FacesComponent(RuleEditorComponent.TYPE)
public class RuleEditorComponent extends UINamingContainer {

  /** The component type the composite names. */
  public static final String TYPE = "org.unionhub.ui.rules.RuleEditor";

  /**
   * @return the problems passed as {@code problems}, as markers
   */
  public List<ProblemMarker> getMarkers() {
    return ProblemMarker.of((Collection<?>) getAttributes().get("problems"));
  }

  /**
   * @return the markers as JSON, for the editor's script
   */
  public String getMarkersJson() {
    return ProblemMarker.toJson(getMarkers());
  }

  /**
   * @return a widget name unique on the page, made from the client id
   */
  public String getWidgetVar() {
    return widgetVar(getClientId());
  }

  static String widgetVar(String clientId) {
    return "uhRuleEditor_" + clientId.replaceAll("[^A-Za-z0-9_]", "_");
  }
}
