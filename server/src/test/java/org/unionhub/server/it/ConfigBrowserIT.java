package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Tenant admins configure a module in the admin console: they see what is locked above them and who
 * locked it, an override outside the province's bounds is refused with the bound, a valid one is
 * published, and a lock set in the console binds the districts below.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConfigBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub();
  }

  @BeforeAll
  static void provinceLocksTheMinimumAgeAndBoundsTheFirstDeadline() {
    var layer =
        Json.createReader(
                new StringReader(
                    "{\"workflow\": {\"submitted\": {\"min\": 5, \"max\": 15}},"
                        + " \"locks\": [\"settings.minimumAge\"]}"))
            .readObject();
    var saved = Api.put("/api/v1/tenants/gd/modules/enrollment/draft", "gd-admin", layer);
    assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
    var published =
        Api.post(
            "/api/v1/tenants/gd/modules/enrollment/publish",
            "gd-admin",
            Json.createObjectBuilder().build());
    assertThat(published.status()).as(published.raw()).isEqualTo(201);
  }

  private static void click(Browser browser, WebElement element) {
    ((JavascriptExecutor) browser.driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  private static void tab(Browser browser, String title) {
    click(
        browser,
        browser.driver.findElement(
            By.xpath("//ul[@role='tablist']//a[normalize-space()='" + title + "']")));
  }

  @Test
  void aDistrictAdminSeesTheLockAndAnOverrideOutsideTheBoundsIsRefusedThenFixed() throws Exception {
    try (var browser = new Browser("zh-CN")) {
      browser.open("/admin/config.xhtml");
      browser.login("ns-admin");
      browser.waitFor(By.id("config:tabs:settings"));

      assertThat(browser.text(By.cssSelector(".uh-status-minimumAge"))).isEqualTo("已锁定");
      assertThat(browser.driver.getPageSource()).contains("由 广东省总工会 锁定");
      assertThat(
              browser.driver.findElement(By.cssSelector("input.uh-setting-minimumAge")).isEnabled())
          .isFalse();

      tab(browser, "流程与期限");
      WebElement own =
          browser.driver.findElement(By.cssSelector(".uh-own-submitted .ui-chkbox-box"));
      if (!own.getAttribute("class").contains("ui-state-active")) {
        click(browser, own);
      }
      WebElement days = browser.driver.findElement(By.cssSelector("input.uh-days-submitted"));
      days.clear();
      days.sendKeys("20");
      click(browser, browser.driver.findElement(By.id("config:publish")));
      browser.waitFor(By.cssSelector(".uh-problem"));
      browser.screenshot("config-refused-override");
      assertThat(browser.text(By.id("config:problems")))
          .contains("workflow.submitted.workingDays")
          .contains("5–15")
          .contains("广东省总工会 (gd)");

      tab(browser, "流程与期限");
      days = browser.driver.findElement(By.cssSelector("input.uh-days-submitted"));
      days.clear();
      days.sendKeys("10");
      click(browser, browser.driver.findElement(By.id("config:publish")));
      browser.waitForText(By.id("config:messages"), "已发布第");
      assertThat(browser.driver.findElements(By.cssSelector(".uh-problem"))).isEmpty();
    }
    JsonObject ns = Api.get("/api/v1/tenants/gd-sz-ns/modules/enrollment", "ns-admin").json();
    JsonObject submitted = ns.getJsonArray("workflow").getJsonObject(0);
    assertThat(submitted.getString("state")).isEqualTo("submitted");
    assertThat(submitted.getInt("workingDays")).isEqualTo(10);
    assertThat(submitted.getString("status")).isEqualTo("overridden");
  }

  @Test
  void aCityAdminLocksAFieldInTheConsoleAndTheDistrictInheritsItLocked() throws Exception {
    try (var browser = new Browser("zh-CN")) {
      browser.open("/admin/config.xhtml");
      browser.login("sz-admin");
      browser.waitFor(By.id("config:tabs:fields"));
      tab(browser, "表单");
      WebElement own =
          browser.driver.findElement(By.cssSelector(".uh-own-employerName .ui-chkbox-box"));
      if (!own.getAttribute("class").contains("ui-state-active")) {
        click(browser, own);
      }
      WebElement label = browser.driver.findElement(By.cssSelector("input.uh-label-employerName"));
      label.clear();
      label.sendKeys("用人单位名称");
      WebElement lock =
          browser.driver.findElement(
              By.xpath(
                  "//tbody[@id='config:tabs:fields_data']/tr[.//input[contains(@class,'uh-label-employerName')]]"
                      + "/td[last()]//div[contains(@class,'ui-chkbox-box')]"));
      click(browser, lock);
      click(browser, browser.driver.findElement(By.id("config:publish")));
      browser.waitForText(By.id("config:messages"), "已发布第");
    }
    JsonObject ft = Api.get("/api/v1/tenants/gd-sz-ft/modules/enrollment", "ft-admin").json();
    JsonObject field =
        ft.getJsonArray("form").getValuesAs(JsonObject.class).stream()
            .filter(f -> f.getString("name").equals("employerName"))
            .findFirst()
            .orElseThrow();
    assertThat(field.getJsonObject("label").getString("zh")).isEqualTo("用人单位名称");
    assertThat(field.getString("status")).isEqualTo("locked");
    assertThat(field.getString("lockedBy")).isEqualTo("gd-sz");
  }
}
