package org.unionhub.tenant.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;
import org.unionhub.platform.people.PeopleRefusedException;
import org.unionhub.platform.problem.FieldError;

class FastexcelPeopleSheetTest {

  private static byte[] workbook(Object[][] cells) throws IOException {
    var out = new ByteArrayOutputStream();
    var book = new Workbook(out, "UnionHub", "1.0");
    var sheet = book.newWorksheet("人员");
    for (int r = 0; r < cells.length; r++) {
      for (int c = 0; c < cells[r].length; c++) {
        Object v = cells[r][c];
        if (v instanceof Number n) {
          sheet.value(r, c, n);
        } else if (v != null) {
          sheet.value(r, c, v.toString());
        }
      }
    }
    book.finish();
    return out.toByteArray();
  }

  @Test
  void rowsAreReadByTheirChineseHeadersWithSheetRowNumbersAndRolesByTheirLabels() throws Exception {
    byte[] file =
        workbook(
            new Object[][] {
              {"工会代码", "用户名", "姓名", "手机号码", "角色"},
              {"gd-sz-ft", "ft-a", "甲", 13800138000L, "工作人员"},
              {null, null, null, null, null},
              {null, "sz-b", "乙", null, "工会管理员，工作人员"}
            });
    var parsed = new FastexcelPeopleSheet().read(new ByteArrayInputStream(file), "gd-sz");
    assertThat(parsed.rows()).hasSize(2);
    assertThat(parsed.sheetRows()).containsExactly(2, 4);
    assertThat(parsed.rows().get(0).tenant()).isEqualTo("gd-sz-ft");
    assertThat(parsed.rows().get(0).person().mobile()).isEqualTo("13800138000");
    assertThat(parsed.rows().get(0).person().roles()).containsExactly("staff");
    assertThat(parsed.rows().get(1).tenant()).as("the union of the path").isEqualTo("gd-sz");
    assertThat(parsed.rows().get(1).person().roles()).isEqualTo(Set.of("tenant-admin", "staff"));
  }

  @Test
  void englishHeadersWorkToo() throws Exception {
    byte[] file =
        workbook(
            new Object[][] {
              {"Username", "Name", "Roles", "E-mail"}, {"x1", "X", "staff", "x@y.cn"}
            });
    var parsed = new FastexcelPeopleSheet().read(new ByteArrayInputStream(file), "gd-sz");
    assertThat(parsed.rows().get(0).person().email()).isEqualTo("x@y.cn");
  }

  @Test
  void missingColumnsAreAllNamed() throws Exception {
    byte[] file = workbook(new Object[][] {{"姓名"}, {"甲"}});
    assertThatThrownBy(
            () -> new FastexcelPeopleSheet().read(new ByteArrayInputStream(file), "gd-sz"))
        .isInstanceOfSatisfying(
            PeopleRefusedException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::code)
                    .containsExactly("MISSING_COLUMN", "MISSING_COLUMN"));
  }

  @Test
  void somethingElseIsNotAWorkbook() {
    assertThatThrownBy(
            () ->
                new FastexcelPeopleSheet()
                    .read(new ByteArrayInputStream("name,roles\n".getBytes()), "gd-sz"))
        .isInstanceOfSatisfying(
            PeopleRefusedException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::code)
                    .containsExactly("NOT_A_WORKBOOK"));
  }
}
