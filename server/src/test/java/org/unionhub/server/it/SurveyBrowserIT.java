package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Chromium: an admin creates and publishes a survey in the console, a member answers it in the
 * service hall on a phone-sized window, the admin sees the chart and downloads the spreadsheet.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SurveyBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub();
  }

  @Test
  void anAdminPublishesAMemberAnswersOnAPhoneAndTheAdminSeesTheChartAndTheSpreadsheet()
      throws Exception {
    String title = "食堂满意度调查 " + System.nanoTime() % 100000;
    try (var admin = new Browser("zh-CN")) {
      admin.open("/admin/items.xhtml?tenant=gd-sz-ft");
      admin.login("ft-admin");
      admin.click(By.id("items:new"));
      admin.type(By.id("items:title"), title);
      admin.type(By.cssSelector("input.uh-qlabel"), "您对食堂满意吗？");
      admin.type(By.cssSelector("textarea.uh-qchoices"), "满意\n不满意");
      admin.click(By.id("items:save"));
      admin.waitForText(By.cssSelector(".uh-items-table"), title);
      admin.click(By.cssSelector("button.uh-publish"));
      admin.waitForText(By.cssSelector(".uh-item-phase"), "进行中");
      admin.screenshot("survey-admin-published");

      try (var member = new Browser("zh-CN")) {
        member.driver.manage().window().setSize(new Dimension(390, 844));
        member.open("/portal/hall.xhtml");
        member.login("ft-member6");
        member.click(By.linkText(title));
        member.waitFor(By.id("item:submit"));
        Object overflow =
            ((JavascriptExecutor) member.driver)
                .executeScript(
                    "return document.documentElement.scrollWidth > window.innerWidth + 1;");
        assertThat(overflow).as("no sideways scrolling at 390 px").isEqualTo(false);
        assertThat(member.driver.findElements(By.cssSelector("fieldset legend")))
            .as("each choice question is a fieldset with a legend")
            .isNotEmpty();
        member.click(By.xpath("//label[normalize-space()='满意']"));
        member.click(By.id("item:submit"));
        member.waitFor(By.id("takenNote"));
        member.screenshot("survey-member-answered-390px");
      }

      admin.open("/admin/items.xhtml?tenant=gd-sz-ft");
      admin.click(By.cssSelector("button.uh-results"));
      admin.waitForText(By.cssSelector(".uh-response-count"), "1");
      new WebDriverWait(admin.driver, Duration.ofSeconds(20))
          .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".uh-chart canvas")));
      admin.screenshot("survey-admin-chart");

      Path downloads = Files.createTempDirectory("unionhub-downloads");
      ((ChromeDriver) admin.driver)
          .executeCdpCommand(
              "Browser.setDownloadBehavior",
              Map.of("behavior", "allow", "downloadPath", downloads.toString()));
      admin.click(By.id("items:xlsx"));
      Path file = null;
      for (int i = 0; i < 60 && file == null; i++) {
        try (var files = Files.list(downloads)) {
          file = files.filter(p -> p.toString().endsWith(".xlsx")).findFirst().orElse(null);
        }
        if (file == null) {
          Thread.sleep(500);
        }
      }
      assertThat(file).as("the spreadsheet was downloaded").isNotNull();
      byte[] bytes = Files.readAllBytes(file);
      assertThat(new String(bytes, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1))
          .isEqualTo("PK");
    }
  }
}
