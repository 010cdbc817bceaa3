package io.krrkit.local.internal.web.http;

import io.krrkit.core.OrgNumber;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.RequiredTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The shared browser-test fixture of krr-local: one emulator and one headless Chromium (Debian's
 * {@code /usr/bin/chromium}, driven through {@code /usr/bin/chromedriver}, never a downloaded one)
 * per test class, a fresh cookie jar per test, a screenshot of every step written under {@code
 * <build dir>/screenshots/<class>/<test>/} when the test fails (always with {@code
 * -Dkrr.screenshots=true}), and an axe check whose summary goes to {@code <build
 * dir>/axe/<class>.json}. Skips the class, with the reason, where chromedriver is not installed.
 *
 * <pre>{@code
 * @RegisterExtension static final Browser browser = new Browser();
 *
 * @Test void createsAnIntegration() {
 *   browser.logIn(KnownPersons.ACTIVE.value(), KrrLocal.DEFAULT_ORG.value());
 *   browser.open("/integrasjoner/ny");
 *   browser.checkAccessibility("new integration");
 * }
 * }</pre>
 */
public final class Browser
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, TestWatcher {
  private static final String MISSING_BROWSER =
      "browser test skipped: /usr/bin/chromedriver or /usr/bin/chromium is absent;"
          + " install them with apt-get install -y chromium chromium-driver";

  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final int persons;
  private final boolean adminApi;
  private final AxeCheck axe = new AxeCheck();
  private final List<byte[]> steps = new ArrayList<>();
  private final List<String> stepNames = new ArrayList<>();
  private final Random random = new Random();
  private LocalFixture fx;
  private Path profile;
  private Path downloads;
  private WebDriver driver;

  /** An emulator with a small register (20 synthetic persons besides the known ones). */
  public Browser() {
    this(20);
  }

  /** An emulator with {@code persons} synthetic persons. */
  public Browser(int persons) {
    this(persons, false);
  }

  private Browser(int persons, boolean adminApi) {
    this.persons = persons;
    this.adminApi = adminApi;
  }

  /**
   * As {@link #Browser()}, with the operator API ({@code /admin}) on, to set up scopes and access.
   */
  public static Browser withAdminApi() {
    return new Browser(20, true);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
      return; // each test then skips, or fails in CI, in beforeEach (RequiredTool)
    }
    fx =
        LocalFixture.start(
            KrrLocal.builder().port(0).ephemeral().seedPersons(persons).adminApi(adminApi));
    profile = Files.createTempDirectory("krr-chromium-");
    downloads = Files.createDirectories(profile.resolve("downloads"));
    driver = chromium(profile, downloads);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    axe.write(
        buildDir()
            .resolve("axe")
            .resolve(context.getRequiredTestClass().getSimpleName() + ".json"));
    if (driver != null) {
      driver.quit();
    }
    if (fx != null) {
      fx.close();
    }
    if (profile != null) {
      try (Stream<Path> paths = Files.walk(profile)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    RequiredTool.require(available(), MISSING_BROWSER);
    steps.clear();
    stepNames.clear();
    driver.manage().deleteAllCookies();
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (driver != null) {
      step("failed");
      saveSteps(context);
    }
  }

  /** Keeps the screenshots of passing tests too with {@code -Dkrr.screenshots=true}. */
  @Override
  public void testSuccessful(ExtensionContext context) {
    if (driver != null && Boolean.getBoolean("krr.screenshots")) {
      saveSteps(context);
    }
  }

  private void saveSteps(ExtensionContext context) {
    Path dir =
        buildDir()
            .resolve("screenshots")
            .resolve(context.getRequiredTestClass().getSimpleName())
            .resolve(context.getRequiredTestMethod().getName());
    try {
      Files.createDirectories(dir);
      for (int i = 0; i < steps.size(); i++) {
        String name = String.format("%02d-%s.png", i + 1, stepNames.get(i));
        Files.write(dir.resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_")), steps.get(i));
      }
      System.err.println("screenshots: " + dir);
    } catch (IOException e) {
      System.err.println("no screenshots: " + e.getMessage());
    }
  }

  /** The emulator (its HTTP client, clients, tokens). */
  public LocalFixture fx() {
    return fx;
  }

  /** Where the browser saves downloads, without asking (a fresh folder per test class). */
  public Path downloads() {
    return downloads;
  }

  /**
   * True when the browser started. A test class's own {@code @BeforeAll} that needs it does nothing
   * without it: failing there would show the class as "0 tests run", while each test then skips
   * with the reason (or fails in CI) in {@link #beforeEach}.
   */
  public boolean available() {
    return driver != null;
  }

  /** The browser. */
  public WebDriver driver() {
    return driver;
  }

  /** Opens {@code path} on the emulator ({@code /integrasjoner}) and waits for the page. */
  public void open(String path) {
    driver.get(fx.krrLocal().baseUrl() + path);
    step("open " + path);
  }

  /** Logs in on the log-in page as the test person {@code pid}, acting for {@code org}. */
  public void logIn(String pid, String org) {
    open("/logg-inn?q=" + pid);
    wait(ExpectedConditions.elementToBeClickable(By.cssSelector("input[data-pid='" + pid + "']")))
        .click();
    new Select(driver.findElement(By.id("org"))).selectByValue(org);
    submit("sign-in");
    waitForPath("/integrasjoner");
  }

  /** Adds an organisation with a fresh valid number on the log-in page and returns the number. */
  public String addOrganisation(String name) {
    String number = newOrgNumber();
    open("/logg-inn");
    fill("org_name", name);
    fill("org_number", number);
    submit("add-org");
    return number;
  }

  /** Replaces the text of the field with id {@code id}. */
  public void fill(String id, String text) {
    WebElement field = driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /** Clicks the button or link with id {@code id} and waits until the next page has loaded. */
  public void submit(String id) {
    WebElement html = driver.findElement(By.tagName("html"));
    driver.findElement(By.id(id)).click();
    wait(d -> isStale(html));
    wait(d -> d.findElement(By.tagName("footer")));
    step("after " + id);
  }

  /** True once {@code element}'s page is gone; Chromium says so in two ways, mid-navigation. */
  private static boolean isStale(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return true;
    } catch (org.openqa.selenium.WebDriverException e) {
      return String.valueOf(e.getMessage()).contains("does not belong to the document");
    }
  }

  /** Records what the browser shows now as a screenshot step named {@code name}. */
  public void screenshot(String name) {
    step(name);
  }

  /** Waits until the browser shows {@code path} (query ignored). */
  public void waitForPath(String path) {
    wait(d -> d.getCurrentUrl().replaceFirst("\\?.*$", "").endsWith(path));
  }

  /** The text of the element with id {@code id}. */
  public String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  /** Sets the window's size in CSS pixels, e.g. 390 wide for a phone; Chromium's size stays. */
  public void resize(int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    wait(d -> width == ((Number) script("return window.innerWidth;")).intValue());
  }

  /** Back to the size every test starts with. */
  public void resizeToDefault() {
    resize(1280, 1024);
  }

  /** How many CSS pixels the page is wider than the window (0 when nothing overflows). */
  public long horizontalOverflow() {
    return ((Number)
            script(
                "return Math.max(0, document.scrollingElement.scrollWidth - window.innerWidth);"))
        .longValue();
  }

  /** The elements reaching past the window's right edge, for a failure message. */
  public String overflowingElements() {
    return String.valueOf(
        script(
            "const w = window.innerWidth; return Array.from(document.querySelectorAll('body *'))"
                + ".filter(e => e.getBoundingClientRect().right > w + 0.5)"
                + ".slice(0, 10).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                + " + (e.className ? '.' + String(e.className).split(' ').join('.') : '')"
                + " + ' right=' + Math.round(e.getBoundingClientRect().right)).join(', ');"));
  }

  private Object script(String js) {
    return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(js);
  }

  /** Runs axe on the page shown, failing on serious or critical violations. */
  public void checkAccessibility(String pageName) {
    axe.check(driver, pageName);
  }

  /** Waits (bounded) for {@code condition}. */
  public <T> T wait(java.util.function.Function<? super WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT).until(condition);
  }

  /** A valid organisation number no test used before (mod-11, weights 3 2 7 6 5 4 3 2). */
  public String newOrgNumber() {
    int[] weights = {3, 2, 7, 6, 5, 4, 3, 2};
    while (true) {
      String base = Integer.toString(80_000_000 + random.nextInt(10_000_000));
      int sum = 0;
      for (int i = 0; i < 8; i++) {
        sum += (base.charAt(i) - '0') * weights[i];
      }
      int control = 11 - sum % 11;
      if (control != 10) {
        String number = base + (control == 11 ? 0 : control);
        if (OrgNumber.isValid(number)) {
          return number;
        }
      }
    }
  }

  private void step(String name) {
    if (driver instanceof TakesScreenshot camera) {
      steps.add(camera.getScreenshotAs(OutputType.BYTES));
      stepNames.add(name);
    }
  }

  private static WebDriver chromium(Path userDataDir, Path downloads) {
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
        "--window-size=1280,1024",
        "--user-data-dir=" + userDataDir);
    options.setExperimentalOption(
        "prefs",
        java.util.Map.of(
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false));
    return new ChromeDriver(service, options);
  }

  /** The module's build directory ({@code target/}, or the one given by -Dkrr.buildDir). */
  static Path buildDir() {
    try {
      return Path.of(Browser.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
