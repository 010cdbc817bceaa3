package io.krrkit.local.internal.krr;

import static io.krrkit.core.Scope.KRR_DIGITALPOST_READ;
import static io.krrkit.core.Scope.KRR_KONTAKTINFORMASJON_READ;
import static io.krrkit.local.internal.krr.PersonerApiTest.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.DigitalPost;
import io.krrkit.core.krr.Golden;
import io.krrkit.core.krr.JaNei;
import io.krrkit.core.krr.Kontaktinformasjon;
import io.krrkit.core.krr.KrrTimestamps;
import io.krrkit.core.krr.Status;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator reproduces Digdir's documented examples (krr-core's golden files, {@link Golden})
 * for a person stored with the documented values, read on a clock at which they are fresh.
 */
class GoldenJsonTest {
  static final Instant DOCUMENTED_NOW = Instant.parse("2023-09-01T10:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();
  static LocalFixture fx;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @BeforeEach
  void moveClockToWhenTheExamplesWereFresh() {
    Instant now = fx.krrLocal().clock().instant();
    fx.krrLocal().clock().advance(Duration.between(now, DOCUMENTED_NOW));
  }

  @AfterEach
  void resetClock() {
    fx.krrLocal().clock().setOffset(Duration.ZERO);
  }

  /** A golden file of krr-core's test-jar, the set the client and the model are tested on. */
  static JsonNode golden(String name) throws IOException {
    return JSON.readTree(Golden.json(name));
  }

  static JsonNode lookUp(String body, Scope... scopes) {
    String token = fx.accessToken(fx.client().type(IntegrationType.KRR).scopes(scopes).register());
    Answer answer = post(fx, "v1", token, body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  @Test
  void reproducesTheLookupExampleOfOppslagstjenestenRest() throws IOException {
    Internals.of(fx.krrLocal())
        .register()
        .put(
            RegisterEntry.aktiv(KnownPersons.DIGDIR_EXAMPLE)
                .epost(
                    "NULLstillt@default.digdir.no",
                    KrrTimestamps.parse("2023-06-29T10:14:52+02"),
                    null)
                .build());

    JsonNode answer =
        lookUp("{\"personidentifikatorer\" : [ \"20914695016\" ]}", KRR_KONTAKTINFORMASJON_READ);

    // The documented example leaves varslingsstatus out, though the scope that returns
    // kontaktinformasjon returns it too; everything else must match.
    ObjectNode person = (ObjectNode) answer.get("personer").get(0);
    assertThat(person.remove("varslingsstatus").asText()).isEqualTo("KAN_VARSLES");
    assertThat(answer).isEqualTo(golden("oppslagstjenesten-rest-eksempel.json"));
  }

  @Test
  void reproducesTheShapeOfHentPersonRespons() throws IOException {
    JsonNode expected = golden("hent-person-respons.json");
    Internals.of(fx.krrLocal()).register().put(storedAs(expected));

    JsonNode answer =
        lookUp(
            "{\"personidentifikatorer\" : [ \"20914695016\" ]}",
            KRR_KONTAKTINFORMASJON_READ,
            KRR_DIGITALPOST_READ);

    assertThat(answer.get("personer")).hasSize(1);
    assertThat(answer.get("personer").get(0)).isEqualTo(expected);
  }

  /** The register entry holding exactly the values of the golden HentPersonRespons. */
  static RegisterEntry storedAs(JsonNode p) {
    JsonNode k = p.get("kontaktinformasjon");
    return new RegisterEntry(
        KnownPersons.DIGDIR_EXAMPLE,
        Status.AKTIV,
        JaNei.JA,
        null,
        null,
        new Kontaktinformasjon(
            k.get("epostadresse").asText(),
            KrrTimestamps.parse(k.get("epostadresse_oppdatert").asText()),
            KrrTimestamps.parse(k.get("epostadresse_sist_verifisert").asText()),
            null,
            k.get("mobiltelefonnummer").asText(),
            KrrTimestamps.parse(k.get("mobiltelefonnummer_oppdatert").asText()),
            KrrTimestamps.parse(k.get("mobiltelefonnummer_sist_verifisert").asText()),
            null),
        new DigitalPost(
            p.at("/digital_post/postkasseadresse").asText(),
            p.at("/digital_post/postkasseleverandoeradresse").asText()),
        p.get("sertifikat").asText(),
        p.get("spraak").asText(),
        KrrTimestamps.parse(p.get("spraak_oppdatert").asText()));
  }
}
