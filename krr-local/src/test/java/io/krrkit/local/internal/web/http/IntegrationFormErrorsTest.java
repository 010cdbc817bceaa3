package io.krrkit.local.internal.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.core.OrgNumber;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * What the integration pages refuse, in a real browser: every validation message next to its field,
 * crafted posts (unknown type, missing or wrong CSRF token), HTML in a name, another organisation's
 * integration.
 */
class IntegrationFormErrorsTest {
  @RegisterExtension static final Browser browser = Browser.withAdminApi();

  static final String PERSON = KnownPersons.ACTIVE.value();
  String org;

  @BeforeEach
  void logIn() {
    org = browser.addOrganisation("Feilsjekk AS");
    browser.logIn(PERSON, org);
  }

  @Test
  void showsMessagesNextToMissingAndOverlongFields() {
    browser.open("/integrasjoner/ny?integration_type=krr");
    browser.submit("save");
    assertError("client_name", "Skriv inn navn på integrasjonen");
    assertThat(browser.text("error-summary")).contains("Skriv inn navn på integrasjonen");
    browser.checkAccessibility("KRR form with errors");

    browser.fill("client_name", "n".repeat(256));
    fillByScript("#description", "d".repeat(4001));
    browser.submit("save");
    assertError("client_name", "Navnet kan ha høyst 255 tegn, du skrev 256");
    assertError("description", "Beskrivelsen kan ha høyst 4000 tegn, du skrev 4001");
    assertThat(browser.driver().findElement(By.id("client_name")).getAttribute("value"))
        .as("what was typed is kept")
        .hasSize(256);
  }

  @Test
  void checksMaskinportenScopesAgainstWhatTheOrganisationMayUse() {
    admin("/admin/scopes", "{\"name\":\"webtest:restricted\",\"accessible_for_all\":false}");
    admin(
        "/admin/scopes",
        "{\"name\":\"webtest:idporten-only\",\"accessible_for_all\":true,"
            + "\"allowed_integration_types\":[\"idporten\"]}");
    browser.open("/integrasjoner/ny?integration_type=maskinporten");
    browser.fill("client_name", "API-konsument");
    browser.submit("save");
    assertError("scopes", "Skriv inn minst ett scope");

    assertScopeRefused(
        "difitest:test2 ikke!et:scope",
        "«ikke!et:scope» er ikke et scope. Scopes ser ut som prefiks:navn");
    assertScopeRefused(
        "krr:global/kontaktinformasjon.read",
        "Scopet krr:global/kontaktinformasjon.read hører til tjenesten KRR;"
            + " opprett en KRR-integrasjon for det");
    assertScopeRefused(
        "webtest:restricted",
        "Virksomheten har ikke tilgang til scopet webtest:restricted; be API-tilbyderen om tilgang");
    assertScopeRefused(
        "webtest:idporten-only",
        "Scopet webtest:idporten-only kan ikke brukes av tjenesten Maskinporten");
    browser.checkAccessibility("Maskinporten form with a scope error");

    admin("/admin/access", "{\"scope\":\"webtest:restricted\",\"orgno\":\"" + org + "\"}", "PUT");
    browser.fill("scopes", "webtest:restricted");
    browser.submit("save");
    assertThat(browser.text("flash")).isEqualTo("Integrasjonen er opprettet.");
  }

  @Test
  void asksForRedirectUrisOfLoginIntegrations() {
    browser.open("/integrasjoner/ny?integration_type=idporten");
    browser.fill("client_name", "innlogging");
    browser.fill("scopes", "openid profile");
    browser.submit("save");
    assertError("redirect_uris", "Skriv inn minst én redirect-URI");

    browser.fill("redirect_uris", "ikke en adresse");
    browser.submit("save");
    assertThat(browser.text("redirect_uris-error")).contains("redirect_uris[0]");
  }

  @Test
  void answersACraftedUnknownServiceWithAMessage() {
    browser.open("/integrasjoner/ny?integration_type=krr");
    browser.fill("client_name", "lurt");
    fillByScript("#integration-form [name=integration_type]", "superclient");
    browser.submit("save");

    assertError("integration_type", "Velg en av tjenestene i lista");
    browser.checkAccessibility("choose service with an error");
    browser.open("/integrasjoner/ny?integration_type=%3Cb%3E");
    assertError("integration_type", "Velg en av tjenestene i lista");
  }

