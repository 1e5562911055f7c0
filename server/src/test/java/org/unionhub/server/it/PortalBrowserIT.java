package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * A worker applies through the portal form (rendered from the module's descriptor), fixes a mistake
 * without retyping anything, and staff approve the application on its page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalBrowserIT {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub();
  }

  private static void type(Browser browser, String field, String value) {
    var input = browser.driver.findElement(By.cssSelector("input.uh-input-" + field));
    input.clear();
    input.sendKeys(value);
  }

  @Test
  void workerAppliesFixesAMistakeAndStaffApproveTheApplication() throws Exception {
    String requestId;
    try (var worker = new Browser("zh-CN")) {
      worker.open("/portal/apply/enrollment/gd-sz-ft-001");
      worker.login("worker3");
      worker.waitFor(By.id("apply:submit"));
      type(worker, "name", "马丽");
      worker.choose("uh-input-gender", "女");
      type(worker, "idNumber", Api.idNumber(TODAY.minusYears(28), 333));
      type(worker, "mobile", "123");
      type(worker, "employerName", "深圳市福田区星河科技有限公司");
      type(worker, "employerCreditCode", Api.creditCode("91440300MA5F00001"));
      worker.choose("uh-input-employmentType", "劳务派遣");
      worker.driver.findElement(By.id("apply:submit")).click();

      worker.waitForText(By.cssSelector(".uh-error-mobile"), "11");
      assertThat(
              worker
                  .driver
                  .findElement(By.cssSelector("input.uh-input-name"))
                  .getAttribute("value"))
          .as("what the worker typed is kept")
          .isEqualTo("马丽");
      worker.screenshot("portal-apply-refused");

      type(worker, "mobile", "13712345678");
      worker.driver.findElement(By.id("apply:submit")).click();
      requestId = worker.text(By.id("requestId"));
      assertThat(requestId).hasSize(36);
      worker.screenshot("portal-apply-received");
    }

    try (var staff = new Browser("zh-CN")) {
      staff.open("/staff/requests/" + requestId);
      staff.login("ft-staff");
      staff.waitForText(By.id("state"), "待审核");
      assertThat(staff.driver.getPageSource()).contains("马丽").contains("劳务派遣").contains("********");
      staff.driver.findElement(By.cssSelector("textarea")).sendKeys("材料齐全，同意入会");
      staff.driver.findElement(By.cssSelector("button.uh-action-approve")).click();
      staff.waitForText(By.id("state"), "已批准");
      assertThat(staff.driver.getPageSource()).contains("材料齐全，同意入会").contains("批准入会");
      assertThat(staff.driver.findElements(By.cssSelector("button.uh-action-reject")))
          .as("a finished request offers no more actions")
          .isEmpty();
      staff.screenshot("staff-request-approved");
    }

    var mine = Api.get("/api/v1/requests/" + requestId, "worker3");
    assertThat(mine.json().getString("state")).isEqualTo("approved");
  }

  @Test
  void staffOfAnotherDistrictCannotOpenTheRequestPage() throws Exception {
    var created =
        Api.post(
            "/api/v1/tenants/gd-sz-ft-001/modules/enrollment/requests",
            "worker1",
            Api.enrollment("秦岚", Api.idNumber(TODAY.minusYears(33), 334)));
    String id = created.json().getString("id");
    try (var browser = new Browser("zh-CN")) {
      browser.open("/staff/requests/" + id);
      browser.login("ns-staff");
      browser.waitFor(By.id("notFound"));
      assertThat(browser.driver.getPageSource()).doesNotContain("秦岚");
    }
  }

  @Test
  void aPlatformWorkerWithoutAUnionChoosesADistrictOnAPhoneAndTheApplicationGoesThere()
      throws Exception {
    String requestId;
    try (var phone = new Browser("zh-CN")) {
      phone.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
      phone.open("/portal/apply/enrollment/gd-sz");
      phone.login("worker2");
      phone.waitFor(By.id("apply:submit"));
      assertThat(phone.driver.getPageSource())
          .as("the form says what the code and the district are for")
          .contains("外卖骑手");
      type(phone, "name", "周骑");
      phone.choose("uh-input-gender", "男");
      type(phone, "idNumber", Api.idNumber(TODAY.minusYears(26), 817));
      type(phone, "mobile", "13612345678");
      type(phone, "employerName", "某即时配送平台");
      phone.choose("uh-input-employmentType", "新就业形态劳动者");
      phone.choose("uh-input-district", "南山区总工会");
      phone.driver.findElement(By.id("apply:submit")).click();
      requestId = phone.text(By.id("requestId"));
      assertThat(requestId).hasSize(36);
      Object width =
          ((org.openqa.selenium.JavascriptExecutor) phone.driver)
              .executeScript("return document.documentElement.scrollWidth;");
      assertThat(((Number) width).intValue()).as("no sideways scrolling").isLessThanOrEqualTo(390);
      phone.screenshot("portal-apply-routed-to-district");
    }
    var stored = Api.get("/api/v1/requests/" + requestId, "sz-admin");
    assertThat(stored.status()).as(stored.raw()).isEqualTo(200);
    assertThat(stored.json().getString("tenant")).isEqualTo("gd-sz-ns");
  }
}
