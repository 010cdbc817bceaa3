package io.krrkit.local.internal.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.TestClient;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Every page at 390 CSS pixels wide (a phone held upright): nothing wider than the window, so no
 * sideways scrolling (WCAG 1.4.10 Reflow), and axe finds nothing serious. The organisation acted
 * for has a long name, as the organisation picker must hold one.
 */
class NarrowScreenTest {
  @RegisterExtension static final Browser browser = new Browser();

  static final String PERSON = KnownPersons.ACTIVE.value();
  static final int WIDTH = 390;

  @Test
  void everyPageFitsA390PixelWideScreen() {
    String org =
        browser.addOrganisation(
            "Nordre og Søndre Fjellkommuners Interkommunale Digitaliseringsselskap AS");
    LocalFixture fx = browser.fx();
    TestClient client =
        fx.client().org(OrgNumber.of(org)).scopes(Scope.KRR_KONTAKTINFORMASJON_READ).register();
    // Rows for the requests page: a token issued, and one refused (with a long trace id).
    fx.accessToken(client);
    fx.token(fx.sign(fx.header(client), fx.claims(client).audience("x"), client.privateKey()));
    browser.resize(WIDTH, 844);
    try {
      fits("/logg-inn");
      browser.logIn(PERSON, org);
      String base = "/integrasjoner/" + client.clientId();
      for (String path :
          List.of(
              "/integrasjoner",
              "/integrasjoner/ny",
              "/integrasjoner/ny?integration_type=krr",
              "/integrasjoner/ny?integration_type=idporten",
              base,
              base + "/endre",
              base + "/slett",
              base + "/nokler",
              base + "/paa-vegne-av",
              "/scopes",
              "/scopes/ny",
              "/foresporsler",
              "/foresporsler?status=abc",
              "/integrasjoner/finnes-ikke")) {
        fits(path);
      }
      browser.open("/scopes/ny");
      browser.fill("prefix", "smal" + System.nanoTime() % 100_000);
      browser.fill("subscope", "api/les");
      browser.fill("description", "Et API med et svært langt navn");
      browser.driver().findElement(By.id("type_maskinporten")).click();
      browser.submit("create-scope");
      assertThat(browser.text("flash")).isEqualTo("Scopet er opprettet.");
      fitsAsShown("scope page");
    } finally {
      browser.resizeToDefault();
    }
  }

  private static void fits(String path) {
    browser.open(path);
    fitsAsShown(path);
  }

  private static void fitsAsShown(String name) {
    assertThat(browser.horizontalOverflow())
        .as("%s is wider than %d px: %s", name, WIDTH, browser.overflowingElements())
        .isZero();
    browser.checkAccessibility(WIDTH + " px: " + name);
  }
}
