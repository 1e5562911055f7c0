package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** A city admin works on the union tree in the admin console, in a real browser. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantAdminBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub();
  }

  @Test
  void aCityAdminCreatesAChildUnionInTheTreeAndSeesARefusalOnItsField() throws Exception {
    String code = "gd-sz-ns-b" + Long.toString(System.currentTimeMillis() % 100_000, 36);
    String creditCode =
        Api.creditCode(String.format("91440300MA5%06d", System.currentTimeMillis() % 1_000_000));
    String wrongCheck = creditCode.substring(0, 17) + (creditCode.endsWith("0") ? "1" : "0");
    try (var browser = new Browser("zh-CN")) {
      browser.open("/admin/tenants.xhtml");
      browser.login("sz-admin");
      browser.waitFor(By.id("tree:tenants"));
      assertThat(browser.driver.getTitle()).isEqualTo("工会管理");
      String tree = browser.driver.getPageSource();
      assertThat(tree).contains("南山区总工会").contains("福田区总工会").doesNotContain("杭州市总工会");
      assertThat(browser.driver.findElements(By.cssSelector(".uh-rename-gd-sz")))
          .as("a union is administered by the level above it")
          .isEmpty();

      browser.click(By.cssSelector(".uh-add-gd-sz-ns"));
      browser.type(By.id("edit:code"), code);
      browser.type(By.id("edit:name"), "深圳市南山区浏览器科技有限公司工会");
      browser.choose("uh-input-level", "基层工会");
      browser.click(By.id("edit:save"));
      browser.waitFor(By.cssSelector(".uh-tenant-" + code));
      browser.screenshot("tenants-created");
      assertThat(browser.driver.getPageSource()).contains("深圳市南山区浏览器科技有限公司工会");

      browser.click(By.cssSelector(".uh-add-gd-sz-ns"));
      browser.type(By.id("edit:code"), "gd-sz-ns-001");
      browser.type(By.id("edit:name"), "重复的工会代码");
      browser.choose("uh-input-level", "基层工会");
      browser.click(By.id("edit:save"));
      browser.waitForText(By.cssSelector(".uh-error-code"), "该工会代码已被使用");
      browser.screenshot("tenants-refused");
      browser.click(By.cssSelector(".uh-cancel"));

      // The new grassroots union records its employer, so that applications naming it come here.
      browser.click(By.cssSelector(".uh-credit-code-" + code));
      browser.type(By.id("edit:creditCode"), wrongCheck);
      browser.click(By.id("edit:save"));
      browser.waitForText(By.cssSelector(".uh-error-creditCode"), "统一社会信用代码格式或校验位不正确");
      browser.type(By.id("edit:creditCode"), creditCode);
      browser.click(By.id("edit:save"));
      browser.waitForText(By.cssSelector(".uh-credit-" + code), creditCode);
      browser.screenshot("tenants-employer-recorded");
    }

    var listed = Api.get("/api/v1/tenants", "sz-admin");
    JsonObject created =
        ((JsonArray) listed.body())
            .getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("code").equals(code))
                .findFirst()
                .orElseThrow();
    assertThat(created.getString("parent")).isEqualTo("gd-sz-ns");
    assertThat(created.getString("level")).isEqualTo("grassroots");
    assertThat(created.getString("creditCode")).isEqualTo(creditCode);
    assertThat(
            ((JsonArray) listed.body())
                .getValuesAs(JsonObject.class).stream()
                    .filter(t -> t.getString("name").equals("重复的工会代码")))
        .as("the refused union was not created")
        .isEmpty();
  }

  @Test
  void theAuditPageShowsTheSubtreesChangesAndTheMenuLeadsThere() throws Exception {
    String code = "gd-sz-ft-b" + Long.toString(System.currentTimeMillis() % 100_000, 36);
    var created =
        Api.post(
            "/api/v1/tenants",
            "ft-admin",
            jakarta.json.Json.createObjectBuilder()
                .add("code", code)
                .add("name", "福田审计测试工会")
                .add("level", "grassroots")
                .add("parent", "gd-sz-ft")
                .build());
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    try (var browser = new Browser("zh-CN")) {
      browser.open("/admin/audit.xhtml");
      browser.login("ft-admin");
      browser.waitFor(By.id("audit:records"));
      assertThat(browser.driver.getPageSource()).contains(code).contains("福田审计测试工会");
      assertThat(browser.driver.findElements(By.id("nav:navTenants"))).isNotEmpty();
    }
    try (var browser = new Browser("zh-CN")) {
      browser.open("/admin/audit.xhtml");
      browser.login("ns-admin");
      browser.waitFor(By.id("audit:records"));
      assertThat(browser.driver.getPageSource()).doesNotContain(code).doesNotContain("福田审计测试工会");
    }
  }
}
