package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Chromium, Keycloak and a real SMTP server (GreenMail, started by {@link TestStack}; the demo
 * realm sends its mail there): a worker who gives an e-mail address at registration verifies it
 * from the mail; a worker who forgot the password sets a new one with a code texted to the verified
 * mobile number (read from the demo channel's log), without the page telling whether a number
 * belongs to an account; another sets one from the reset mail.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountRecoveryBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub();
  }

  private static final String NEW_PASSWORD = "Neu-Passwort-2026";
  private static final Pattern LINK =
      Pattern.compile("(https?://[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+)");

  @Test
  void aWorkerWhoGivesAnEmailAddressVerifiesItFromTheMail() throws Exception {
    long now = System.currentTimeMillis();
    String username = "mail-" + Long.toString(now % 1_000_000, 36);
    String email = username + "@example.org";
    String mobile = "135" + String.format("%08d", now % 100_000_000);
    String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);
    try (var browser = new Browser("zh-CN")) {
      browser.open("/portal/apply/enrollment");
      browser.click(By.cssSelector("#kc-registration a"));
      browser.waitFor(By.id("kc-register-form"));
      browser.type(By.id("username"), username);
      browser.type(By.id("email"), email);
      browser.type(By.id("firstName"), "钱小邮");
      browser.type(By.id("mobile"), mobile);
      browser.type(By.id("password"), Api.PASSWORD);
      browser.type(By.id("password-confirm"), Api.PASSWORD);
      browser.click(By.cssSelector("#kc-register-form [type=submit]"));
      browser.click(By.id("uh-accept"));
      browser.waitForText(By.id("uh-code-sent"), masked);
      browser.type(By.id("code"), code(masked));
      browser.click(By.id("uh-verify"));

      // Keycloak's verify-e-mail step, after the mobile number: the mail went to the SMTP server.
      browser.await(
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), email), 30);
      browser.screenshot("register-verify-email");
      assertThat(KeycloakAdmin.canLogIn(username, Api.PASSWORD))
          .as("no token before the e-mail address is verified")
          .isFalse();
      String link = TestStack.mail().link(email, LINK);
      browser.driver.get(link);
      // Back in the same session the flow goes on to the application; elsewhere Keycloak would
      // first say that the address is verified, with a link to go on.
      browser.await(
          ExpectedConditions.or(
              ExpectedConditions.presenceOfElementLocated(By.id("apply")),
              ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kc-info-message a"))),
          30);
      if (browser.driver.findElements(By.id("apply")).isEmpty()) {
        browser.click(By.cssSelector("#kc-info-message a"));
      }
      browser.waitFor(By.id("apply"));
      browser.screenshot("register-email-verified");
    }
    assertThat(KeycloakAdmin.canLogIn(username, Api.PASSWORD)).isTrue();
    assertThat(TestStack.mail().count(email)).isPositive();
  }

  @Test
  void aWorkerResetsThePasswordWithACodeTextedToTheVerifiedMobileNumber() throws Exception {
    long now = System.currentTimeMillis();
    String username = "sms-" + Long.toString(now % 1_000_000, 36);
    String mobile = "133" + String.format("%08d", now % 100_000_000);
    String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);
    String unknown = "134" + String.format("%08d", now % 100_000_000);
    String unknownMasked = unknown.substring(0, 3) + "****" + unknown.substring(7);
    KeycloakAdmin.createUser(username, "孙忘记", mobile, null, Api.PASSWORD);
    java.util.List<String> violations;

    try (var browser = new Browser("zh-CN")) {
      // A number that is no account's: the same page, no text sent, no code works.
      forgotPassword(browser, unknown);
      browser.waitForText(By.id("uh-reset-code-sent"), unknownMasked);
      String unknownPage = browser.text(By.id("uh-reset-code-form"));
      String unknownSent = browser.text(By.id("uh-reset-code-sent"));
      browser.type(By.id("code"), "123456");
      browser.click(By.id("uh-reset-verify"));
      awaitBody(browser, "验证码不正确", "That code is not right");
      assertThat(lastCode(unknownMasked)).as("nothing sent to a number of no account").isNull();

      forgotPassword(browser, mobile);
      browser.waitForText(By.id("uh-reset-code-sent"), masked);
      assertThat(browser.text(By.id("uh-reset-code-sent")).replace(masked, "#"))
          .as("the same answer whether or not the number is an account's")
          .isEqualTo(unknownSent.replace(unknownMasked, "#"));
      assertThat(browser.text(By.id("uh-reset-code-form"))).isEqualTo(unknownPage);
      assertThat(browser.driver.getPageSource())
          .as("the page does not say whose number it is")
          .doesNotContain(username);
      // Checked at the end, so that a violation does not hide whether the reset works.
      violations = browser.accessibilityViolations();
      browser.screenshot("reset-sms-code");
      String code = code(masked);
      browser.type(By.id("code"), code.equals("000000") ? "111111" : "000000");
      browser.click(By.id("uh-reset-verify"));
      awaitBody(browser, "验证码不正确", "That code is not right");
      browser.type(By.id("code"), code);
      browser.click(By.id("uh-reset-verify"));

      setNewPassword(browser);
    }
    assertThat(KeycloakAdmin.canLogIn(username, NEW_PASSWORD)).isTrue();
    assertThat(KeycloakAdmin.canLogIn(username, Api.PASSWORD)).isFalse();
    assertThat(violations)
        .as("serious or critical WCAG 2.1 AA violations (axe-core) on the code page")
        .isEmpty();
  }

  @Test
  void aWorkerResetsThePasswordFromTheResetMail() throws Exception {
    long now = System.currentTimeMillis();
    String username = "rst-" + Long.toString(now % 1_000_000, 36);
    String email = username + "@example.org";
    String mobile = "132" + String.format("%08d", now % 100_000_000);
    KeycloakAdmin.createUser(username, "周邮件", mobile, email, Api.PASSWORD);

    try (var browser = new Browser("zh-CN")) {
      forgotPassword(browser, email);
      browser.awaitGone(By.id("kc-reset-password-form"), 30);
      browser.screenshot("reset-mail-sent");
      String link = TestStack.mail().link(email, LINK);
      browser.driver.get(link);
      By form = By.id("password-new");
      for (int i = 0; i < 2 && browser.driver.findElements(form).isEmpty(); i++) {
        browser.click(By.cssSelector("a[href*='action-token']"));
      }
      setNewPassword(browser);
    }
    assertThat(KeycloakAdmin.canLogIn(username, NEW_PASSWORD)).isTrue();
    assertThat(KeycloakAdmin.canLogIn(username, Api.PASSWORD)).isFalse();
  }

  /** From UnionHub's login page: "forgot password", then the number or address. */
  private static void forgotPassword(Browser browser, String who) {
    browser.open("/portal/apply/enrollment");
    browser.click(By.cssSelector("a[href*='login-actions/reset-credentials']"));
    browser.waitFor(By.id("kc-reset-password-form"));
    browser.type(By.id("username"), who);
    browser.click(By.cssSelector("#kc-reset-password-form [type=submit]"));
  }

  private static void setNewPassword(Browser browser) {
    browser.type(By.id("password-new"), NEW_PASSWORD);
    browser.type(By.id("password-confirm"), NEW_PASSWORD);
    browser.click(By.cssSelector("#kc-passwd-update-form [type=submit]"));
    browser.awaitGone(By.id("password-new"), 30);
  }

  private static void awaitBody(Browser browser, String chinese, String english) {
    browser.await(
        ExpectedConditions.or(
            ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), chinese),
            ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), english)),
        30);
  }

  private static final Pattern CODE_LINE =
      Pattern.compile("demo channel, not sent\\) to MOBILE (\\S+): .*?(\\d{6})");

  /**
   * The latest code the demo channel wrote to Keycloak's log for that masked number, waited for.
   */
  private static String code(String masked) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      String found = lastCode(masked);
      if (found != null) {
        return found;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no code for " + masked + " in Keycloak's log");
  }

  private static String lastCode(String masked) throws IOException {
    Path logs = Path.of(System.getProperty("unionhub.it.logs", "target/it-logs"));
    String found = null;
    for (String name : new String[] {"keycloak.log", "keycloak-after-outage.log"}) {
      Path log = logs.resolve(name);
      if (Files.exists(log)) {
        Matcher m = CODE_LINE.matcher(Files.readString(log, StandardCharsets.UTF_8));
        while (m.find()) {
          if (m.group(1).equals(masked)) {
            found = m.group(2);
          }
        }
      }
    }
    return found;
  }
}
