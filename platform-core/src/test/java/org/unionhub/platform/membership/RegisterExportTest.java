package org.unionhub.platform.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;

class RegisterExportTest {

  @Test
  void theWorkbookHoldsAHeaderAndOneRowPerMemberAsGiven() throws Exception {
    var out = new ByteArrayOutputStream();
    RegisterExport.write(
        List.of("会员号", "姓名", "证件号码", "手机号码", "工会", "入会日期"),
        List.of(
            new RegisterExport.Row(
                "2026000000017",
                "张三",
                "110105********002X",
                "138****8000",
                "星河科技工会",
                "2026-09-28")),
        out);
    try (var book = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      var rows = book.getFirstSheet().read();
      assertThat(rows).hasSize(2);
      assertThat(rows.get(0).getCell(0).getText()).isEqualTo("会员号");
      assertThat(rows.get(1).getCell(0).getText()).isEqualTo("2026000000017");
      assertThat(rows.get(1).getCell(2).getText()).isEqualTo("110105********002X");
      assertThat(rows.get(1).getCell(3).getText()).isEqualTo("138****8000");
    }
  }
}
