package org.unionhub.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A tenant admin works on rules in the console: the effective rules show their sources, the
 * scenarios run on demand, and rule text that breaks the sandbox is refused with its position
 * marked in the editor.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RulesBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.unionhub();
  }

  private static void click(Browser browser, By locator) {
    var element = browser.driver.findElement(locator);
    ((JavascriptExecutor) browser.driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  @Test
  void scenariosRunOnDemandAndHostileRuleTextIsMarkedAtItsLine() throws Exception {
    try (var browser = new Browser("zh-CN")) {
      browser.open("/admin/rules.xhtml");
      browser.login("hz-admin");
      browser.waitFor(By.id("rules:effective"));
      assertThat(browser.text(By.id("rules:effective")))
          .contains("enrollment.minimum-age")
          .contains("enrollment.review-applicants-over-retirement-age");

      click(browser, By.id("rules:test"));
      browser.waitFor(By.id("rules:results"));
      assertThat(browser.driver.findElements(By.cssSelector("#rules\\:results .uh-pass")))
          .hasSize(3);
      assertThat(browser.driver.findElements(By.cssSelector("#rules\\:results .uh-fail")))
          .isEmpty();

      ((JavascriptExecutor) browser.driver)
          .executeScript(
              "var cm = document.querySelector('.uh-rule-editor .CodeMirror').CodeMirror;"
                  + " cm.setValue(arguments[0]); cm.save();",
              "rule \"hz.exit\"\nwhen\n  Applicant()\nthen\n  System.exit(0);\nend\n");
      click(browser, By.id("rules:save"));
      browser.waitFor(By.cssSelector("a.uh-rule-problem[data-line='5']"));
      browser.screenshot("rules-refused-drl");
      assertThat(browser.text(By.id("rules:messages"))).contains("规则有错误");
    }
  }
}
