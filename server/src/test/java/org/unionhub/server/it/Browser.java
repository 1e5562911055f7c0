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
  private <T> T await(org.openqa.selenium.support.ui.ExpectedCondition<T> condition, int seconds) {
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

  /** Picks an option of a PrimeFaces selectOneMenu whose style class is {@code styleClass}. */
  void choose(String styleClass, String label) {
    driver.findElement(By.cssSelector("div." + styleClass)).click();
    await(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("li.ui-selectonemenu-item[data-label='" + label + "']")),
            15)
        .click();
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
