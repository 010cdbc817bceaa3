package io.krrkit.local.internal.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.LocalFixture.TestClient;
import io.krrkit.local.RecordedRequest;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request journal over HTTP: what a token request and a lookup leave in {@code GET
 * /admin/journal} (and what they must not leave), the filters, the counts, the ring's bound,
 * clearing and bad filters.
 */
class JournalHttpTest {
  private static final String PID_A = KnownPersons.ACTIVE.value();
  private static final String PID_B = KnownPersons.WITH_DIGITAL_POST.value();

  private static LocalFixture fx;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start(KrrLocal.builder().port(0).ephemeral().seedPersons(0).adminApi(true));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @BeforeEach
  void clear() {
    assertThat(delete("/admin/journal").status()).isEqualTo(204);
  }

  @Test
  void recordsATokenRequestAndALookupWithoutSecretsOrIdentityNumbers() {
    TestClient client = fx.registerClient(Scope.KRR_KONTAKTINFORMASJON_READ);
    String grant = fx.grant(client);
    Answer token = fx.token(grant);
    assertThat(token.status()).isEqualTo(200);
    String accessToken = token.json().get("access_token").asText();
    assertThat(lookup(accessToken, "[\"" + PID_A + "\",\"" + PID_B + "\"]").status())
        .isEqualTo(200);

    Answer journal = fx.get(admin("/admin/journal"));

    assertThat(journal.status()).isEqualTo(200);
    JsonNode entries = journal.json().get("entries");
    assertThat(entries).hasSize(2);
    JsonNode lookup = entries.get(0);
    assertThat(lookup.get("service").asText()).isEqualTo("kontaktregisteret");
    assertThat(lookup.get("method").asText()).isEqualTo("POST");
    assertThat(lookup.get("path").asText()).isEqualTo("/kontaktregisteret/rest/v2/personer");
    assertThat(lookup.get("status").asInt()).isEqualTo(200);
    assertThat(lookup.get("client_id").asText()).isEqualTo(client.clientId());
    assertThat(lookup.get("scope").asText()).isEqualTo("krr:global/kontaktinformasjon.read");
    assertThat(lookup.get("details").get("identities").asText()).isEqualTo("2");
    JsonNode tokenEntry = entries.get(1);
    assertThat(tokenEntry.get("service").asText()).isEqualTo("maskinporten");
    assertThat(tokenEntry.get("path").asText()).isEqualTo("/maskinporten/token");
    assertThat(tokenEntry.get("status").asInt()).isEqualTo(200);
    assertThat(tokenEntry.get("client_id").asText()).isEqualTo(client.clientId());
    assertThat(tokenEntry.get("scope").asText()).isEqualTo("krr:global/kontaktinformasjon.read");
    assertThat(tokenEntry.get("duration_ms").asDouble()).isPositive();
    assertThat(Instant.parse(tokenEntry.get("time").asText()))
        .isBeforeOrEqualTo(fx.krrLocal().clock().instant());
    assertThat(tokenEntry.get("sequence").asLong()).isLessThan(lookup.get("sequence").asLong());
    assertThat(journal.body())
        .doesNotContain(grant)
        .doesNotContain(accessToken)
        .doesNotContain(accessToken.substring(0, accessToken.indexOf('.')))
        .doesNotContain(PID_A)
        .doesNotContain(PID_B)
        .doesNotContain("eyJ");
  }

  @Test
  void aRefusedTokenRequestKeepsItsStatusTraceIdAndTheGrantsClaimedClient() {
    TestClient client = fx.registerClient(Scope.KRR_KONTAKTINFORMASJON_READ);
    String grant =
        fx.sign(
            fx.header(client), fx.claims(client).audience("https://wrong"), client.privateKey());

    Answer refused = fx.token(grant);

    assertThat(refused.status()).isEqualTo(400);
    JsonNode entry = fx.get(admin("/admin/journal")).json().get("entries").get(0);
    assertThat(entry.get("status").asInt()).isEqualTo(400);
    assertThat(entry.get("client_id").asText()).isEqualTo(client.clientId());
    String traceId = entry.get("trace_id").asText();
    assertThat(traceId).hasSize(32);
    assertThat(refused.json().get("error_description").asText())
        .contains("(trace_id: " + traceId + ")");
  }

