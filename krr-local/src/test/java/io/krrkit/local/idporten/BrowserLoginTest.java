package io.krrkit.local.idporten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.idporten.LoginFlow.Client;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The ID-porten login page in a real browser: Debian's Chromium, headless, driven by Selenium
 * through {@code /usr/bin/chromedriver} (never a downloaded driver). Skipped, with the reason, only
 * where that driver is not installed; CI installs it.
 */
class BrowserLoginTest {
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  static LocalFixture fx;
  static LoginFlow flow;
  static HttpServer callback;
  static Client app;
  static String pid;
  static Path profile;
  static WebDriver browser;

  @RegisterExtension
  final TestWatcher screenshotOnFailure =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          saveScreenshot(context.getDisplayName());
        }
      };

  @BeforeAll
  static void start() throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMEDRIVER),
        "browser test skipped: /usr/bin/chromedriver is absent;"
            + " install it with apt-get install -y chromium chromium-driver");
    fx = LocalFixture.start(10);
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
    profile = Files.createTempDirectory("krr-chromium-");
    browser = chromium(profile);
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (callback != null) {
      callback.stop(0);
    }
    if (fx != null) {
      fx.close();
    }
    if (profile != null) {
      deleteTree(profile);
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

  private static WebDriver chromium(Path userDataDir) {
    // The driver path is explicit, so Selenium Manager never looks for (or downloads) one.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + userDataDir);
    return new ChromeDriver(service, options);
  }

  private static void saveScreenshot(String name) {
    if (!(browser instanceof TakesScreenshot camera)) {
      return;
    }
    try {
      Path dir = buildDir().resolve("screenshots");
      Files.createDirectories(dir);
      File shot = camera.getScreenshotAs(OutputType.FILE);
      Path target = dir.resolve(name.replaceAll("[^A-Za-z0-9_-]", "_") + ".png");
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      System.err.println("screenshot saved: " + target);
    } catch (IOException | RuntimeException e) {
      System.err.println("no screenshot: " + e.getMessage());
    }
  }

  /** The module's build directory ({@code target/}, or the one given by -Dkrr.buildDir). */
  private static Path buildDir() {
    try {
      return Path.of(
              BrowserLoginTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .getParent();
    } catch (java.net.URISyntaxException e) {
      return Path.of("target");
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
