package io.krrkit.local.internal.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.TestClient;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The "Forespørsler" page in a real browser: the menu link, the filter form, axe. */
class JournalPageBrowserTest {
  @RegisterExtension static final Browser browser = new Browser();

  static final String PERSON = KnownPersons.ACTIVE.value();
  static final String ORG = KrrLocal.DEFAULT_ORG.value();

  @BeforeEach
  void clearTheJournal() {
    browser.fx().krrLocal().controls().journal().clear();
  }

  @Test
  void listsAndFiltersTheRequestsOfTheOrganisationsIntegrations() {
    LocalFixture fx = browser.fx();
    TestClient client = fx.registerClient(Scope.KRR_KONTAKTINFORMASJON_READ);
    fx.accessToken(client);
    fx.token(
        fx.sign(
            fx.header(client), fx.claims(client).audience("https://wrong"), client.privateKey()));
    browser.logIn(PERSON, ORG);

    browser.submit("nav-journal");

    assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Forespørsler");
    assertThat(browser.driver().findElement(By.id("nav-journal")).getAttribute("aria-current"))
        .isEqualTo("page");
    assertThat(statuses()).containsExactly("400", "200");
    assertThat(browser.text("result-count")).isEqualTo("Viser 2 av 2 forespørsler");
    browser.checkAccessibility("requests page");

    new Select(browser.driver().findElement(By.id("client"))).selectByValue(client.clientId());
    browser.fill("status", "4xx");
    browser.submit("filter");
    assertThat(statuses()).containsExactly("400");
    assertThat(browser.driver().getCurrentUrl()).contains("status=4xx");
    WebElement row = browser.driver().findElement(By.cssSelector("#requests tbody tr"));
    assertThat(row.getText()).contains("POST /maskinporten/token").contains("trace_id=");
    browser.checkAccessibility("requests page, filtered");

    browser.submit("language-switch");
    assertThat(statuses()).as("the switch keeps the filter").containsExactly("400");
    assertThat(browser.text("result-count")).isEqualTo("Showing 1 of 1 requests");

    browser.fill("status", "4oo");
    browser.submit("filter");
    assertThat(browser.text("status-error"))
        .isEqualTo("Enter an HTTP status such as 401 or a class such as 4xx");
    assertThat(browser.driver().findElement(By.id("status")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    browser.checkAccessibility("requests page, bad filter");

    browser.submit("filter-reset");
    assertThat(statuses()).hasSize(2);
  }

  @Test
  void saysSoWhenTheOrganisationsIntegrationsSentNothing() {
    browser.logIn(PERSON, ORG);
    browser.open("/foresporsler");

    assertThat(browser.text("no-requests"))
        .isEqualTo("Virksomhetens integrasjoner har ikke sendt noen forespørsler ennå.");
    assertThat(browser.driver().findElements(By.id("requests"))).isEmpty();
    browser.checkAccessibility("requests page, empty");
  }

  private static List<String> statuses() {
    return browser
        .driver()
        .findElements(By.cssSelector("#requests tbody tr td:nth-child(4)"))
        .stream()
        .map(WebElement::getText)
        .toList();
  }
}
