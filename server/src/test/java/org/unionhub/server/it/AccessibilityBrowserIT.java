package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page for every role, in Chinese and English, in the standard and the elderly-friendly
 * display, checked with axe-core (no serious or critical WCAG 2.1 A/AA violation); the keyboard
 * path through the frame; a member's first visit weighing under 300 KiB; compressed responses and
 * year-long caching of versioned resources (issue 14, ADR 15).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessibilityBrowserIT {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A page, and an element that shows it is ready. */
  private record Page(String path, By ready) {}

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub();
  }

  private static String newRequest(String name, int sequence) {
    return Api.post(
            "/api/v1/tenants/gd-sz-ft-001/modules/enrollment/requests",
            "worker1",
            Api.enrollment(name, Api.idNumber(TODAY.minusYears(30), sequence)))
        .json()
        .getString("id");
  }

  /**
   * Opens each page (logging in on the first), checks it in Chinese, switches to English and checks
   * every page again. Violations of all pages are reported together.
   */
  private static void checkPages(
      String user, List<Page> pages, Browser browser, SoftAssertions softly) {
    boolean first = true;
    for (String language : List.of("zh-CN", "en")) {
      for (Page page : pages) {
        browser.driver.get(Api.APP + page.path());
        if (first && user != null) {
          browser.login(user);
          first = false;
        }
        waitFor(browser, page.ready());
        if (language.equals("en") && page == pages.get(0) && !isEnglish(browser)) {
          // Wait for the old document to go: its ready element is still there right after the
          // click, and reading the old page's lang then raced the navigation (stale element).
          var before = browser.driver.findElement(By.tagName("html"));
          browser.driver.findElement(By.id("nav:language")).click();
          new WebDriverWait(browser.driver, Duration.ofSeconds(30))
              .until(ExpectedConditions.stalenessOf(before));
          waitFor(browser, page.ready());
        }
        assertThat(lang(browser)).as("lang of " + page.path()).isEqualTo(language);
        report(softly, browser, page.path() + " as " + user + " in " + language);
      }
    }
  }

  /** Checks the page softly and writes what axe found to the test logs at once. */
  private static void report(SoftAssertions softly, Browser browser, String what) {
    List<String> violations = browser.accessibilityViolations();
    try {
      var log = java.nio.file.Path.of(System.getProperty("unionhub.it.logs", "target/it-logs"));
      java.nio.file.Files.createDirectories(log);
      java.nio.file.Files.writeString(
          log.resolve("axe-report.txt"),
          what + ": " + violations.size() + "\n  " + String.join("\n  ", violations) + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    softly.assertThat(violations).as(what).isEmpty();
  }

  private static void waitFor(Browser browser, By ready) {
    new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(ready));
  }

  private static String lang(Browser browser) {
    return browser.driver.findElement(By.tagName("html")).getAttribute("lang");
  }

  private static boolean isEnglish(Browser browser) {
    return "en".equals(lang(browser));
  }

  @Test
  void everyPageOfEveryRolePassesAxeInChineseAndEnglish() throws Exception {
    String requestId = newRequest("韦清", 401);
    var softly = new SoftAssertions();
    try {
      checkEveryPage(requestId, softly);
    } finally {
      softly.assertAll();
    }
  }

  private static void checkEveryPage(String requestId, SoftAssertions softly) throws Exception {
    try (var browser = new Browser("zh-CN")) {
      checkPages(null, List.of(new Page("/", By.id("toHall"))), browser, softly);
    }
    try (var browser = new Browser("zh-CN")) {
      checkPages(
          "worker1",
          List.of(
              new Page("/portal/mine.xhtml", By.id("mine")),
              new Page("/", By.id("toHall")),
              new Page("/portal/hall.xhtml?tenant=gd-sz-ft-001", By.id("hall:tiles")),
              new Page("/portal/card.xhtml", By.id("cardForm")),
              new Page("/portal/account.xhtml", By.id("erase")),
              new Page("/portal/apply/enrollment", By.id("apply:submit"))),
          browser,
          softly);
      browser.driver.findElement(By.id("apply:submit")).click();
      waitFor(browser, By.id("apply:problems"));
      report(softly, browser, "the refused application form");
    }
    try (var browser = new Browser("zh-CN")) {
      checkPages(
          "ft-staff",
          List.of(
              new Page("/staff/worklist.xhtml", By.id("worklist:requests")),
              new Page("/staff/requests/" + requestId, By.id("request:fields"))),
          browser,
          softly);
    }
    try (var browser = new Browser("zh-CN")) {
      checkPages(
          "sz-admin",
          List.of(
              new Page("/admin/config.xhtml", By.id("config:tabs")),
              new Page("/admin/rules.xhtml", By.id("rules:effective")),
              new Page("/admin/calendar.xhtml", By.id("local:holidays")),
              new Page("/admin/tenants.xhtml", By.id("tree:tenants")),
              new Page("/admin/audit.xhtml", By.id("audit:records")),
              new Page("/admin/items.xhtml", By.id("items:list")),
              new Page("/admin/people.xhtml", By.id("people:list")),
              new Page("/staff/members.xhtml", By.id("members:register")),
              new Page("/staff/worklist.xhtml", By.id("worklist:requests")),
              new Page("/staff/requests/" + requestId, By.id("request:fields"))),
          browser,
          softly);
      // A hovered primary button: Saga writes its hover shade as rgb(), which the accessible
      // palette once missed (white on #0d89ec, 3.7:1).
      browser.driver.get(Api.APP + "/admin/items.xhtml");
      waitFor(browser, By.id("items:new"));
      new org.openqa.selenium.interactions.Actions(browser.driver)
          .moveToElement(browser.driver.findElement(By.id("items:new")))
          .perform();
      Thread.sleep(500); // the theme's colour transition (0.2 s)
      report(softly, browser, "a hovered primary button");
      browser.driver.get(Api.APP + "/admin/tenants.xhtml");
      waitFor(browser, By.id("tree:tenants"));
      // The pointer still rests where the hovered button was: move it off the page's controls,
      // and let the click check the page before it acts (Browser.click), not under the dialog.
      new org.openqa.selenium.interactions.Actions(browser.driver)
          .moveToElement(browser.driver.findElement(By.tagName("h1")))
          .perform();
      browser.click(By.cssSelector(".uh-add-gd-sz-ns"));
      browser.waitFor(By.id("edit:code"));
      Thread.sleep(500); // the dialog fades in
      report(softly, browser, "the new-union dialog");
    }
    try (var browser = new Browser("zh-CN")) {
      checkPages(
          "platform-admin",
          List.of(new Page("/admin/calendar.xhtml", By.id("national:entries"))),
          browser,
          softly);
    }
  }

  @Test
  void theElderlyFriendlyDisplayIsRememberedAndFitsAPhone() throws Exception {
    try (var phone = new Browser("zh-CN", 390, 844)) {
      phone.open("/portal/mine.xhtml");
      phone.login("worker2");
      phone.waitFor(By.id("care"));
      assertThat(phone.driver.findElement(By.id("care")).getAttribute("aria-pressed"))
          .isEqualTo("false");
      double standard = rootFontSize(phone);

      phone.driver.findElement(By.id("care")).click();
      phone.waitFor(By.cssSelector("html.uh-care"));
      assertThat(phone.driver.getCurrentUrl()).endsWith("/portal/mine.xhtml");
      assertThat(phone.driver.findElement(By.id("care")).getAttribute("aria-pressed"))
          .isEqualTo("true");
      assertThat(rootFontSize(phone)).isGreaterThanOrEqualTo(standard * 1.25);

      for (String path : List.of("/", "/portal/mine.xhtml", "/portal/apply/enrollment")) {
        phone.open(path);
        phone.waitFor(By.cssSelector("html.uh-care main h1"));
        assertFitsTheScreen(phone, path);
        phone.assertAccessible(path + " in the elderly-friendly display on a phone");
        phone.screenshot("care" + path.replace('/', '-'));
      }
      phone.driver.findElement(By.id("apply:submit")).click();
      phone.waitFor(By.id("apply:problems"));
      assertFitsTheScreen(phone, "the refused form");
      phone.assertAccessible("the refused form in the elderly-friendly display on a phone");
      phone.screenshot("care-apply-refused");
      var cookie = phone.driver.manage().getCookieNamed("uh-care");
      assertThat(cookie).as("remembered for a year").isNotNull();
      assertThat(cookie.getExpiry()).isAfter(java.sql.Date.valueOf(TODAY.plusDays(360)));

      phone.driver.findElement(By.id("care")).click();
      phone.await(
          ExpectedConditions.presenceOfElementLocated(By.cssSelector("html.uh-standard")), 30);
    }
  }

  private static double rootFontSize(Browser browser) {
    return ((Number)
            ((JavascriptExecutor) browser.driver)
                .executeScript(
                    "return parseFloat(getComputedStyle(document.documentElement).fontSize);"))
        .doubleValue();
  }

  private static void assertFitsTheScreen(Browser browser, String what) {
    Object overflow =
        ((JavascriptExecutor) browser.driver)
            .executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(((Number) overflow).intValue())
        .as("horizontal overflow of " + what)
        .isLessThanOrEqualTo(0);
  }

  @Test
  void theKeyboardReachesTheContentThroughTheSkipLinkWithAVisibleFocus() throws Exception {
    try (var browser = new Browser("zh-CN")) {
      browser.open("/portal/apply/enrollment");
      browser.login("worker3");
      browser.waitFor(By.id("apply:submit"));
      var body = browser.driver.findElement(By.tagName("body"));
      body.sendKeys(Keys.TAB);
      var skip = browser.driver.switchTo().activeElement();
      assertThat(skip.getAttribute("class")).contains("uh-skip");
      assertThat(skip.isDisplayed()).isTrue();
      assertThat(skip.getCssValue("outline-style")).isNotEqualTo("none");
      skip.sendKeys(Keys.ENTER);
      assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("main");

      // With a union chosen, the keyboard alone submits the otherwise empty form ...
      var name = browser.driver.findElement(By.cssSelector("input.uh-input-name"));
      new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("apply:tenant")))
          .selectByValue("gd-sz-ft-001");
      browser.driver.findElement(By.id("apply:chooseTenant")).sendKeys(Keys.ENTER);
      browser.await(ExpectedConditions.stalenessOf(name), 30);
      browser.waitFor(By.cssSelector("input.uh-input-name"));
      var submit = browser.driver.findElement(By.id("apply:submit"));
      ((JavascriptExecutor) browser.driver).executeScript("arguments[0].focus();", submit);
      assertThat(submit.getCssValue("outline-style")).isNotEqualTo("none");
      browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
      browser.waitFor(By.id("apply:problems"));
      // ... and lands on the first wrong field, which names its error.
      var focused = browser.driver.switchTo().activeElement();
      assertThat(focused.getAttribute("aria-invalid")).isEqualTo("true");
      // aria-describedby is a list of ids (a field's help text, then its error): one is the error.
      String describedBy = focused.getAttribute("aria-describedby");
      assertThat(describedBy).isNotBlank();
      assertThat(
              java.util.Arrays.stream(describedBy.trim().split("\\s+"))
                  .filter(id -> id.startsWith("uh-error-"))
                  .map(id -> browser.driver.findElement(By.id(id)).getText()))
          .as("the error the wrong field is described by")
          .singleElement()
          .asString()
          .isNotBlank();
      assertThat(browser.driver.findElement(By.id("apply:problems")).getAttribute("role"))
          .isEqualTo("alert");
    }
  }

  @Test
  void aMembersFirstVisitToTheHomePageWeighsUnder300KiB() throws Exception {
    try (var browser = new Browser("zh-CN", 390, 844)) {
      browser.open("/portal/mine.xhtml");
      browser.login("worker1");
      browser.waitFor(By.id("mine"));
      ((ChromeDriver) browser.driver).executeCdpCommand("Network.clearBrowserCache", Map.of());
      browser.open("/");
      browser.waitFor(By.id("toHall"));
      Thread.sleep(1000); // let late resources (fonts, images) finish
      @SuppressWarnings("unchecked")
      var entries =
          (List<Map<String, Object>>)
              ((JavascriptExecutor) browser.driver)
                  .executeScript(
                      "return performance.getEntriesByType('navigation')"
                          + ".concat(performance.getEntriesByType('resource'))"
                          + ".map(e => ({name: e.name, size: e.transferSize}));");
      long total = entries.stream().mapToLong(e -> ((Number) e.get("size")).longValue()).sum();
      assertThat(total)
          .as("bytes transferred for the home page: %s", entries)
          .isPositive()
          .isLessThan(300 * 1024);
      assertThat(entries)
          .as(
              "no PrimeFaces scripts or styles on a member page (its head adds its 5 KB locale table)")
          .noneMatch(
              e ->
                  String.valueOf(e.get("name")).contains("primefaces")
                      && !String.valueOf(e.get("name")).contains("/locales/locale-"));
    }
  }

  @Test
  void textIsCompressedAndVersionedResourcesAreKeptForAYear() throws Exception {
    var home =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(Api.APP + "/"))
                .header("Accept-Encoding", "gzip")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(home.headers().firstValue("Content-Encoding")).hasValue("gzip");
    String html =
        new String(
            new GZIPInputStream(new ByteArrayInputStream(home.body())).readAllBytes(),
            StandardCharsets.UTF_8);
    var stylesheet =
        Pattern.compile("href=\"(/jakarta\\.faces\\.resource/unionhub\\.css[^\"]*)\"")
            .matcher(html);
    assertThat(stylesheet.find()).as("the stylesheet in %s", html).isTrue();
    String url = stylesheet.group(1).replace("&amp;", "&");
    assertThat(url).contains("v=");

    var css =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(Api.APP + url))
                .header("Accept-Encoding", "gzip")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(css.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));

    var api =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(Api.APP + "/api/v1/tenants"))
                .header("Authorization", "Bearer " + Api.token("sz-admin"))
                .header("Accept-Encoding", "gzip")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.headers().firstValue("Content-Encoding")).hasValue("gzip");

    var unversioned = new ArrayList<String>();
    var resources =
        Pattern.compile("(?:href|src)=\"(/jakarta\\.faces\\.resource/[^\"]*)\"").matcher(html);
    while (resources.find()) {
      if (!resources.group(1).contains("v=")) {
        unversioned.add(resources.group(1));
      }
    }
    assertThat(unversioned).as("resources without a version").isEmpty();
  }
}
