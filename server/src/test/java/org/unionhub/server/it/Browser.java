package org.unionhub.server.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Chromium from Debian's packages, driven by Debian's chromedriver. */
final class Browser implements AutoCloseable {

  private static final String CHROMIUM =
      System.getProperty("unionhub.it.chromium", "/usr/bin/chromium");
  private static final String DRIVER =
      System.getProperty("unionhub.it.chromedriver", "/usr/bin/chromedriver");

  final WebDriver driver;
  private final Path profile;

  Browser(String language) throws Exception {
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
        "--window-size=1280,900",
        "--lang=" + language,
        "--user-data-dir=" + profile);
    var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  void open(String path) {
    driver.get(Api.APP + path);
  }

  /**
   * Waits for a condition; when it never holds, keeps a screenshot and the page source in the test
   * logs so that a failure on CI can be read afterwards.
   */
  <T> T await(org.openqa.selenium.support.ui.ExpectedCondition<T> condition, int seconds) {
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(condition);
    } catch (org.openqa.selenium.TimeoutException e) {
      String name = "failure-" + System.currentTimeMillis();
      try {
        screenshot(name);
        Files.writeString(
            Path.of(System.getProperty("unionhub.it.logs", "target/it-logs"))
                .resolve(name + ".html"),
            driver.getCurrentUrl() + "\n" + driver.getPageSource());
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
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
   * Picks an option of a PrimeFaces selectOneMenu whose style class is {@code styleClass}, and
   * checks that the menu shows it: a click that lands while the panel is still opening is lost, so
   * it is tried again.
   */
  void choose(String styleClass, String label) {
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

  /** Waits until the element is visible and clickable (dialogs fade in), then clicks it. */
  void click(By locator) {
    await(ExpectedConditions.elementToBeClickable(locator), 30).click();
  }

  /** Waits until the element is visible, then types into it. */
  void type(By locator, String text) {
    var element = await(ExpectedConditions.visibilityOfElementLocated(locator), 30);
    element.clear();
    element.sendKeys(text);
  }

  String text(By locator) {
    waitFor(locator);
    return driver.findElement(locator).getText();
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
