package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The calendar page in a real browser: tenant admins' local holidays, the national schedule. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CalendarBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub();
  }

  private static JsonObject holiday(String date, String name) {
    return Json.createObjectBuilder().add("date", date).add("name", name).build();
  }

  @Test
  void aDistrictAdminAddsALocalHolidayAndSeesItBesideTheCitysInheritedOne() throws Exception {
    var city =
        Api.post("/api/v1/tenants/gd-sz/holidays", "sz-admin", holiday("2027-05-10", "深圳市劳模表彰日"));
    assertThat(city.status()).as(city.raw()).isEqualTo(201);
    try (var browser = new Browser("zh-CN")) {
      browser.open("/admin/calendar.xhtml");
      browser.login("ft-admin");
      browser.waitFor(By.id("local:holidays"));
      assertThat(browser.driver.getTitle()).isEqualTo("工作日历");
      // A district admin has no national schedule to edit.
      assertThat(browser.driver.findElements(By.id("national"))).isEmpty();
      assertThat(browser.text(By.id("local:holidays")))
          .contains("2027-05-10")
          .contains("深圳市劳模表彰日")
          .contains("继承自深圳市总工会");

      browser.driver.findElement(By.id("local:newDate")).sendKeys("2027-04-19");
      browser.driver.findElement(By.id("local:newName")).sendKeys("福田区职工文化节");
      browser.driver.findElement(By.id("local:addHoliday")).click();
      browser.waitForText(By.id("local:holidays"), "福田区职工文化节");
      browser.screenshot("calendar-ft-admin");

      String table = browser.text(By.id("local:holidays"));
      assertThat(table.indexOf("2027-04-19")).isLessThan(table.indexOf("2027-05-10"));
      assertThat(browser.text(By.id("local:messages"))).contains("已添加 2027-04-19 福田区职工文化节");
    } finally {
      Api.delete("/api/v1/tenants/gd-sz/holidays/2027-05-10", "sz-admin");
    }
    var stored = Api.get("/api/v1/tenants/gd-sz-ft/holidays?year=2027", "ft-staff");
    assertThat(stored.json().getJsonArray("holidays").getValuesAs(JsonObject.class))
        .anySatisfy(
            h -> {
              assertThat(h.getString("date")).isEqualTo("2027-04-19");
              assertThat(h.getString("tenant")).isEqualTo("gd-sz-ft");
              assertThat(h.getBoolean("inherited")).isFalse();
            });
    assertThat(Api.delete("/api/v1/tenants/gd-sz-ft/holidays/2027-04-19", "ft-admin").status())
        .isEqualTo(204);
  }

  @Test
  void aPlatformAdminSeesTheYearsScheduleAndMistakesBesideTheRows() throws Exception {
    int versionBefore = Api.get("/api/v1/calendar/years/2026", "ft-staff").json().getInt("version");
    try (var browser = new Browser("zh-CN")) {
      browser.open("/admin/calendar.xhtml");
      browser.login("platform-admin");
      browser.waitFor(By.id("national:entries"));
      assertThat(
              browser.driver.findElements(By.cssSelector("input.uh-entry-name")).stream()
                  .map(e -> e.getDomProperty("value")))
          .contains("国庆节", "春节调休上班");

      int rows = dateInputs(browser).size();
      browser.driver.findElement(By.id("national:addRow")).click();
      browser.waitFor(By.cssSelector("tr:nth-child(" + (rows + 1) + ") input.uh-entry-date"));
      List<WebElement> dates = dateInputs(browser);
      assertThat(dates).hasSize(rows + 1);
      dates.get(rows).sendKeys("2026-13-01");
      browser.driver.findElement(By.id("national:save")).click();
      browser.waitFor(By.cssSelector(".uh-error-date"));
      browser.screenshot("calendar-platform-admin-errors");

      assertThat(browser.text(By.cssSelector(".uh-error-date"))).contains("yyyy-MM-dd");
      assertThat(browser.text(By.cssSelector(".uh-error-name"))).isEqualTo("必填");
      assertThat(browser.text(By.id("national:messages"))).contains("本次未保存任何内容");
    }
    assertThat(Api.get("/api/v1/calendar/years/2026", "ft-staff").json().getInt("version"))
        .isEqualTo(versionBefore);
  }

  private static List<WebElement> dateInputs(Browser browser) {
    return browser.driver.findElements(By.cssSelector("input.uh-entry-date"));
  }
}
