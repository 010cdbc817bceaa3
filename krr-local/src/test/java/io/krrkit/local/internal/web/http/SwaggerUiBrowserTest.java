package io.krrkit.local.internal.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Swagger UI of the self-service API works in a real browser under the page's
 * Content-Security-Policy (no inline script): it loads the OpenAPI document and lists the routes.
 */
class SwaggerUiBrowserTest {
  @RegisterExtension static final Browser browser = new Browser(0);

  @Test
  void listsTheSelfServiceRoutesUnderItsContentSecurityPolicy() {
    browser.open("/selvbetjening/swagger-ui/index.html");

    List<WebElement> operations =
        browser.wait(
            d -> {
              List<WebElement> found = d.findElements(By.cssSelector(".opblock"));
              return found.isEmpty() ? null : found;
            });
    Object inlineScripts =
        ((JavascriptExecutor) browser.driver())
            .executeScript("return document.querySelectorAll('script:not([src])').length");

    assertThat(operations).hasSizeGreaterThan(10);
    assertThat(inlineScripts).isEqualTo(0L);
  }
}
