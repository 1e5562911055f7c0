package org.unionhub.tenant.people;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.unionhub.platform.people.PeopleAdministration;
import org.unionhub.platform.people.PeopleAdministration.NewPerson;
import org.unionhub.platform.people.PeopleRefusedException;
import org.unionhub.platform.people.PeopleSheet;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.ProblemText;

/**
 * Reads the accounts of a bulk creation from an .xlsx workbook with fastexcel-reader (ADR 16): a
 * streaming reader of the OOXML format only, small and without POI's dependency tree, which is all
 * an upload of a few thousand rows needs.
 */
@ApplicationScoped
public class FastexcelPeopleSheet implements PeopleSheet {

  /** The most rows read; the use case refuses more anyway. */
  static final int MAX_ROWS = PeopleService.MAX_ROWS + 1;

  private static final Map<String, String> HEADERS = new HashMap<>();

  static {
    for (String h : List.of("工会代码", "工会", "tenant", "union")) {
      HEADERS.put(h, "tenant");
    }
    for (String h : List.of("用户名", "username")) {
      HEADERS.put(h, "username");
    }
    for (String h : List.of("姓名", "name")) {
      HEADERS.put(h, "name");
    }
    for (String h : List.of("手机号码", "手机", "mobile")) {
      HEADERS.put(h, "mobile");
    }
    for (String h : List.of("电子邮箱", "邮箱", "email", "e-mail")) {
      HEADERS.put(h, "email");
    }
    for (String h : List.of("角色", "roles", "role")) {
      HEADERS.put(h, "roles");
    }
  }

  private static final Map<String, String> ROLES =
      Map.of(
          "工作人员",
          "staff",
          "staff",
          "staff",
          "工会管理员",
          "tenant-admin",
          "管理员",
          "tenant-admin",
          "tenant-admin",
          "tenant-admin");

  @Override
  public Parsed read(InputStream workbook, String defaultTenant) {
    try (var book = new ReadableWorkbook(workbook)) {
      Sheet sheet = book.getFirstSheet();
      var rows = new ArrayList<PeopleAdministration.Row>();
      var numbers = new ArrayList<Integer>();
      Map<String, Integer> columns = null;
      try (var stream = sheet.openStream()) {
        for (Row row : (Iterable<Row>) stream::iterator) {
          if (columns == null) {
            columns = columns(row);
            continue;
          }
          if (blank(row)) {
            continue;
          }
          if (rows.size() >= MAX_ROWS) {
            break;
          }
          String tenant = text(row, columns.get("tenant"));
          rows.add(
              new PeopleAdministration.Row(
                  tenant == null ? defaultTenant : tenant,
                  new NewPerson(
                      text(row, columns.get("username")),
                      text(row, columns.get("name")),
                      text(row, columns.get("mobile")),
                      text(row, columns.get("email")),
                      roles(text(row, columns.get("roles"))))));
          numbers.add(row.getRowNum());
        }
      }
      if (columns == null) {
        throw refused("EMPTY_SHEET", ProblemText.of("people.the-first-sheet-is-empty"));
      }
      return new Parsed(rows, numbers);
    } catch (IOException | RuntimeException e) {
      if (e instanceof PeopleRefusedException refused) {
        throw refused;
      }
      throw refused("NOT_A_WORKBOOK", ProblemText.of("people.not-an-xlsx-workbook"));
    }
  }

  private static Map<String, Integer> columns(Row header) {
    var columns = new HashMap<String, Integer>();
    for (int i = 0; i < header.getCellCount(); i++) {
      String name = text(header, i);
      if (name != null) {
        String key = HEADERS.get(name.toLowerCase(Locale.ROOT).replace(" ", ""));
        if (key != null) {
          columns.putIfAbsent(key, i);
        }
      }
    }
    var missing = new ArrayList<FieldError>();
    for (String required : List.of("username", "name", "roles")) {
      if (!columns.containsKey(required)) {
        missing.add(
            new FieldError(
                "file",
                "MISSING_COLUMN",
                ProblemText.of("people.the-header-row-has-no-column", label(required), required)));
      }
    }
    if (!missing.isEmpty()) {
      throw new PeopleRefusedException(missing);
    }
    return columns;
  }

  private static String label(String column) {
    return switch (column) {
      case "username" -> "用户名";
      case "name" -> "姓名";
      default -> "角色";
    };
  }

  static Set<String> roles(String cell) {
    if (cell == null) {
      return null;
    }
    var roles = new LinkedHashSet<String>();
    for (String part : cell.split("[,，、;；\\s]+")) {
      if (!part.isBlank()) {
        roles.add(ROLES.getOrDefault(part.strip().toLowerCase(Locale.ROOT), part.strip()));
      }
    }
    return roles;
  }

  private static boolean blank(Row row) {
    for (int i = 0; i < row.getCellCount(); i++) {
      if (text(row, i) != null) {
        return false;
      }
    }
    return true;
  }

  /** A cell as text: numbers without a fraction as integers (a mobile number typed as a number). */
  private static String text(Row row, Integer column) {
    if (column == null || column >= row.getCellCount()) {
      return null;
    }
    Cell cell = row.getCell(column);
    if (cell == null) {
      return null;
    }
    String value;
    switch (cell.getType()) {
      case NUMBER -> {
        BigDecimal n = cell.asNumber();
        value =
            n.stripTrailingZeros().scale() <= 0 ? n.toBigInteger().toString() : n.toPlainString();
      }
      case EMPTY -> value = null;
      default -> value = cell.getText();
    }
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static PeopleRefusedException refused(String code, ProblemText message) {
    return new PeopleRefusedException(List.of(new FieldError("file", code, message)));
  }
}
