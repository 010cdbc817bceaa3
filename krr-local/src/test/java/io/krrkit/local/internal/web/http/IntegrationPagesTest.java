package io.krrkit.local.internal.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * "Integrasjoner" in a real browser, step by step as Digdir's "Opprette og sette opp klient"
 * describes it, and one store behind two doors: what the page creates the self-service API returns,
 * and the other way round.
 */
class IntegrationPagesTest {
  @RegisterExtension static final Browser browser = new Browser();

  static final String PERSON = KnownPersons.ACTIVE.value();

  @Test
  void createsAKrrIntegrationAndShowsItsIdAndTheAutomaticScopes() {
    String org = browser.addOrganisation("Oppslag AS");
    browser.logIn(PERSON, org);
    browser.submit("new-integration");
    browser.checkAccessibility("new integration: choose service");
    browser.driver().findElement(By.cssSelector("input[value='krr']")).click();
    browser.submit("next");
    assertThat(texts(By.cssSelector("#automatic-scopes li")))
        .containsExactly("krr:global/digitalpost.read", "krr:global/kontaktinformasjon.read");
    assertThat(browser.text("fixed-settings"))
        .contains("jwt-bearer")
        .contains("private_key_jwt")
        .contains("web");
    browser.checkAccessibility("new integration: KRR form");

    browser.fill("client_name", "KRR-oppslag");
    browser.fill("description", "Varsling av innbyggere");
    browser.submit("save");

    String clientId = browser.text("client-id");
    assertThat(clientId).matches("[0-9a-f-]{36}");
    assertThat(browser.text("flash")).isEqualTo("Integrasjonen er opprettet.");
    assertThat(browser.text("next-steps")).contains("\"iss\": \"" + clientId + "\"");
    assertThat(texts(By.cssSelector("#scopes li")))
        .containsExactly("krr:global/digitalpost.read", "krr:global/kontaktinformasjon.read");
    assertThat(browser.driver().findElement(By.linkText("Gå til nøkler")).getAttribute("href"))
        .endsWith("/integrasjoner/" + clientId + "/nokler");
    assertThat(browser.driver().findElement(By.id("onbehalfof-link")).getAttribute("href"))
        .endsWith("/integrasjoner/" + clientId + "/paa-vegne-av");
    browser.checkAccessibility("integration created");

    JsonNode fromApi = api(org).get("/clients/" + clientId).json();
    assertThat(fromApi.get("client_name").asText()).isEqualTo("KRR-oppslag");
    assertThat(fromApi.get("integration_type").asText()).isEqualTo("krr");
    assertThat(fromApi.get("client_orgno").asText()).isEqualTo(org);
  }

  @Test
  void listsAnIntegrationCreatedThroughTheApiAndFiltersTheList() {
    String org = browser.addOrganisation("Toveis AS");
    Api api = api(org);
    String viaApi =
        api.post(
                "/clients",
                "{\"integration_type\":\"krr\",\"client_name\":\"fra API-et\","
                    + "\"description\":\"laget med selvbetjenings-API-et\"}")
            .json()
            .get("client_id")
            .asText();
    browser.logIn(PERSON, org);
    browser.open("/integrasjoner/ny?integration_type=maskinporten");
    browser.fill("client_name", "fra siden");
    browser.fill("scopes", "difitest:test2");
    browser.submit("save");
    String viaPage = browser.text("client-id");

    browser.open("/integrasjoner");
    assertThat(rowIds()).contains(viaApi, viaPage);
    browser.checkAccessibility("integrations list");
    browser.fill("q", "fra API");
    browser.submit("search");
    assertThat(rowIds()).containsExactly(viaApi);
    browser.open("/integrasjoner?type=maskinporten&q=siden");
    assertThat(rowIds()).containsExactly(viaPage);
    assertThat(browser.text("result-count")).startsWith("Viser 1 av ");
    browser.submit("language-switch");
    assertThat(rowIds()).as("the switch keeps the filter").containsExactly(viaPage);
    assertThat(browser.text("result-count")).startsWith("Showing 1 of ");
  }

