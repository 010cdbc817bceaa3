package io.krrkit.local.internal.idporten;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.idporten.LoginFlow.Client;
import io.krrkit.local.internal.web.http.Browser;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The ID-porten login page in a real browser: Debian's Chromium, headless, driven by Selenium
 * through {@code /usr/bin/chromedriver} (never a downloaded driver), from the module's shared
 * {@link Browser} fixture. Skipped, with the reason, only where that driver is not installed; CI
 * installs it.
 */
class BrowserLoginTest {
  @RegisterExtension static final Browser chromium = new Browser(10);

  static LocalFixture fx;
  static LoginFlow flow;
  static HttpServer callback;
  static Client app;
  static String pid;
  static WebDriver browser;

  @BeforeAll
  static void start() throws IOException {
    if (!chromium.available()) {
      return; // each test skips with the reason, or fails in CI, in the fixture's beforeEach
    }
    fx = chromium.fx();
    browser = chromium.driver();
    flow = new LoginFlow(fx);
    callback = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    callback.createContext(
        "/callback",
        exchange -> {
          byte[] page =
              "<html><body><h1 id=\"done\">Logged in</h1></body></html>"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, page.length);
          try (OutputStream body = exchange.getResponseBody()) {
            body.write(page);
          }
        });
    callback.start();
    Client registered = flow.registerNative("http://127.0.0.1/callback");
    app =
        new Client(
            registered.clientId(),
            "http://127.0.0.1:" + callback.getAddress().getPort() + "/callback",
            null);
    pid = flow.listedPersons(app).get(2);
  }

  @AfterAll
  static void stop() {
    if (callback != null) {
      callback.stop(0);
    }
  }

  @Test
  void logsInOnTheLoginPageAndReadsTheOwnRecord() {
    String verifier = LoginFlow.verifier();
    browser.get(flow.authorizeUrl(app, "browser-state", "browser-nonce", verifier));

    browser.findElement(By.id("q")).sendKeys(pid.substring(0, 9));
    browser.findElement(By.id("search")).click();
    // The search reloads the page: wait for the filtered list instead of racing the navigation.
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(d -> d.getCurrentUrl().contains("&q="));
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[data-pid='" + pid + "']")))
        .click();
    wait.until(d -> d.getCurrentUrl().startsWith(app.redirectUri()));

    Map<String, String> answer =
        LoginFlow.queryOf(URI.create(browser.getCurrentUrl()).getRawQuery());
    assertThat(answer.get("state")).isEqualTo("browser-state");
    assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("Logged in");
    Answer tokens = flow.redeem(app, answer.get("code"), verifier);
    assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
    Answer record =
        fx.send(
            HttpRequest.newBuilder(
                    URI.create(fx.krrLocal().kontaktregisteretUrl() + "/rest/v1/person"))
                .header("Authorization", "Bearer " + tokens.json().get("access_token").asText())
                .header("Accept", "application/json")
                .GET());
    assertThat(record.status()).isEqualTo(200);
    assertThat(record.json().get("personidentifikator").asText()).isEqualTo(pid);
  }
}
