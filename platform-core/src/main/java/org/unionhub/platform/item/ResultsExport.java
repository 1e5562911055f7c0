package org.unionhub.platform.item;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.unionhub.sdk.form.Choice;
import org.unionhub.sdk.form.FormField;

/**
 * Results and answers as a spreadsheet (fastexcel, docs/adr/0021) or CSV, from what {@link
 * ResultsService} already limited: the same hidden cells, no member and no date for anonymous
 * items. Text that a spreadsheet would read as a formula is quoted.
 */
@ApplicationScoped
public class ResultsExport {

  /** The .xlsx media type. */
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** The CSV media type. */
  public static final String CSV = "text/csv";

  /**
   * @return rows of the results: union, question, answer, count, percent, average
   */
  public List<List<Object>> resultRows(ResultsService.Results r, Locale locale) {
    boolean en = "en".equals(locale.getLanguage());
    var rows = new ArrayList<List<Object>>();
    rows.add(
        en
            ? List.of("Union", "Question", "Answer", "Count", "Percent", "Average")
            : List.of("单位", "问题", "选项", "人数", "百分比", "平均分"));
    String all = en ? "All" : "合计";
    addCells(rows, r, all, r.cells(), r.responses(), r.hidden(), locale);
    for (var u : r.unions()) {
      addCells(rows, r, u.name(), u.cells(), u.responses(), u.hidden(), locale);
    }
    return rows;
  }

  private static void addCells(
      List<List<Object>> rows,
      ResultsService.Results r,
      String union,
      List<ResultsService.Cell> cells,
      Long responses,
      boolean hidden,
      Locale locale) {
    boolean en = "en".equals(locale.getLanguage());
    if (hidden) {
      rows.add(
          List.of(
              union,
              en
                  ? "(fewer than " + r.minimumCell() + " responses: hidden)"
                  : "（少于" + r.minimumCell() + "人，不显示）",
              "",
              "",
              "",
              ""));
      return;
    }
    rows.add(
        List.of(union, en ? "Responses" : "答卷数", "", responses == null ? "" : responses, "", ""));
    for (var c : cells) {
      if ("count".equals(c.key())) {
        continue;
      }
      int eq = c.key().indexOf('=');
      String name = eq < 0 ? c.key() : c.key().substring(0, eq);
      FormField q = r.item().question(name);
      String question = q == null ? name : q.label().in(locale);
      String answer = "";
      if (eq >= 0) {
        String value = c.key().substring(eq + 1);
        answer =
            q == null
                ? value
                : q.choices().stream()
                    .filter(ch -> ch.value().equals(value))
                    .map(Choice::label)
                    .map(l -> l.in(locale))
                    .findFirst()
                    .orElse(value);
      }
      rows.add(
          List.of(
              union,
              question,
              answer,
              c.count(),
              c.percent() == null ? "" : c.percent(),
              c.average() == null ? "" : c.average()));
    }
  }

  /**
   * @return rows of the answers: union, [member, day,] one column per question
   */
  public List<List<Object>> answerRows(
      ResultsService.Results r, List<ResultsService.Answer> answers, Locale locale) {
    boolean en = "en".equals(locale.getLanguage());
    boolean named = !r.anonymous();
    var header = new ArrayList<Object>();
    header.add(en ? "Union" : "单位");
    if (named) {
      header.add(en ? "Member" : "会员");
      header.add(en ? "Date" : "日期");
    }
    r.item().questions().forEach(q -> header.add(q.label().in(locale)));
    var rows = new ArrayList<List<Object>>();
    rows.add(header);
    for (var a : answers) {
      var row = new ArrayList<Object>();
      row.add(a.tenant());
      if (named) {
        row.add(a.actor() == null ? "" : a.actor());
        row.add(a.day() == null ? "" : a.day().toString());
      }
      for (FormField q : r.item().questions()) {
        row.add(a.values().getOrDefault(q.name(), ""));
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * @return the results as CSV, UTF-8 with a byte order mark (Excel opens it in Chinese)
   */
  public byte[] resultsCsv(ResultsService.Results r, Locale locale) {
    return csv(resultRows(r, locale));
  }

  /**
   * @return the answers as CSV
   */
  public byte[] answersCsv(
      ResultsService.Results r, List<ResultsService.Answer> answers, Locale locale) {
    return csv(answerRows(r, answers, locale));
  }

  /**
   * @return a workbook with the sheets "results" and "answers"
   */
  public byte[] xlsx(ResultsService.Results r, List<ResultsService.Answer> answers, Locale locale) {
    boolean en = "en".equals(locale.getLanguage());
    var out = new ByteArrayOutputStream();
    try {
      Workbook wb = new Workbook(out, "UnionHub", "1.0");
      sheet(wb.newWorksheet(en ? "Results" : "统计结果"), resultRows(r, locale));
      sheet(wb.newWorksheet(en ? "Answers" : "全部答卷"), answerRows(r, answers, locale));
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void sheet(Worksheet ws, List<List<Object>> rows) {
    for (int i = 0; i < rows.size(); i++) {
      List<Object> row = rows.get(i);
      for (int j = 0; j < row.size(); j++) {
        Object v = row.get(j);
        if (v instanceof Number n) {
          ws.value(i, j, n);
        } else {
          ws.value(i, j, String.valueOf(v));
        }
      }
    }
  }

  private static byte[] csv(List<List<Object>> rows) {
    var sb = new StringBuilder("\uFEFF");
    for (List<Object> row : rows) {
      for (int j = 0; j < row.size(); j++) {
        if (j > 0) {
          sb.append(',');
        }
        sb.append(field(row.get(j)));
      }
      sb.append("\r\n");
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String field(Object v) {
    String s = String.valueOf(v);
    if (!(v instanceof Number) && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.indexOf(',') >= 0
        || s.indexOf('"') >= 0
        || s.indexOf('\n') >= 0
        || s.indexOf('\r') >= 0) {
      s = '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}