  @Test
  void editsNameAndDescriptionButNotTheService() {
    String org = browser.addOrganisation("Endring AS");
    browser.logIn(PERSON, org);
    String id = createKrr("før endring");
    browser.submit("edit");
    assertThat(browser.text("service")).contains("KRR").contains("kan ikke endres");
    browser.checkAccessibility("edit integration");

    browser.fill("client_name", "etter endring");
    browser.fill("description", "ny beskrivelse");
    browser.submit("save");

    assertThat(browser.text("flash")).isEqualTo("Endringene er lagret.");
    assertThat(browser.text("integration-name")).isEqualTo("etter endring");
    assertThat(browser.text("integration-description")).isEqualTo("ny beskrivelse");
    JsonNode fromApi = api(org).get("/clients/" + id).json();
    assertThat(fromApi.get("client_name").asText()).isEqualTo("etter endring");
    assertThat(fromApi.get("scopes")).hasSize(2);
  }

  @Test
  void deletesAfterConfirmation() {
    String org = browser.addOrganisation("Sletting AS");
    browser.logIn(PERSON, org);
    String id = createKrr("skal slettes");
    browser.submit("delete");
    browser.checkAccessibility("delete confirmation");
    assertThat(browser.driver().getPageSource()).contains(id);

    browser.submit("confirm-delete");

    assertThat(browser.text("flash")).isEqualTo("Integrasjonen er slettet.");
    assertThat(rowIds()).doesNotContain(id);
    assertThat(api(org).get("/clients/" + id).status()).isEqualTo(404);
  }

  @Test
  void createsAnApiClientWithRedirectUris() {
    String org = browser.addOrganisation("Innlogging AS");
    browser.logIn(PERSON, org);
    browser.open("/integrasjoner/ny?integration_type=api_klient");
    assertThat(browser.driver().findElement(By.id("scopes")).getAttribute("value"))
        .isEqualTo("openid profile krr:user/kontaktinformasjon.read");
    browser.checkAccessibility("new integration: API client form");
    browser.fill("client_name", "brukerstyrt oppslag");
    browser.fill("redirect_uris", "https://app.example.com/callback");
    browser.submit("save");

    assertThat(texts(By.cssSelector("#scopes li")))
        .containsExactly("krr:user/kontaktinformasjon.read", "openid", "profile");
    assertThat(browser.driver().getPageSource()).contains("https://app.example.com/callback");
  }

  private String createKrr(String name) {
    browser.open("/integrasjoner/ny?integration_type=krr");
    browser.fill("client_name", name);
    browser.submit("save");
    return browser.text("client-id");
  }

  private List<String> rowIds() {
    List<String> ids = new ArrayList<>();
    for (WebElement row : browser.driver().findElements(By.cssSelector("tr[data-client-id]"))) {
      ids.add(row.getAttribute("data-client-id"));
    }
    return ids;
  }

  private static List<String> texts(By selector) {
    return browser.driver().findElements(selector).stream().map(WebElement::getText).toList();
  }

  /** The self-service API as {@code org}, with a token from a fresh admin client of that org. */
  static Api api(String org) {
    return new Api(
        browser
            .fx()
            .accessToken(
                browser
                    .fx()
                    .client()
                    .org(OrgNumber.of(org))
                    .scopes(Scope.DCR_READ, Scope.DCR_WRITE, Scope.DCR_MODIFY)
                    .register()));
  }

  /** Calls {@code /selvbetjening/api/v1} with one bearer token. */
  record Api(String token) {
    Answer get(String path) {
      return browser.fx().send(request(path).GET());
    }

    Answer post(String path, String json) {
      return browser
          .fx()
          .send(
              request(path)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(
              URI.create(browser.fx().krrLocal().selfServiceUrl() + "/api/v1" + path))
          .header("Authorization", "Bearer " + token);
    }
  }
}
