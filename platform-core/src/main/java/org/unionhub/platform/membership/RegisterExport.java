package org.unionhub.platform.membership;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** The member register as an .xlsx workbook (fastexcel), ID and mobile numbers masked. */
public final class RegisterExport {

  /**
   * One row.
   *
   * @param memberNumber the member number
   * @param name the member's name
   * @param idNumber the masked ID number
   * @param mobile the masked mobile number, or empty
   * @param union the union's name
   * @param joinedOn the date of admission, {@code yyyy-MM-dd}
   */
  public record Row(
      String memberNumber,
      String name,
      String idNumber,
      String mobile,
      String union,
      String joinedOn) {}

  private RegisterExport() {}

  /**
   * @param headers the column titles, in the reader's language
   * @param rows the members
   * @param out where the workbook goes; left open
   * @throws IOException when writing fails
   */
  public static void write(List<String> headers, List<Row> rows, OutputStream out)
      throws IOException {
    var workbook = new Workbook(out, "UnionHub", "1.0");
    Worksheet sheet = workbook.newWorksheet("members");
    for (int c = 0; c < headers.size(); c++) {
      sheet.value(0, c, headers.get(c));
      sheet.style(0, c).bold().set();
    }
    int r = 1;
    for (Row row : rows) {
      sheet.value(r, 0, row.memberNumber());
      sheet.value(r, 1, row.name());
      sheet.value(r, 2, row.idNumber());
      sheet.value(r, 3, row.mobile());
      sheet.value(r, 4, row.union());
      sheet.value(r, 5, row.joinedOn());
      r++;
    }
    workbook.finish();
  }
}
