package org.unionhub.server.it;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages, driven by Debian's chromedriver.
 *
 * <p>Every page of the application that a test waits on is checked once with axe-core (WCAG 2.1 A
 * and AA rules, as GB/T 37668-2019 asks): a serious or critical violation fails the test, so a new
 * page is covered by the first browser test that opens it (ADR 15). {@link #assertAccessible}
 * checks again after a page changed (errors shown, a dialog opened).
 */
final class Browser implements AutoCloseable {

  /** WCAG 2.0 and 2.1, levels A and AA. */
  private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private static final Set<String> BLOCKING = Set.of("serious", "critical");

  private static final String CHROMIUM =
      System.getProperty("unionhub.it.chromium", "/usr/bin/chromium");
  private static final String DRIVER =
      System.getProperty("unionhub.it.chromedriver", "/usr/bin/chromedriver");

  final WebDriver driver;
  private final Path profile;
  private final Set<String> checkedPages = new HashSet<>();

  Browser(String language) throws Exception {
    this(language, 1280, 900);
  }

  /** A browser with a window of the given size: 390 × 844 is a phone. */
  Browser(String language, int width, int height) throws Exception {
    if (!new File(CHROMIUM).canExecute() || !new File(DRIVER).canExecute()) {
      throw new IllegalStateException(
          "browser tests need Chromium and its driver at "
              + CHROMIUM
              + " and "
              + DRIVER
              + ": apt-get install chromium chromium-driver (.ci/run does this)");
    }
    profile = Files.createTempDirectory("unionhub-chromium");
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=" + width + "," + height,
        "--lang=" + language,
        "--user-data-dir=" + profile);
    var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  /**
   * Waits until no displayed element matches. Unlike {@code invisibilityOfElementLocated}, it
   * retries when the page is replaced under the check: Chrome then reports the old document's node
   * as "not belonging to the document", an error the Selenium condition does not ignore.
   */
  void awaitGone(By locator, int seconds) {
    await(
        d -> {
          try {
            return d.findElements(locator).stream().noneMatch(WebElement::isDisplayed);
          } catch (org.openqa.selenium.WebDriverException replacedMeanwhile) {
            return false;
          }
        },
        seconds);
  }

  void open(String path) {
    driver.get(Api.APP + path);
  }

  /**
   * Waits for a condition; when it never holds, keeps a screenshot and the page source in the test
   * logs so that a failure on CI can be read afterwards.
   */
  <T> T await(org.openqa.selenium.support.ui.ExpectedCondition<T> condition, int seconds) {
    T result = until(condition, seconds);
    checkNewPage();
    return result;
  }

  /** Waits as {@link #await} does, without checking the page: for acting on it once checked. */
  private <T> T until(org.openqa.selenium.support.ui.ExpectedCondition<T> condition, int seconds) {
    T result;
    try {
      // A PrimeFaces update replaces the elements it renders: an element found a moment ago may be
      // gone when it is read. That is "not yet", never a failure, so the wait asks again.
      result =
          new WebDriverWait(driver, Duration.ofSeconds(seconds))
              .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
              .until(condition);
    } catch (org.openqa.selenium.TimeoutException e) {
      keepEvidence("failure-" + System.currentTimeMillis(), e);
      throw e;
    }
    return result;
  }

  private void keepEvidence(String name, Throwable failure) {
    try {
      screenshot(name);
      Files.writeString(
          Path.of(System.getProperty("unionhub.it.logs", "target/it-logs")).resolve(name + ".html"),
          driver.getCurrentUrl() + "\n" + driver.getPageSource());
    } catch (Exception suppressed) {
      failure.addSuppressed(suppressed);
    }
  }

  /**
   * Checks the application's page the browser is on with axe-core the first time a test waits on it
   * (a page is its path and the language and display mode it was shown in); pages of other origins
   * (Keycloak's login) are not ours to check.
   */
  private void checkNewPage() {
    String url = driver.getCurrentUrl();
    if (url == null || !url.startsWith(Api.APP)) {
      return;
    }
    String path = url.substring(Api.APP.length()).replaceAll("[?#].*", "");
    String page = path + " " + documentState();
    if (checkedPages.add(page)) {
      assertAccessible(page);
    }
  }

  private String documentState() {
    Object state =
        ((org.openqa.selenium.JavascriptExecutor) driver)
            .executeScript(
                "return document.documentElement.lang + ' ' + document.documentElement.className;");
    return String.valueOf(state).trim();
  }

  /**
   * The serious and critical WCAG 2.1 A/AA violations axe-core finds on the page as it is now, one
   * line per rule and element.
   */
  List<String> accessibilityViolations() {
    awaitStillPage();
    var results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
    if (results.isErrored()) {
      throw new IllegalStateException(
          "axe-core failed on " + driver.getCurrentUrl() + ": " + results.getErrorMessage());
    }
    return results.getViolations().stream()
        .filter(rule -> BLOCKING.contains(rule.getImpact()))
        .flatMap(Browser::describe)
        .toList();
  }

  /**
   * Waits, for at most two seconds, until nothing on the page moves: axe computes colours as they
   * are painted, and text under a dialog's fading mask or in a colour transition is measured
   * lighter than it ends (a flat button read 2.79:1 under a mask fading in). Endless animations
   * (spinners) are not waited for.
   */
  private void awaitStillPage() {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(2))
          .pollingEvery(Duration.ofMillis(50))
          .until(
              d ->
                  (Boolean)
                      ((org.openqa.selenium.JavascriptExecutor) d)
                          .executeScript(
                              "return (!window.jQuery || window.jQuery(':animated').length === 0)"
                                  + " && (!document.getAnimations || document.getAnimations()"
                                  + ".every(a => a.playState !== 'running'"
                                  + " || a.effect.getTiming().iterations === Infinity));"));
    } catch (org.openqa.selenium.TimeoutException endless) {
      // still moving after two seconds: check the page as it is
    }
  }

  private static java.util.stream.Stream<String> describe(Rule rule) {
    return rule.getNodes().stream()
        .map(
            node ->
                rule.getId()
                    + " ("
                    + rule.getImpact()
                    + ") "
                    + node.getTarget()
                    + ": "
                    + String.valueOf(node.getFailureSummary()).replace('\n', ' ')
                    + " | "
                    + abbreviate(node.getHtml()));
  }

  private static String abbreviate(String html) {
    return html == null || html.length() <= 160 ? html : html.substring(0, 160) + "…";
  }

  /**
   * Fails when axe-core finds a serious or critical violation on the page as it is now; keeps a
   * screenshot and the page source for the report.
   *
   * @param what names the page and its state in the failure message
   */
  void assertAccessible(String what) {
    List<String> violations = accessibilityViolations();
    if (!violations.isEmpty()) {
      var failure =
          new AssertionError(
              "accessibility violations (axe-core, WCAG 2.1 AA) on "
                  + what
                  + " ("
                  + driver.getCurrentUrl()
                  + "):\n  "
                  + violations.stream().collect(Collectors.joining("\n  ")));
      keepEvidence("axe-" + System.currentTimeMillis(), failure);
      throw failure;
    }
  }

  /** Fills Keycloak's login form, which any protected page redirects to. */
  void login(String user) {
    await(ExpectedConditions.visibilityOfElementLocated(By.id("username")), 30);
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(Api.PASSWORD);
    driver.findElement(By.id("kc-login")).click();
  }

  /**
   * Picks an option of a native select or of a PrimeFaces selectOneMenu whose style class is {@code
   * styleClass}; for the PrimeFaces menu it checks that the menu shows it: a click that lands while
   * the panel is still opening is lost, so it is tried again.
   */
  void choose(String styleClass, String label) {
    var nativeSelect = driver.findElements(By.cssSelector("select." + styleClass));
    if (!nativeSelect.isEmpty()) {
      new org.openqa.selenium.support.ui.Select(nativeSelect.get(0)).selectByVisibleText(label);
      return;
    }
    By menu = By.cssSelector("div." + styleClass);
    By item = By.cssSelector("li.ui-selectonemenu-item[data-label='" + label + "']");
    By shown = By.cssSelector("div." + styleClass + " .ui-selectonemenu-label");
    for (int attempt = 1; ; attempt++) {
      var widget = driver.findElement(menu);
      ((org.openqa.selenium.JavascriptExecutor) driver)
          .executeScript("arguments[0].scrollIntoView({block: 'center'});", widget);
      widget.click();
      try {
        await(ExpectedConditions.elementToBeClickable(item), 15).click();
        new WebDriverWait(driver, Duration.ofSeconds(3))
            .until(ExpectedConditions.textToBePresentInElementLocated(shown, label));
        return;
      } catch (org.openqa.selenium.WebDriverException e) {
        // The panel was still sliding open, or the click landed before it settled: try again.
        if (attempt == 3) {
          throw e;
        }
        driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
      }
    }
  }

  /**
   * Waits until the element can be clicked (dialogs fade in), then clicks it, as {@link #actOn}.
   */
  void click(By locator) {
    actOn(ExpectedConditions.elementToBeClickable(locator), WebElement::click);
  }

  /** Waits until the element is visible, then types into it, as {@link #actOn}. */
  void type(By locator, String text) {
    actOn(
        ExpectedConditions.visibilityOfElementLocated(locator),
        element -> {
          element.clear();
          element.sendKeys(text);
        });
  }

  /**
   * Waits until {@code ready} finds the element (the page is checked then, before anything is
   * hovered or pressed), then acts on it; when an update replaced it in between (an action on a
   * stale element does nothing), finds it again and acts on the new one.
   */
  private void actOn(
      org.openqa.selenium.support.ui.ExpectedCondition<WebElement> ready,
      java.util.function.Consumer<WebElement> action) {
    await(ready, 30);
    until(
        d -> {
          WebElement element = ready.apply(d);
          if (element == null) {
            return false;
          }
          action.accept(element);
          return true;
        },
        30);
  }

  String text(By locator) {
    return await(d -> d.findElement(locator).getText(), 30);
  }

  void waitForText(By locator, String text) {
    await(ExpectedConditions.textToBePresentInElementLocated(locator, text), 30);
  }

  void waitFor(By locator) {
    await(ExpectedConditions.presenceOfElementLocated(locator), 30);
  }

  void screenshot(String name) throws Exception {
    Path dir = Path.of(System.getProperty("unionhub.it.logs", "target/it-logs"));
    Files.createDirectories(dir);
    Files.write(
        dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() throws Exception {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
