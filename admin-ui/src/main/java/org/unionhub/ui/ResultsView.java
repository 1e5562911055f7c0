package org.unionhub.ui;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.unionhub.platform.item.ResultsService;
import org.unionhub.platform.json.Json;
import org.unionhub.sdk.form.Choice;
import org.unionhub.sdk.form.FieldType;
import org.unionhub.sdk.form.FormField;
import org.unionhub.sdk.item.Item;

/**
 * A tally as pages show it, per question: counts and percentages per choice with a Chart.js bar
 * chart (PrimeFaces' {@code p:chart}), averages for ratings and numbers, free-text answers, and per
 * union when the item was pushed. A view model with no Faces dependency.
 */
public final class ResultsView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One row of a question's table. */
  public record Row(String label, String count, String percent) implements Serializable {}

  /** One question's results. */
  public record QuestionResult(
      String name,
      String label,
      boolean choices,
      List<Row> rows,
      String average,
      List<String> texts,
      String chartJson)
      implements Serializable {}

  /** One union's line in the comparison. */
  public record UnionRow(String name, String responses, List<String> values)
      implements Serializable {}

  private final String responses;
  private final boolean hidden;
  private final int minimumCell;
  private final List<QuestionResult> questions;
  private final List<String> comparisonHeaders;
  private final List<UnionRow> unions;

  private ResultsView(
      String responses,
      boolean hidden,
      int minimumCell,
      List<QuestionResult> questions,
      List<String> comparisonHeaders,
      List<UnionRow> unions) {
    this.responses = responses;
    this.hidden = hidden;
    this.minimumCell = minimumCell;
    this.questions = questions;
    this.comparisonHeaders = comparisonHeaders;
    this.unions = unions;
  }

  /**
   * @param r the tally as the caller may see it
   * @param item the item, for its questions
   * @param locale the reader's language
   * @param countLabel the chart's dataset label
   * @return the view
   */
  public static ResultsView of(
      ResultsService.Results r, Item item, Locale locale, String countLabel) {
    Map<String, ResultsService.Cell> cells = index(r.cells());
    var questions = new ArrayList<QuestionResult>();
    var headers = new ArrayList<String>();
    for (FormField q : item.questions()) {
      boolean choices = q.type().hasChoices();
      var rows = new ArrayList<Row>();
      var labels = Json.createArrayBuilder();
      var data = Json.createArrayBuilder();
      if (choices) {
        for (Choice c : q.choices()) {
          var cell = cells.get(q.name() + "=" + c.value());
          String label = c.label().in(locale);
          rows.add(
              new Row(
                  label,
                  cell == null ? (r.anonymous() ? "—" : "0") : String.valueOf(cell.count()),
                  cell == null || cell.percent() == null ? "" : cell.percent() + "%"));
          labels.add(label);
          data.add(cell == null ? 0 : cell.count());
          headers.add(q.label().in(locale) + "：" + label);
        }
      } else if (q.type().isNumeric()) {
        headers.add(q.label().in(locale));
      }
      var average = cells.get(q.name());
      String averageText =
          q.type().isNumeric() && average != null && average.average() != null
              ? average.average().toPlainString()
              : "";
      String chart =
          choices
              ? Json.createObjectBuilder()
                  .add("type", "bar")
                  .add(
                      "data",
                      Json.createObjectBuilder()
                          .add("labels", labels)
                          .add(
                              "datasets",
                              Json.createArrayBuilder()
                                  .add(
                                      Json.createObjectBuilder()
                                          .add("label", countLabel)
                                          .add("data", data)
                                          .add("backgroundColor", "#b71c1c"))))
                  .add(
                      "options",
                      Json.createObjectBuilder()
                          .add("indexAxis", "y")
                          .add("responsive", true)
                          .add(
                              "plugins",
                              Json.createObjectBuilder()
                                  .add("legend", Json.createObjectBuilder().add("display", false))))
                  .build()
                  .toString()
              : null;
      boolean text = q.type() == FieldType.TEXT || q.type() == FieldType.LONG_TEXT;
      questions.add(
          new QuestionResult(
              q.name(),
              q.label().in(locale),
              choices,
              rows,
              averageText,
              text ? r.texts().getOrDefault(q.name(), List.of()) : List.of(),
              chart));
    }
    var unions = new ArrayList<UnionRow>();
    for (var u : r.unions()) {
      Map<String, ResultsService.Cell> uc = index(u.cells());
      var values = new ArrayList<String>();
      for (FormField q : item.questions()) {
        if (q.type().hasChoices()) {
          for (Choice c : q.choices()) {
            var cell = uc.get(q.name() + "=" + c.value());
            values.add(
                u.hidden()
                    ? "—"
                    : cell == null
                        ? (r.anonymous() ? "—" : "0")
                        : cell.count()
                            + (cell.percent() == null ? "" : " (" + cell.percent() + "%)"));
          }
        } else if (q.type().isNumeric()) {
          var cell = uc.get(q.name());
          BigDecimal avg = cell == null ? null : cell.average();
          values.add(u.hidden() || avg == null ? "—" : avg.toPlainString());
        }
      }
      unions.add(
          new UnionRow(
              u.name(), u.responses() == null ? "—" : String.valueOf(u.responses()), values));
    }
    return new ResultsView(
        r.responses() == null ? "—" : String.valueOf(r.responses()),
        r.hidden(),
        r.minimumCell(),
        questions,
        headers,
        unions);
  }

  private static Map<String, ResultsService.Cell> index(List<ResultsService.Cell> cells) {
    var map = new HashMap<String, ResultsService.Cell>();
    cells.forEach(c -> map.put(c.key(), c));
    return map;
  }

  public String getResponses() {
    return responses;
  }

  public boolean isHidden() {
    return hidden;
  }

  public int getMinimumCell() {
    return minimumCell;
  }

  public List<QuestionResult> getQuestions() {
    return questions;
  }

  public List<String> getComparisonHeaders() {
    return comparisonHeaders;
  }

  public List<UnionRow> getUnions() {
    return unions;
  }
}
