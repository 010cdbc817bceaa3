package io.krrkit.local.internal.krr;

import static io.krrkit.core.Scope.KRR_KONTAKTINFORMASJON_READ;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.krr.KrrTimestamps;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import io.krrkit.local.internal.krr.synthetic.Shares;
import io.krrkit.local.internal.krr.synthetic.SyntheticRegister;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /rest/v2/krr/hentEndringer} over HTTP: scope, paging, ids, deletions, bad input. */
class ChangeFeedApiTest {
  static LocalFixture fx;
  static String feedToken;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start(2500);
    feedToken =
        fx.accessToken(
            fx.client().type(IntegrationType.KRR).scopes(Register.HENTENDRING_READ).register());
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void pagesThroughTheWholeRegisterInChangeOrder() {
    List<JsonNode> pages = readAll(0);

    Set<String> seen = new HashSet<>();
    long previousTil = 0;
    for (JsonNode page : pages) {
      assertThat(page.get("list").size()).isLessThanOrEqualTo(1000);
      assertThat(page.get("fraEndringsId").asLong()).isEqualTo(previousTil);
      assertThat(page.get("tilEndringsId").asLong()).isGreaterThan(200_000_000L);
      page.get("list").forEach(p -> seen.add(p.get("personidentifikator").asText()));
      previousTil = page.get("tilEndringsId").asLong();
    }
    assertThat(pages).hasSizeGreaterThan(2);
    // The computed population comes whole, each person once; beside it only what tests here put.
    Set<String> population =
        Stream.concat(
                KnownPersons.entries(Instant.now()).stream(),
                new SyntheticRegister(1, Shares.DEFAULT, Instant.now()).entries(2500))
            .map(e -> e.personidentifikator().value())
            .collect(Collectors.toSet());
    assertThat(seen).containsAll(population);
    seen.removeAll(population);
    assertThat(seen).isSubsetOf(KnownPersons.NOT_REGISTERED.value());
    JsonNode last = pages.get(pages.size() - 1);
    assertThat(last.get("tilEndringsId").asLong()).isEqualTo(last.get("sisteEndringsId").asLong());
  }

  @Test
  void aChangedPersonComesAgainAfterTheLatestIdWithEverythingTheRegisterHolds() {
    long latest = post(feedToken, "{\"fraEndringsId\": 0}").json().get("sisteEndringsId").asLong();
    RegisterEntry stale =
        Internals.of(fx.krrLocal()).register().find(KnownPersons.STALE).orElseThrow();
    Internals.of(fx.krrLocal()).register().put(stale);

    JsonNode page = post(feedToken, "{\"fraEndringsId\": " + latest + "}").json();

    assertThat(page.get("list")).hasSize(1);
    JsonNode person = page.get("list").get(0);
    assertThat(person.get("personidentifikator").asText()).isEqualTo(KnownPersons.STALE.value());
    assertThat(person.get("varslingsstatus").asText()).isEqualTo("KAN_IKKE_VARSLES");
    assertThat(person.has("kontaktinformasjon")).as("not filtered by the 18-month rule").isTrue();
    assertThat(page.get("tilEndringsId").asLong())
        .isEqualTo(page.get("sisteEndringsId").asLong())
        .isGreaterThan(latest);
  }

  @Test
  void aDeletedPersonComesAsSlettet() {
    long latest = post(feedToken, "{\"fraEndringsId\": 0}").json().get("sisteEndringsId").asLong();
    Internals.of(fx.krrLocal())
        .register()
        .put(
            RegisterEntry.aktiv(KnownPersons.NOT_REGISTERED)
                .epost("ola@example.com", KrrTimestamps.parse("2025-01-01T10:00:00+01"), null)
                .build());
    Internals.of(fx.krrLocal()).register().delete(KnownPersons.NOT_REGISTERED);

    JsonNode list = post(feedToken, "{\"fraEndringsId\": " + latest + "}").json().get("list");

    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("status").asText()).isEqualTo("SLETTET");
    assertThat(list.get(0).has("kontaktinformasjon")).isFalse();
  }

  @Test
  void upToDateCallersGetAnEmptyListEndingAtTheLatestId() {
    long latest = post(feedToken, "{\"fraEndringsId\": 0}").json().get("sisteEndringsId").asLong();

    JsonNode page = post(feedToken, "{\"fraEndringsId\": " + latest + "}").json();

    assertThat(page.get("list")).isEmpty();
    assertThat(page.get("fraEndringsId").asLong()).isEqualTo(latest);
    assertThat(page.get("tilEndringsId").asLong()).isEqualTo(latest);
  }

  @Test
  void lookupScopesDoNotOpenTheFeed() {
    String lookupOnly =
        fx.accessToken(
            fx.client().type(IntegrationType.KRR).scopes(KRR_KONTAKTINFORMASJON_READ).register());

    Answer answer = post(lookupOnly, "{\"fraEndringsId\": 0}");

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().get("error").asText()).isEqualTo("insufficient_scope");
    assertThat(answer.response().headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("krr:global/hentendring.read");
  }

  @Test
  void refusesAMissingTokenWith401() {
    Answer answer = post(null, "{\"fraEndringsId\": 0}");

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().get("error").asText()).isEqualTo("invalid_token");
  }

  @Test
  void refusesBodiesWithoutAWholeNonNegativeId() {
    for (String body :
        new String[] {
          "",
          "{}",
          "[]",
          "not json",
          "{\"fraEndringsId\": -1}",
          "{\"fraEndringsId\": \"7\"}",
          "{\"fraEndringsId\": 1.5}"
        }) {
      Answer answer = post(feedToken, body);

      assertThat(answer.status()).as(body).isEqualTo(400);
      assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
      assertThat(answer.json().get("error_description").asText()).contains("fraEndringsId");
    }
  }

  private static List<JsonNode> readAll(long from) {
    List<JsonNode> pages = new ArrayList<>();
    long fra = from;
    for (int i = 0; i < 100; i++) {
      JsonNode page = post(feedToken, "{\"fraEndringsId\": " + fra + "}").json();
      pages.add(page);
      if (page.get("tilEndringsId").asLong() >= page.get("sisteEndringsId").asLong()) {
        return pages;
      }
      fra = page.get("tilEndringsId").asLong();
    }
    throw new AssertionError("the feed did not end within 100 pages");
  }

  static Answer post(String token, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(fx.krrLocal().kontaktregisteretUrl() + "/rest/v2/krr/hentEndringer"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return fx.send(request);
  }
}