  @Test
  void aClientsIdentityNumberInTheGrantIsMasked() {
    TestClient client = fx.registerClient(Scope.KRR_KONTAKTINFORMASJON_READ);
    String grant =
        fx.sign(
            fx.header(client),
            fx.claims(client).issuer("person-" + PID_A + "@example.com"),
            client.privateKey());

    assertThat(fx.token(grant).status()).isEqualTo(400);

    Answer journal = fx.get(admin("/admin/journal"));
    assertThat(journal.body()).doesNotContain(PID_A).doesNotContain("@example.com");
    assertThat(journal.json().get("entries").get(0).get("client_id").asText())
        .isEqualTo("<e-mail>");
  }

  @Test
  void theOperatorApiAndHealthChecksAreNotRecorded() {
    fx.get(fx.krrLocal().baseUrl() + "/health");
    fx.get(admin("/admin/clock"));

    Answer journal = fx.get(admin("/admin/journal"));

    assertThat(journal.json().get("entries")).isEmpty();
    assertThat(journal.json().get("recorded").asLong()).isZero();
  }

  @Test
  void aWebFormPostTheGuardsRefuseIsRecorded() {
    Answer refused =
        fx.send(
            HttpRequest.newBuilder(URI.create(fx.krrLocal().baseUrl() + "/logg-inn"))
                .header("Origin", "https://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("org=310000027")));

    assertThat(refused.status()).isEqualTo(403);
    JsonNode entry = fx.get(admin("/admin/journal")).json().get("entries").get(0);
    assertThat(entry.get("service").asText()).isEqualTo("web");
    assertThat(entry.get("status").asInt()).isEqualTo(403);
  }

  @Test
  void filtersByServiceClientStatusPathSinceAndLimit() {
    TestClient first = fx.registerClient(Scope.KRR_KONTAKTINFORMASJON_READ);
    TestClient second = fx.registerClient(Scope.KRR_KONTAKTINFORMASJON_READ);
    String token = fx.accessToken(first);
    fx.accessToken(second);
    fx.accessToken(second);
    lookup(token, "[\"" + PID_A + "\"]");
    lookup("not-a-token", "[\"" + PID_A + "\"]");
    fx.get(fx.issuer() + ".well-known/oauth-authorization-server");

    assertThat(sequences("?service=maskinporten")).hasSize(4);
    assertThat(sequences("?service=kontaktregisteret")).hasSize(2);
    assertThat(sequences("?client=" + second.clientId())).hasSize(2);
    assertThat(sequences("?client=" + first.clientId())).hasSize(2);
    assertThat(sequences("?status=401")).hasSize(1);
    assertThat(sequences("?status=4xx")).hasSize(1);
    assertThat(sequences("?status=2xx")).hasSize(5);
    assertThat(sequences("?path=/maskinporten/token")).hasSize(3);
    assertThat(sequences("?path=/kontaktregisteret/rest/v2&status=200")).hasSize(1);
    assertThat(sequences("?since=" + fx.krrLocal().clock().instant().plusSeconds(60))).isEmpty();
    assertThat(sequences("?since=" + fx.krrLocal().clock().instant().minusSeconds(60))).hasSize(6);
    List<Long> lastTwo = sequences("?limit=2");
    List<Long> all = sequences("");
    assertThat(lastTwo).containsExactly(all.get(0), all.get(1));
    assertThat(all).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    Answer limited = fx.get(admin("/admin/journal?limit=2&service=maskinporten"));
    assertThat(limited.json().get("count").asInt()).as("count is of all that match").isEqualTo(4);
  }

  @Test
  void countsByServiceStatusAndClient() {
    TestClient client = fx.registerClient(Scope.KRR_KONTAKTINFORMASJON_READ);
    String token = fx.accessToken(client);
    lookup(token, "[\"" + PID_A + "\"]");
    lookup(token, "[\"" + PID_B + "\"]");
    lookup("not-a-token", "[\"" + PID_A + "\"]");

    JsonNode counts = fx.get(admin("/admin/journal/counts")).json();

    assertThat(counts.get("count").asInt()).isEqualTo(4);
    assertThat(counts.get("by_service").get("maskinporten").asInt()).isEqualTo(1);
    assertThat(counts.get("by_service").get("kontaktregisteret").asInt()).isEqualTo(3);
    assertThat(counts.get("by_status").get("200").asInt()).isEqualTo(3);
    assertThat(counts.get("by_status").get("401").asInt()).isEqualTo(1);
    assertThat(counts.get("by_client").get(client.clientId()).asInt()).isEqualTo(3);
    assertThat(
            fx.get(admin("/admin/journal/counts?service=kontaktregisteret&status=200"))
                .json()
                .get("count")
                .asInt())
        .isEqualTo(2);
  }

  @Test
  void deleteAndResetEmptyTheJournal() {
    fx.accessToken(Scope.KRR_KONTAKTINFORMASJON_READ);
    assertThat(sequences("")).hasSize(1);

    assertThat(delete("/admin/journal").status()).isEqualTo(204);
    assertThat(sequences("")).isEmpty();

    fx.accessToken(Scope.KRR_KONTAKTINFORMASJON_READ);
    assertThat(sequences("")).hasSize(1);
    Answer reset =
        fx.send(
            HttpRequest.newBuilder(URI.create(admin("/admin/reset")))
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(reset.status()).isEqualTo(204);
    assertThat(sequences("")).isEmpty();
    assertThat(fx.get(admin("/admin/journal")).json().get("recorded").asLong()).isZero();
  }

  @Test
  void badFiltersAreRefusedInTheOperatorApisShape() {
    for (String filter :
        new String[] {
          "service=nope",
          "status=abc",
          "status=99",
          "status=6xx",
          "since=yesterday",
          "limit=0",
          "limit=-1",
          "limit=lots",
          "limit=1000001",
          "path=no-slash"
        }) {
      for (String route : new String[] {"/admin/journal?", "/admin/journal/counts?"}) {
        Answer answer = fx.get(admin(route + filter));

        assertThat(answer.status()).as(route + filter).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(answer.json().get("error_description").asText())
            .as(filter)
            .contains(filter.substring(0, filter.indexOf('=')));
      }
    }
  }

  @Test
  void theRingKeepsTheNewestRequestsUpToItsSize() {
    try (LocalFixture small =
        LocalFixture.start(
            KrrLocal.builder().port(0).ephemeral().seedPersons(0).adminApi(true).journalSize(3))) {
      for (int i = 0; i < 5; i++) {
        small.get(small.issuer() + "jwks");
      }
      fx.get(admin("/admin/journal")); // the other emulator's journal is its own

      Answer journal = small.get(small.krrLocal().baseUrl() + "/admin/journal?limit=3");

      assertThat(journal.json().get("capacity").asInt()).isEqualTo(3);
      assertThat(journal.json().get("recorded").asLong()).isEqualTo(5);
      assertThat(journal.json().get("dropped").asLong()).isEqualTo(2);
      List<Long> kept = new ArrayList<>();
      journal.json().get("entries").forEach(e -> kept.add(e.get("sequence").asLong()));
      assertThat(kept).containsExactly(4L, 3L, 2L);
      assertThat(small.get(small.krrLocal().baseUrl() + "/admin/journal?limit=4").status())
          .as("a limit beyond the ring's size")
          .isEqualTo(400);
      List<RecordedRequest> viaControls = small.krrLocal().controls().journal().entries();
      assertThat(viaControls).extracting(RecordedRequest::sequence).containsExactly(4L, 3L, 2L);
    }
  }

  private static List<Long> sequences(String query) {
    Answer answer = fx.get(admin("/admin/journal" + query));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<Long> sequences = new ArrayList<>();
    answer.json().get("entries").forEach(e -> sequences.add(e.get("sequence").asLong()));
    return sequences;
  }

  private static String admin(String path) {
    return fx.krrLocal().baseUrl() + path;
  }

  private static Answer delete(String path) {
    return fx.send(HttpRequest.newBuilder(URI.create(admin(path))).DELETE());
  }

  private static Answer lookup(String token, String ids) {
    return fx.send(
        HttpRequest.newBuilder(
                URI.create(fx.krrLocal().kontaktregisteretUrl() + "/rest/v2/personer"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString("{\"personidentifikatorer\":" + ids + "}")));
  }
}