  @Test
  void refusesANameAnotherIntegrationOfTheOrganisationHas() {
    browser.open("/integrasjoner/ny?integration_type=krr");
    browser.fill("client_name", "Varsling før vedtak");
    browser.submit("save");
    String first = browser.text("client-id");

    browser.open("/integrasjoner/ny?integration_type=krr");
    browser.fill("client_name", "  varsling FØR vedtak ");
    browser.submit("save");
    assertError(
        "client_name",
        "Virksomheten har allerede en integrasjon som heter «varsling FØR vedtak». Velg et annet"
            + " navn");
    browser.checkAccessibility("KRR form with a taken name");

    browser.fill("client_name", "Varsling etter vedtak");
    browser.submit("save");
    String second = browser.text("client-id");
    browser.open("/integrasjoner/" + second + "/endre");
    browser.fill("client_name", "Varsling før vedtak");
    browser.submit("save");
    assertError(
        "client_name",
        "Virksomheten har allerede en integrasjon som heter «Varsling før vedtak». Velg et annet"
            + " navn");

    browser.open("/integrasjoner/" + first + "/endre");
    browser.fill("description", "samme navn som før");
    browser.submit("save");
    assertThat(browser.text("flash"))
        .as("its own name is no clash")
        .isEqualTo("Endringene er lagret.");
    String other = browser.addOrganisation("Annen AS");
    browser.logIn(PERSON, other);
    browser.open("/integrasjoner/ny?integration_type=krr");
    browser.fill("client_name", "Varsling før vedtak");
    browser.submit("save");
    assertThat(browser.text("integration-name"))
        .as("another organisation may use it")
        .isEqualTo("Varsling før vedtak");
  }

  @Test
  void showsHtmlInANameAsText() {
    String name = "<script>alert('x')</script><b>fet</b>";
    browser.open("/integrasjoner/ny?integration_type=krr");
    browser.fill("client_name", name);
    browser.submit("save");

    assertThat(browser.text("integration-name")).isEqualTo(name);
    assertThat(browser.driver().findElements(By.tagName("b"))).isEmpty();
    assertThat(browser.driver().getPageSource()).doesNotContain("<script>alert");
    browser.open("/integrasjoner");
    assertThat(browser.driver().findElement(By.cssSelector("#integrations td a")).getText())
        .isEqualTo(name);
    assertThat(browser.driver().findElements(By.tagName("b"))).isEmpty();
  }

  @Test
  void refusesAFormWithAWrongCsrfToken() {
    browser.open("/integrasjoner/ny?integration_type=krr");
    browser.fill("client_name", "forfalsket");
    fillByScript("#integration-form [name=csrf]", "not-the-token");
    browser.submit("save");

    assertThat(browser.text("error-heading")).isEqualTo("Skjemaet kunne ikke sendes");
    browser.checkAccessibility("403 page");
    browser.open("/integrasjoner?type=krr");
    assertThat(browser.driver().findElements(By.cssSelector("tr[data-client-id]"))).isEmpty();
  }

  @Test
  void refusesAPostWithoutCsrfTokenEvenWithTheSessionCookie() {
    String cookie = browser.driver().manage().getCookieNamed(SessionCookie.NAME).getValue();
    Answer answer =
        browser
            .fx()
            .send(
                HttpRequest.newBuilder(
                        URI.create(browser.fx().krrLocal().baseUrl() + "/integrasjoner"))
                    .header("Cookie", SessionCookie.NAME + "=" + cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "integration_type=krr&client_name=uten+token")));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.body()).contains("Skjemaet kunne ikke sendes").doesNotContain("Exception");
  }

  @Test
  void showsNotFoundForAnotherOrganisationsIntegration() {
    var other = browser.fx().client().org(OrgNumber.of(browser.newOrgNumber())).register();
    for (String path : new String[] {"", "/endre", "/slett"}) {
      browser.open("/integrasjoner/" + other.clientId() + path);
      assertThat(browser.text("error-heading")).isEqualTo("Fant ikke siden");
      assertThat(browser.driver().getPageSource()).doesNotContain("test client");
    }
    browser.checkAccessibility("404 page");
  }

  private void assertScopeRefused(String scopes, String message) {
    browser.fill("scopes", scopes);
    browser.submit("save");
    assertError("scopes", message);
  }

  private static void assertError(String field, String message) {
    assertThat(browser.text(field + "-error")).isEqualTo(message);
    assertThat(browser.driver().findElement(By.id(field)).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(browser.driver().findElement(By.id(field)).getAttribute("aria-describedby"))
        .contains(field + "-error");
  }

  /** Sets the value of the field {@code selector} finds, as a crafted request would. */
  private static void fillByScript(String selector, String value) {
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "document.querySelector(arguments[0]).value = arguments[1];", selector, value);
  }

  private static void admin(String path, String json) {
    admin(path, json, "POST");
  }

  private static void admin(String path, String json, String method) {
    Answer answer =
        browser
            .fx()
            .send(
                HttpRequest.newBuilder(URI.create(browser.fx().krrLocal().baseUrl() + path))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json)));
    assertThat(answer.status()).as(answer.body()).isBetween(200, 204);
  }
}
