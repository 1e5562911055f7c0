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

/** Staff log in through Keycloak in a real browser and find the applications they handle. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorklistBrowserIT {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  /** Submits an enrollment at 福田区's company union through the API; returns the request id. */
  private static String submit(String user, String name, String idNumber) {
    var created =
        Api.post(
            "/api/v1/tenants/gd-sz-ft-001/modules/enrollment/requests",
            user,
            Api.enrollment(name, idNumber));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    return created.json().getString("id");
  }

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub();
  }

  @Test
  void ftStaffSeesTheNewApplicationInTheWorklistAfterLoggingIn() throws Exception {
    String id = submit("worker1", "黄晓燕", Api.idNumber(TODAY.minusYears(25), 517));

    try (var browser = new Browser("zh-CN")) {
      browser.open("/staff/worklist.xhtml");
      browser.login("ft-staff");
      browser.waitFor(By.id("worklist:requests"));
      String page = browser.driver.getPageSource();
      browser.screenshot("worklist-ft-staff");

      assertThat(browser.driver.getTitle()).isEqualTo("待办事项");
      assertThat(page).contains(id).contains("黄晓燕").contains("入会申请").contains("待审核");
      assertThat(page).contains("福田区总工会");
      // The enrollment module's worklist fields: name, employer and employment type (its label).
      assertThat(page).contains("黄晓燕 · 深圳市福田区星河科技有限公司 · 劳动合同用工").contains("摘要");
    }
  }

  @Test
  void staffOfAnotherDistrictDoNotSeeIt() throws Exception {
    String id = submit("worker2", "欧阳娜", Api.idNumber(TODAY.minusYears(40), 518));

    try (var browser = new Browser("zh-CN")) {
      browser.open("/staff/worklist.xhtml");
      browser.login("ns-staff");
      browser.waitFor(By.id("worklist:requests"));
      assertThat(browser.driver.getPageSource())
          .doesNotContain(id)
          .doesNotContain("欧阳娜")
          .contains("南山区总工会");
    }
  }

  @Test
  void theInterfaceSwitchesToEnglish() throws Exception {
    try (var browser = new Browser("zh-CN")) {
      browser.open("/staff/worklist.xhtml");
      browser.login("ft-staff");
      browser.waitFor(By.id("worklist:requests"));
      browser.driver.findElement(By.id("nav:language")).click();
      browser.waitFor(By.id("worklist:requests"));
      assertThat(browser.driver.getTitle()).isEqualTo("Worklist");
      assertThat(browser.driver.getPageSource()).contains("Union enrollment");
    }
  }

  @Test
  void aTenantAdminRevealsTheFullIdNumberOnTheRequestPageAndStaffHaveNoSuchButton()
      throws Exception {
    String idNumber = Api.idNumber(TODAY.minusYears(31), 519);
    String id = submit("worker3", "司马静", idNumber);

    try (var browser = new Browser("zh-CN")) {
      browser.open("/staff/requests/" + id);
      browser.login("ft-staff");
      browser.waitFor(By.id("request:fields"));
      assertThat(browser.driver.getPageSource()).contains("司马静").doesNotContain(idNumber);
      assertThat(browser.driver.findElements(By.id("request:reveal"))).isEmpty();
    }

    try (var browser = new Browser("zh-CN")) {
      browser.open("/staff/requests/" + id);
      browser.login("ft-admin");
      browser.waitFor(By.id("request:fields"));
      assertThat(browser.text(By.id("request:fields"))).doesNotContain(idNumber);
      browser.click(By.id("request:reveal"));
      browser.click(By.cssSelector(".uh-confirm-yes"));
      browser.waitForText(By.id("request:fields"), idNumber);
      assertThat(browser.text(By.id("request:messages"))).contains("已记入审计日志");
      assertThat(browser.driver.findElements(By.id("request:reveal"))).isEmpty();
      browser.screenshot("request-revealed-ft-admin");
    }

    // One reveal, by the admin, on the record; the staff member's visit revealed nothing.
    var audit = Api.get("/api/v1/audit?subject=request:" + id, "ft-admin");
    assertThat(audit.status()).as(audit.raw()).isEqualTo(200);
    assertThat(audit.raw().split("reveal-identifiers", -1)).hasSize(2);
    assertThat(audit.raw()).contains("ft-admin").doesNotContain("ft-staff");
  }

  @Test
  void finishedRequestsLeaveTheWorklistAndShowUnderAll() throws Exception {
    String id = submit("worker1", "秦岚", Api.idNumber(TODAY.minusYears(28), 520));
    String etag = Api.get("/api/v1/requests/" + id, "ft-staff").etag();
    var approve = jakarta.json.Json.createObjectBuilder().add("action", "approve").build();
    assertThat(
            Api.post(
                    "/api/v1/requests/" + id + "/transitions",
                    "ft-staff",
                    approve,
                    "If-Match",
                    etag)
                .status())
        .isEqualTo(200);

    try (var browser = new Browser("zh-CN")) {
      browser.open("/staff/worklist.xhtml");
      browser.login("ft-staff");
      browser.waitFor(By.id("worklist:requests"));
      assertThat(browser.driver.getPageSource()).contains("待办理").doesNotContain(id);
      browser.click(By.xpath("//*[@id='worklist:show']//*[contains(@class,'ui-button')][2]"));
      browser.waitForText(By.id("worklist:requests"), id);
      assertThat(browser.text(By.id("worklist:requests"))).contains("秦岚").contains("已批准");
    }
  }

  @Test
  void aLongWorklistLoadsMoreOnRequest() throws Exception {
    // More open requests than one page (100 per union) holds, whatever other tests left behind.
    for (int i = 0; i < 101; i++) {
      submit("worker2", "批量" + i, Api.idNumber(TODAY.minusYears(20 + i % 30), 600 + i));
    }

    try (var browser = new Browser("zh-CN")) {
      browser.open("/staff/worklist.xhtml");
      browser.login("ft-staff");
      browser.waitFor(By.id("worklist:requests"));
      assertThat(browser.text(By.id("worklist:count"))).isEqualTo("已列出 100 件");
      browser.click(By.id("worklist:more"));
      browser.await(d -> !d.findElement(By.id("worklist:count")).getText().equals("已列出 100 件"), 30);
      int listed = Integer.parseInt(browser.text(By.id("worklist:count")).replaceAll("[^0-9]", ""));
      assertThat(listed).isGreaterThan(100).isLessThanOrEqualTo(200);
    }
  }
}
