package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Chromium: a worker registers on UnionHub's Keycloak pages (name, mobile number, password),
 * accepts the privacy notice, cannot use the account before the mobile number is verified, reads
 * the one-time code from the demo message channel in Keycloak's log, enters it, lands on the
 * application form and applies to join a union.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistrationBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub();
  }

  @Test
  void aWorkerRegistersVerifiesTheMobileNumberAndApplies() throws Exception {
    long now = System.currentTimeMillis();
    String username = "reg-" + Long.toString(now % 1_000_000, 36);
    String mobile = "137" + String.format("%08d", now % 100_000_000);
    String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);
    try (var browser = new Browser("zh-CN")) {
      browser.open("/portal/apply/enrollment");
      browser.click(By.cssSelector("#kc-registration a"));
      browser.waitFor(By.id("kc-register-form"));
      // UnionHub's theme, with the mobile number on the form (the page's language follows the
      // browser's, which headless Chromium does not always pass on).
      assertThat(browser.driver.getPageSource()).contains("unionhub.css").contains("id=\"mobile\"");
      browser.type(By.id("username"), username);
      browser.type(By.id("firstName"), "赵小燕");
      browser.type(By.id("mobile"), mobile);
      browser.type(By.id("password"), Api.PASSWORD);
      browser.type(By.id("password-confirm"), Api.PASSWORD);
      browser.screenshot("register-form");
      browser.click(By.cssSelector("#kc-register-form [type=submit]"));

      browser.waitFor(By.id("uh-privacy-text"));
      assertThat(browser.driver.getPageSource()).containsAnyOf("个人信息保护法", "PIPL");
      browser.screenshot("register-privacy");
      browser.click(By.id("uh-accept"));

      browser.waitForText(By.id("uh-code-sent"), masked);
      browser.screenshot("register-verify-mobile");
      assertThat(passwordGrant(username))
          .as("no token before the mobile number is verified")
          .isNotEqualTo(200);

      browser.type(By.id("code"), "000000".equals(code(masked)) ? "111111" : "000000");
      browser.click(By.id("uh-verify"));
      browser.await(
          org.openqa.selenium.support.ui.ExpectedConditions.or(
              org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                  By.tagName("body"), "验证码不正确"),
              org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                  By.tagName("body"), "That code is not right")),
          30);

      browser.type(By.id("code"), code(masked));
      browser.click(By.id("uh-verify"));
      browser.waitFor(By.id("apply"));
      browser.screenshot("register-apply");
    }

    assertThat(passwordGrant(username)).isEqualTo(200);
    var applied =
        Api.post(
            "/api/v1/tenants/gd-sz-ft-001/modules/enrollment/requests",
            username,
            Api.enrollment("赵小燕", Api.idNumber(LocalDate.now().minusYears(30), 417)));
    assertThat(applied.status()).as(applied.raw()).isEqualTo(201);
  }

  private static final Pattern CODE_LINE =
      Pattern.compile("demo channel, not sent\\) to MOBILE (\\S+): .*?(\\d{6})");

  /** The latest code the demo channel wrote to Keycloak's log for that masked number. */
  private static String code(String masked) throws IOException, InterruptedException {
    Path logs = Path.of(System.getProperty("unionhub.it.logs", "target/it-logs"));
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
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
      if (found != null) {
        return found;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no code for " + masked + " in Keycloak's log under " + logs);
  }

  private static int passwordGrant(String username) throws IOException, InterruptedException {
    String form =
        "grant_type=password&client_id=unionhub-cli&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + Api.PASSWORD;
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        KeycloakServer.url() + "/realms/unionhub/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
