package org.unionhub.platform.people;

import java.io.InputStream;
import java.util.List;

/**
 * Port: reads accounts to create from a spreadsheet (implemented by tenant-config). Columns are
 * found by their header in the first row, in Chinese or English: 工会代码/tenant, 用户名/username,
 * 姓名/name, 手机号码/mobile, 电子邮箱/email, 角色/roles (several separated by commas; 工作人员 or staff, 工会管理员 or
 * tenant-admin). Empty rows are skipped.
 */
public interface PeopleSheet {

  /**
   * The rows read.
   *
   * @param rows the accounts, in sheet order
   * @param sheetRows for each account, its row number in the sheet (the header is row 1)
   */
  record Parsed(List<PeopleAdministration.Row> rows, List<Integer> sheetRows) {}

  /**
   * @param workbook an .xlsx workbook; its first sheet is read
   * @param defaultTenant the union of rows that name none
   * @return the rows
   * @throws PeopleRefusedException when the file is not a workbook or lacks a required column
   */
  Parsed read(InputStream workbook, String defaultTenant);
}
