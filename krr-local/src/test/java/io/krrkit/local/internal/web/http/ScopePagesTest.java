package io.krrkit.local.internal.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.KrrLocal;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** The API owner's scope pages in a real browser: create, edit, deactivate, grant and revoke. */
class ScopePagesTest {
  @RegisterExtension static final Browser browser = new Browser();

  static final String PERSON = KnownPersons.ACTIVE.value();
  static final String ORG = KrrLocal.DEFAULT_ORG.value();

  @Test
  void createsAScopeGivesAnOrganisationAccessAndTakesItAway() {
    browser.logIn(PERSON, ORG);
    browser.submit("nav-scopes");
    browser.checkAccessibility("scopes list");
    browser.submit("new-scope");
    browser.checkAccessibility("new scope form");
    String prefix = "webtest" + System.nanoTime() % 100_000;

    browser.fill("prefix", prefix);
    browser.fill("subscope", "api/les");
    browser.fill("description", "Testdata for <script>alert(1)</script>");
    browser.driver().findElement(By.id("type_maskinporten")).click();
    browser.submit("create-scope");

    assertThat(browser.text("flash")).isEqualTo("Scopet er opprettet.");
    assertThat(browser.text("scope-name")).isEqualTo(prefix + ":api/les");
    assertThat(browser.driver().findElement(By.id("description")).getDomProperty("value"))
        .isEqualTo("Testdata for <script>alert(1)</script>");
    assertThat(browser.driver().findElement(By.id("type_maskinporten")).isSelected()).isTrue();
    browser.checkAccessibility("scope page");

    String consumer = browser.newOrgNumber();
    browser.fill("consumer_orgno", consumer);
    browser.submit("grant");
    assertThat(browser.text("flash")).isEqualTo("Virksomheten har fått tilgang.");
    assertThat(browser.text("access")).contains(consumer).contains("Godkjent");
    browser.checkAccessibility("scope page with access");

    browser.fill("consumer_orgno", "123456789");
    browser.submit("grant");
    assertThat(browser.text("consumer_orgno-error"))
        .isEqualTo("Organisasjonsnummeret må være 9 siffer med riktig kontrollsiffer");

    browser
        .driver()
        .findElement(By.cssSelector("tr[data-consumer='" + consumer + "'] button[type=submit]"))
        .click();
    browser.wait(d -> d.findElements(By.id("no-access")).size() == 1);
    assertThat(browser.text("flash")).isEqualTo("Tilgangen er fjernet.");

    browser.submit("nav-scopes");
    assertThat(browser.text("scopes")).contains(prefix + ":api/les").contains("Aktivt");
  }

  @Test
  void editsDeactivatesAndReactivatesAScope() {
    browser.logIn(PERSON, ORG);
    String name = createScope("webedit" + System.nanoTime() % 100_000, "v1");

    browser.fill("description", "Ny beskrivelse");
    browser.fill("at_max_age", "60");
    browser.submit("save-scope");
    assertThat(browser.text("flash")).isEqualTo("Endringene er lagret.");
    assertThat(browser.driver().findElement(By.id("at_max_age")).getDomProperty("value"))
        .isEqualTo("60");

    browser.submit("deactivate");
    assertThat(browser.text("scope-status")).isEqualTo("Deaktivert");
    browser.submit("activate");
    assertThat(browser.text("scope-status")).isEqualTo("Aktivt");
    assertThat(browser.text("scope-name")).isEqualTo(name);
  }

  @Test
  void showsWhyAScopeWasRefusedNextToItsField() {
    browser.logIn(PERSON, ORG);
    browser.open("/scopes/ny");
    browser.submit("create-scope");
    assertThat(browser.text("prefix-error")).startsWith("Skriv inn et prefiks");
    assertThat(browser.text("subscope-error")).startsWith("Skriv inn et navn");
    assertThat(browser.text("description-error")).startsWith("Skriv inn en beskrivelse");
    browser.checkAccessibility("new scope form, refused");

    browser.fill("prefix", "krr");
    browser.fill("subscope", "mitt");
    browser.fill("description", "Ikke vårt prefiks");
    browser.submit("create-scope");
    assertThat(browser.text("prefix-error")).startsWith("Prefikset tilhører en annen virksomhet.");

    String prefix = "webdup" + System.nanoTime() % 100_000;
    createScope(prefix, "twice");
    browser.open("/scopes/ny");
    browser.fill("prefix", prefix);
    browser.fill("subscope", "twice");
    browser.fill("description", "Igjen");
    browser.fill("at_max_age", "lenge");
    browser.submit("create-scope");
    assertThat(browser.text("at_max_age-error")).startsWith("Skriv levetiden som et helt antall");
    browser.fill("at_max_age", "");
    browser.submit("create-scope");
    assertThat(browser.text("subscope-error")).startsWith("Scopet finnes allerede.");
  }

  @Test
  void anotherOrganisationsScopeIsNotFound() {
    browser.logIn(PERSON, ORG);

    browser.open("/scopes/scope?scope=krr:global/kontaktinformasjon.read");

    assertThat(browser.text("error-heading")).isEqualTo("Fant ikke siden");
  }

  /** Creates {@code prefix:subscope} on the page and stays on its page; returns its name. */
  private static String createScope(String prefix, String subscope) {
    browser.open("/scopes/ny");
    browser.fill("prefix", prefix);
    browser.fill("subscope", subscope);
    browser.fill("description", "Test");
    browser.submit("create-scope");
    return browser.text("scope-name");
  }
}
