package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/** Chromium on a phone-sized window: a member opens their card and shows its QR code. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MemberCardBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub();
  }

  @Test
  void aMemberSeesTheirCardOnAPhoneAndItVerifies() throws Exception {
    String user = MembershipIT.newMember("司徒兰", MembershipIT.newId());
    try (var phone = new Browser("zh-CN")) {
      phone.driver.manage().window().setSize(new Dimension(390, 844));
      phone.open("/portal/card.xhtml");
      phone.login(user);
      phone.waitFor(By.id("qr"));
      WebElement qr = phone.driver.findElement(By.id("qr"));
      assertThat(qr.getAttribute("src")).startsWith("data:image/png;base64,");
      assertThat(qr.getSize().getWidth()).isBetween(200, 390);
      assertThat(qr.getLocation().getX() + qr.getSize().getWidth()).isLessThanOrEqualTo(390);
      assertThat(phone.driver.findElement(By.id("memberNumber")).getText())
          .matches("\\d{12}[0-9X]");
      assertThat(phone.driver.findElement(By.cssSelector(".uh-membercard-name")).getText())
          .isEqualTo("司**");
      Object scrollWidth =
          ((org.openqa.selenium.JavascriptExecutor) phone.driver)
              .executeScript("return document.documentElement.scrollWidth");
      assertThat(((Number) scrollWidth).intValue())
          .as("no sideways scrolling")
          .isLessThanOrEqualTo(390);
      phone.screenshot("member-card-390px");

      String first = qr.getAttribute("data-token");
      var verdict = MembershipIT.verify(first);
      assertThat(verdict.json().getBoolean("valid")).as(verdict.raw()).isTrue();
      assertThat(verdict.json().getString("name")).isEqualTo("司**");

      var js = (org.openqa.selenium.JavascriptExecutor) phone.driver;
      assertThat(
              phone
                  .driver
                  .findElements(
                      By.cssSelector("script[src*='jquery'], script[src*='components.js']"))
                  .isEmpty())
          .as("the card page loads none of PrimeFaces' jQuery and component scripts")
          .isTrue();
      // The page's own renewal (every two minutes), run now: a new token swapped in by the script
      // under the page's CSP nonce, and it verifies.
      Object renewed =
          js.executeAsyncScript(
              "const done = arguments[arguments.length - 1];"
                  + " window.uhCardRefresh().then(done, e => done('failed: ' + e));");
      assertThat(renewed).isEqualTo(Boolean.TRUE);
      String second = phone.driver.findElement(By.id("qr")).getAttribute("data-token");
      assertThat(second).isNotEqualTo(first);
      assertThat(MembershipIT.verify(second).json().getBoolean("valid")).isTrue();

      // A lost phone: the replacement is asked twice (a disclosure), then the old card stops.
      assertThat(phone.driver.findElement(By.id("cardForm:replace")).isDisplayed()).isFalse();
      phone.click(By.cssSelector("#replaceBox > summary"));
      phone.click(By.id("cardForm:replace"));
      phone.waitForText(By.id("cardForm:messages"), "已补办");
      assertThat(MembershipIT.verify(second).json().getString("reason")).isEqualTo("REVOKED");
      String third = phone.driver.findElement(By.id("qr")).getAttribute("data-token");
      assertThat(MembershipIT.verify(third).json().getBoolean("valid")).isTrue();
    }
  }

  @Test
  void anAdminFindsAMemberInTheRegisterMaskedAndCanExportIt() throws Exception {
    String id = MembershipIT.newId();
    MembershipIT.newMember("诸葛芸", id);
    try (var admin = new Browser("zh-CN")) {
      admin.open("/staff/members.xhtml");
      admin.login("ft-admin");
      admin.waitFor(By.id("members:query"));
      admin.type(By.id("members:query"), id.substring(14));
      admin.click(By.id("members:search"));
      admin.waitForText(By.id("members:register"), "诸葛芸");
      String table = admin.text(By.id("members:register"));
      assertThat(table).contains("****" + id.substring(14)).doesNotContain(id);
      assertThat(admin.driver.findElements(By.id("members:export"))).hasSize(1);
      admin.screenshot("member-register");
    }
  }
}
