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

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub();
  }

  @Test
  void ftStaffSeesTheNewApplicationInTheWorklistAfterLoggingIn() throws Exception {
    var created =
        Api.post(
            "/api/v1/tenants/gd-sz-ft-001/modules/enrollment/requests",
            "worker1",
            Api.enrollment("黄晓燕", Api.idNumber(TODAY.minusYears(25), 517)));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.json().getString("id");

    try (var browser = new Browser("zh-CN")) {
      browser.open("/staff/worklist.xhtml");
      browser.login("ft-staff");
      browser.waitFor(By.id("worklist:requests"));
      String page = browser.driver.getPageSource();
      browser.screenshot("worklist-ft-staff");

      assertThat(browser.driver.getTitle()).isEqualTo("待办事项");
      assertThat(page).contains(id).contains("黄晓燕").contains("入会申请").contains("待审核");
      assertThat(page).contains("福田区总工会");
    }
  }

  @Test
  void staffOfAnotherDistrictDoNotSeeIt() throws Exception {
    var created =
        Api.post(
            "/api/v1/tenants/gd-sz-ft-001/modules/enrollment/requests",
            "worker2",
            Api.enrollment("欧阳娜", Api.idNumber(TODAY.minusYears(40), 518)));
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().getString("id");

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
}
