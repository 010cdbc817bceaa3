package io.krrkit.local.internal.admin.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.Personidentifikator;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.krr.SeedClaim;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import io.krrkit.local.internal.krr.synthetic.Shares;
import io.krrkit.local.internal.krr.synthetic.SyntheticRegister;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /admin/persons} over HTTP: seed, put, patch, delete, show, export; the clock's effect. */
class PersonAdminRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Personidentifikator NEW = KnownPersons.NOT_REGISTERED;
  private static final String CERTIFICATE = certificate();

  private static LocalFixture fx;

  @BeforeAll
  static void start() {
    // A fixed base clock: seeded timestamps are relative to it, so a seed gives the same register.
    fx =
        LocalFixture.start(
            KrrLocal.builder()
                .port(0)
                .ephemeral()
                .seedPersons(0)
                .adminApi(true)
                .clock(Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC)));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @AfterEach
  void resetClockAndPerson() {
    fx.krrLocal().clock().setOffset(Duration.ZERO);
    send("DELETE", "/" + NEW.value() + "?purge=true", null);
  }

  @Test
  void seedingTheSameSeedTwiceGivesTheSameRegister() {
    List<String> drawn =
        new SyntheticRegister(7, Shares.DEFAULT, fx.krrLocal().clock().instant())
            .entries(300)
            .limit(40)
            .map(e -> "/" + e.personidentifikator().value())
            .toList();

    Answer first = send("POST", "/seed", "{\"count\": 300, \"seed\": 7}");
    List<String> firstAnswers = drawn.stream().map(id -> send("GET", id, null).body()).toList();
    send("POST", "/seed", "{\"count\": 50, \"seed\": 8}");
    int afterOtherSeed = send("GET", drawn.get(drawn.size() - 1), null).status();
    Answer again = send("POST", "/seed", "{\"count\": 300, \"seed\": 7}");
    List<String> againAnswers = drawn.stream().map(id -> send("GET", id, null).body()).toList();

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().get("stored").asLong()).as("computed, not stored").isZero();
    assertThat(again.json().get("stored").asLong()).isZero();
    assertThat(afterOtherSeed).isEqualTo(404);
    assertThat(firstAnswers).allMatch(body -> body.contains("\"personidentifikator\""));
    assertThat(againAnswers).isEqualTo(firstAnswers);
  }

  @Test
  void aSeedWhileAnotherNodeDrawsIsRefusedWith409AndChangesNothing() {
    var before = Internals.of(fx.krrLocal()).register().populationSpec();
    Answer refused;
    try (SeedClaim held = Internals.of(fx.krrLocal()).register().claimSeeding().orElseThrow()) {
      refused = send("POST", "/seed", "{\"count\": 10, \"seed\": 99}");
    }

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("error").asText()).isEqualTo("conflict");
    assertThat(Internals.of(fx.krrLocal()).register().populationSpec()).isEqualTo(before);
  }

  @Test
  void putCreatesAReservedPersonAndGetShowsIt() {
    Answer put =
        send(
            "PUT",
            "/" + NEW.value(),
            "{\"reservasjon\":\"JA\",\"reservasjonstidspunkt\":\"2024-01-02T10:00:00+01\","
                + "\"spraak\":\"nn\",\"spraak_oppdatert\":\"2024-01-02T10:00:00+01\"}");
    Answer shown = send("GET", "/" + NEW.value(), null);

    assertThat(put.status()).isEqualTo(201);
    assertThat(shown.status()).isEqualTo(200);
    assertThat(shown.json().get("reservasjon").asText()).isEqualTo("JA");
    assertThat(shown.json().get("reservasjonstidspunkt").asText())
        .isEqualTo("2024-01-02T10:00:00+01");
    assertThat(shown.json().get("spraak").asText()).isEqualTo("nn");
    assertThat(shown.json().get("varslingsstatus").asText()).isEqualTo("KAN_IKKE_VARSLES");
  }

  @Test
  void patchAddsDigitalPostWithACertificateAndKeepsTheRest() {
    send("PUT", "/" + NEW.value(), contact("2024-06-01T12:00:00+02"));

    Answer patched =
        send(
            "PATCH",
            "/" + NEW.value(),
            "{\"digital_post\":{\"postkasseadresse\":\"kari#1\","
                + "\"postkasseleverandoeradresse\":\"984661185\"},\"sertifikat\":\""
                + CERTIFICATE
                + "\"}");

    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().at("/digital_post/postkasseleverandoeradresse").asText())
        .isEqualTo("984661185");
    assertThat(patched.json().get("sertifikat").asText()).isEqualTo(CERTIFICATE);
    assertThat(patched.json().at("/kontaktinformasjon/epostadresse").asText())
        .isEqualTo("kari@example.com");
  }

  @Test
  void patchWithNullRemovesAField() {
    send("PUT", "/" + NEW.value(), contact("2024-06-01T12:00:00+02"));

    Answer patched = send("PATCH", "/" + NEW.value(), "{\"kontaktinformasjon\":null}");

    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().has("kontaktinformasjon")).isFalse();
  }

  @Test
  void theClockOffsetMakesContactInformationStaleInLookups() {
    String updated = fx.krrLocal().clock().instant().minus(Duration.ofDays(500)).toString();
    send("PUT", "/" + NEW.value(), contact(updated.replace("Z", "+00:00")));
    assertThat(send("GET", "/" + NEW.value(), null).json().get("varslingsstatus").asText())
        .isEqualTo("KAN_VARSLES");

    Answer moved =
        fx.send(
            HttpRequest.newBuilder(URI.create(fx.krrLocal().baseUrl() + "/admin/clock"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"offset\":\"P60D\"}")));

    assertThat(moved.status()).isEqualTo(200);
    assertThat(send("GET", "/" + NEW.value(), null).json().get("varslingsstatus").asText())
        .isEqualTo("KAN_IKKE_VARSLES");
  }

  @Test
  void deleteLeavesASlettetPerson() {
    send("PUT", "/" + NEW.value(), contact("2024-06-01T12:00:00+02"));

    Answer deleted = send("DELETE", "/" + NEW.value(), null);
    Answer shown = send("GET", "/" + NEW.value(), null);

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(shown.json().get("status").asText()).isEqualTo("SLETTET");
    assertThat(shown.json().has("kontaktinformasjon")).isFalse();
  }

  @Test
  void purgeForgetsThePerson() {
    send("PUT", "/" + NEW.value(), contact("2024-06-01T12:00:00+02"));

    Answer purged = send("DELETE", "/" + NEW.value() + "?purge=true", null);

    assertThat(purged.status()).isEqualTo(204);
    assertThat(send("GET", "/" + NEW.value(), null).status()).isEqualTo(404);
  }

  @Test
  void exportWritesEveryStoredPersonAsOneJsonLineAndNotThePopulation() {
    send("POST", "/seed", "{\"count\": 120, \"seed\": 3}");
    Answer empty = send("GET", "", null);
    send("PATCH", "/" + KnownPersons.ACTIVE.value(), "{\"spraak\":\"en\"}");
    send("PUT", "/" + NEW.value(), contact("2024-06-01T12:00:00+02"));

    Answer export = send("GET", "", null);
    long stored = Internals.of(fx.krrLocal()).register().count();
    send("POST", "/seed", "{\"count\": 0}"); // as the class started: nothing stored

    List<String> lines = export.body().lines().toList();
    assertThat(empty.body()).as("the computed population is not exported").isEmpty();
    assertThat(export.response().headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/x-ndjson");
    assertThat(lines).hasSize(2).hasSize((int) stored);
    Map<String, JsonNode> byId =
        lines.stream()
            .map(PersonAdminRoutesTest::parse)
            .collect(
                Collectors.toMap(n -> n.get("personidentifikator").asText(), Function.identity()));
    assertThat(byId).containsOnlyKeys(KnownPersons.ACTIVE.value(), NEW.value());
    assertThat(byId.get(KnownPersons.ACTIVE.value()).get("spraak").asText()).isEqualTo("en");
    assertThat(lines).isSortedAccordingTo(String::compareTo);
  }

  @Test
  void unknownPersonsAnswer404() {
    assertThat(send("GET", "/" + NEW.value(), null).status()).isEqualTo(404);
    assertThat(send("PATCH", "/" + NEW.value(), "{\"spraak\":\"en\"}").status()).isEqualTo(404);
    assertThat(send("DELETE", "/" + NEW.value(), null).status()).isEqualTo(404);
  }

  @Test
  void refusesBadInputWith400AndNeverEchoesTheIdentifier() {
    String[][] cases = {
      {"PUT", "/12345678901", "{}"},
      {"PUT", "/" + NEW.value(), "not json"},
      {"PUT", "/" + NEW.value(), "[]"},
      {"PUT", "/" + NEW.value(), "{\"reservasjon\":\"MAYBE\"}"},
      {"PUT", "/" + NEW.value(), "{\"reservasjonstidspunkt\":\"2024-01-02T10:00:00+01\"}"},
      {"PUT", "/" + NEW.value(), "{\"spraak\":\"de\"}"},
      {"PUT", "/" + NEW.value(), "{\"status\":\"IKKE_REGISTRERT\"}"},
      {"PUT", "/" + NEW.value(), "{\"personidentifikator\":\"01817090148\"}"},
      {"PUT", "/" + NEW.value(), "{\"sertifikat\":\"bm90IGEgY2VydA==\"}"},
      {
        "PUT",
        "/" + NEW.value(),
        "{\"kontaktinformasjon\":{\"epostadresse_oppdatert\":\"yesterday\"}}"
      },
      {"PUT", "/" + NEW.value(), "{\"digital_post\":{\"postkasseadresse\":\"x\"}}"},
      {"POST", "/seed", "{\"count\": -1}"},
      {"POST", "/seed", "{\"count\": \"many\"}"},
      {"POST", "/seed", "{}"},
    };
    for (String[] c : cases) {
      Answer answer = send(c[0], c[1], c[2]);

      assertThat(answer.status()).as(String.join(" ", c)).isEqualTo(400);
      assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
      assertThat(answer.body()).doesNotContain(NEW.value()).doesNotContain("MAYBE");
    }
    assertThat(Internals.of(fx.krrLocal()).register().find(NEW)).isEmpty();
  }

  private static String contact(String updated) {
    return "{\"kontaktinformasjon\":{\"epostadresse\":\"kari@example.com\","
        + "\"epostadresse_oppdatert\":\""
        + updated
        + "\",\"mobiltelefonnummer\":\"+4799999999\",\"mobiltelefonnummer_oppdatert\":\""
        + updated
        + "\"}}";
  }

  private static Answer send(String method, String path, String body) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body);
    return fx.send(
        HttpRequest.newBuilder(URI.create(fx.krrLocal().baseUrl() + "/admin/persons" + path))
            .header("Content-Type", "application/json")
            .method(method, publisher));
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String certificate() {
    try (InputStream in = KnownPersons.class.getResourceAsStream("digital-post-certificate.b64")) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
