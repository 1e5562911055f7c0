package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Chromium: a city admin creates a staff member of a district in the console, the page shows the
 * account pending and then its set-up link; the new staff member opens the link, sets a password on
 * Keycloak's page and opens the district's worklist.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PeopleBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub();
  }

  @Test
  void anAdminCreatesAStaffMemberWhoSetsAPasswordAndOpensTheWorklist() throws Exception {
    String username = "ft-new-" + Long.toString(System.currentTimeMillis() % 100_000, 36);
    String link;
    try (var admin = new Browser("zh-CN")) {
      admin.open("/admin/people.xhtml");
      admin.login("sz-admin");
      admin.waitFor(By.id("people:list"));
      assertThat(admin.driver.getTitle()).isEqualTo("人员管理");

      admin.click(By.id("people:add"));
      admin.type(By.id("edit:username"), username);
      admin.type(By.id("edit:name"), "王小丽");
      admin.type(By.id("edit:mobile"), "13800138001");
      admin.choose("uh-input-union", "福田区总工会 (gd-sz-ft)");
      admin.click(By.id("edit:save"));

      By row = By.cssSelector("tr.uh-person-" + username);
      admin.waitFor(row);
      admin.screenshot("people-created");
      By linkField = By.cssSelector("tr.uh-person-" + username + " input.uh-setup-link");
      link =
          admin
              .await(ExpectedConditions.presenceOfElementLocated(linkField), 90)
              .getAttribute("value");
      admin.screenshot("people-synced");
      assertThat(link).contains("/login-actions/action-token");
    }

    try (var staff = new Browser("zh-CN")) {
      staff.driver.get(link);
      By form = By.id("password-new");
      for (int i = 0; i < 2 && staff.driver.findElements(form).isEmpty(); i++) {
        staff.click(By.cssSelector("a[href*='action-token']"));
      }
      staff.type(By.id("password-new"), Api.PASSWORD);
      staff.type(By.id("password-confirm"), Api.PASSWORD);
      staff.driver.findElement(By.cssSelector("#kc-passwd-update-form [type=submit]")).click();
      staff.awaitGone(By.id("password-new"), 30);

      staff.open("/staff/worklist.xhtml");
      staff.await(
          ExpectedConditions.or(
              ExpectedConditions.presenceOfElementLocated(By.id("username")),
              ExpectedConditions.presenceOfElementLocated(By.id("worklist:requests"))),
          30);
      if (!staff.driver.findElements(By.id("username")).isEmpty()) {
        staff.login(username);
      }
      staff.waitFor(By.id("worklist:requests"));
      staff.screenshot("people-new-staff-worklist");
      assertThat(staff.driver.getPageSource()).contains(username);
    }
  }
}
