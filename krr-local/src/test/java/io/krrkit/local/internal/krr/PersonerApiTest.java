package io.krrkit.local.internal.krr;

import static io.krrkit.core.Scope.KRR_DIGITALPOST_READ;
import static io.krrkit.core.Scope.KRR_KONTAKTINFORMASJON_READ;
import static io.krrkit.local.internal.krr.synthetic.KnownPersons.ACTIVE;
import static io.krrkit.local.internal.krr.synthetic.KnownPersons.NOT_REGISTERED;
import static io.krrkit.local.internal.krr.synthetic.KnownPersons.RESERVED;
import static io.krrkit.local.internal.krr.synthetic.KnownPersons.SLETTET;
import static io.krrkit.local.internal.krr.synthetic.KnownPersons.STALE;
import static io.krrkit.local.internal.krr.synthetic.KnownPersons.WITH_DIGITAL_POST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.KrrTimestamps;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.Internals;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lookup API over HTTP: scopes, the 18-month rule, v1/v2, order. Errors: PersonerErrorsTest.
 */
class PersonerApiTest {
  static LocalFixture fx;
  static String both;
  static String contactOnly;
  static String digitalPostOnly;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start();
    both = token(KRR_KONTAKTINFORMASJON_READ, KRR_DIGITALPOST_READ);
    contactOnly = token(KRR_KONTAKTINFORMASJON_READ);
    digitalPostOnly = token(KRR_DIGITALPOST_READ);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  /** A token of a KRR client holding exactly {@code scopes}. */
  static String token(Scope... scopes) {
    return fx.accessToken(fx.client().type(IntegrationType.KRR).scopes(scopes).register());
  }

  static Answer post(LocalFixture fx, String version, String token, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(fx.krrLocal().kontaktregisteretUrl() + "/rest/" + version + "/personer"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return fx.send(request);
  }

  static String body(Personidentifikator... ids) {
    return Stream.of(ids)
        .map(id -> "\"" + id.value() + "\"")
        .collect(Collectors.joining(", ", "{\"personidentifikatorer\": [", "]}"));
  }

  static JsonNode lookUp(String version, String token, String body) {
    Answer answer = post(fx, version, token, body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.response().headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    return answer.json().get("personer");
  }

  static JsonNode lookUpOne(String token, Personidentifikator id) {
    JsonNode personer = lookUp("v2", token, body(id));
    assertThat(personer).hasSize(1);
    return personer.get(0);
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void bothScopesShowContactInformationMailboxAndCertificate() {
    JsonNode p = lookUpOne(both, WITH_DIGITAL_POST);

    assertThat(fieldNames(p))
        .containsExactlyInAnyOrder(
            "personidentifikator",
            "reservasjon",
            "status",
            "varslingsstatus",
            "reservasjon_oppdatert",
            "kontaktinformasjon",
            "digital_post",
            "sertifikat",
            "spraak",
            "spraak_oppdatert");
    assertThat(p.get("varslingsstatus").asText()).isEqualTo("KAN_VARSLES");
    assertThat(p.at("/digital_post/postkasseleverandoeradresse").asText()).isEqualTo("984661185");
  }

  @Test
  void contactScopeLeavesMailboxAndCertificateOut() {
    JsonNode p = lookUpOne(contactOnly, WITH_DIGITAL_POST);

    assertThat(p.has("kontaktinformasjon")).isTrue();
    assertThat(p.has("varslingsstatus")).isTrue();
    assertThat(p.has("spraak")).isTrue();
    assertThat(p.has("digital_post")).isFalse();
    assertThat(p.has("sertifikat")).isFalse();
  }

  @Test
  void digitalPostScopeLeavesContactInformationAndLanguageOut() {
    JsonNode p = lookUpOne(digitalPostOnly, WITH_DIGITAL_POST);

    assertThat(fieldNames(p))
        .containsExactlyInAnyOrder(
            "personidentifikator",
            "reservasjon",
            "status",
            "reservasjon_oppdatert",
            "digital_post",
            "sertifikat");
  }

  @Test
  void writesTimestampsInNorwegianTimeWithAnHourOnlyOffset() {
    JsonNode k = lookUpOne(both, ACTIVE).get("kontaktinformasjon");

    for (String field :
        List.of(
            "epostadresse_oppdatert",
            "epostadresse_sist_verifisert",
            "mobiltelefonnummer_oppdatert",
            "mobiltelefonnummer_sist_verifisert")) {
      assertThat(k.get(field).asText())
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0[12]");
    }
    assertThat(k.get("epostadresse_duplisert").asText()).isEqualTo("NEI");
  }

  @Test
  void withholdsStaleContactInformationAndMailbox() {
    JsonNode p = lookUpOne(both, STALE);

    assertThat(p.get("varslingsstatus").asText()).isEqualTo("KAN_IKKE_VARSLES");
    assertThat(p.has("kontaktinformasjon")).isFalse();
    assertThat(p.has("digital_post")).isFalse();
    assertThat(p.has("sertifikat")).isFalse();
    assertThat(p.get("status").asText()).isEqualTo("AKTIV");
  }

  @Test
  void aFreshPersonGoesStaleWhenTheEmulatorClockMoves18MonthsOn() {
    Personidentifikator id = Personidentifikator.of("09895590360");
    OffsetDateTime now =
        fx.krrLocal().clock().instant().atZone(ZoneId.of("Europe/Oslo")).toOffsetDateTime();
    Internals.of(fx.krrLocal())
        .register()
        .put(RegisterEntry.aktiv(id).epost("fersk@example.com", now, now).build());
    assertThat(lookUpOne(both, id).get("varslingsstatus").asText()).isEqualTo("KAN_VARSLES");

    fx.krrLocal().clock().advance(Duration.ofDays(18 * 31));
    try {
      JsonNode p = lookUpOne(token(KRR_KONTAKTINFORMASJON_READ), id);

      assertThat(p.get("varslingsstatus").asText()).isEqualTo("KAN_IKKE_VARSLES");
      assertThat(p.has("kontaktinformasjon")).isFalse();
    } finally {
      fx.krrLocal().clock().setOffset(Duration.ZERO);
    }
  }

  @Test
  void reservedPersonShowsWhenTheyReserved() {
    JsonNode p = lookUpOne(digitalPostOnly, RESERVED);

    assertThat(p.get("reservasjon").asText()).isEqualTo("JA");
    Instant reserved = KrrTimestamps.parse(p.get("reservasjonstidspunkt").asText()).toInstant();
    assertThat(reserved).isBefore(fx.krrLocal().clock().instant());
  }

  @Test
  void v1AnswersAnUnknownPersonAsIkkeRegistrert() {
    JsonNode personer = lookUp("v1", both, body(NOT_REGISTERED));

    assertThat(personer).hasSize(1);
    assertThat(personer.get(0).get("status").asText()).isEqualTo("IKKE_REGISTRERT");
    assertThat(personer.get(0).get("personidentifikator").asText())
        .isEqualTo(NOT_REGISTERED.value());
  }

  @Test
  void v2LeavesUnknownPersonsOutUnlessAskedToIncludeThem() {
    String ids = "[\"" + NOT_REGISTERED.value() + "\", \"" + ACTIVE.value() + "\"]";

    JsonNode plain = lookUp("v2", both, "{\"personidentifikatorer\": " + ids + "}");
    JsonNode included =
        lookUp(
            "v2",
            both,
            "{\"personidentifikatorer\": " + ids + ", \"inkluderIkkeRegistrerte\": true}");
    JsonNode excluded =
        lookUp(
            "v2",
            both,
            "{\"personidentifikatorer\": " + ids + ", \"inkluderIkkeRegistrerte\": false}");

    assertThat(statuses(plain)).containsExactly("AKTIV");
    assertThat(statuses(excluded)).containsExactly("AKTIV");
    assertThat(statuses(included)).containsExactly("IKKE_REGISTRERT", "AKTIV");
  }

  @Test
  void keepsRequestOrderAndAnswersADuplicateEachTime() {
    JsonNode personer = lookUp("v1", both, body(SLETTET, ACTIVE, NOT_REGISTERED, SLETTET, ACTIVE));

    List<String> ids = new ArrayList<>();
    personer.forEach(p -> ids.add(p.get("personidentifikator").asText()));
    assertThat(ids)
        .containsExactly(
            SLETTET.value(),
            ACTIVE.value(),
            NOT_REGISTERED.value(),
            SLETTET.value(),
            ACTIVE.value());
  }

  @Test
  void slettetShowsOnlyStatusReservationAndVarslingsstatus() {
    JsonNode p = lookUpOne(both, SLETTET);

    assertThat(fieldsAndValues(p))
        .isEqualTo(
            Map.of(
                "personidentifikator", SLETTET.value(),
                "reservasjon", "NEI",
                "status", "SLETTET",
                "varslingsstatus", "KAN_IKKE_VARSLES"));
  }

  static List<String> statuses(JsonNode personer) {
    List<String> statuses = new ArrayList<>();
    personer.forEach(p -> statuses.add(p.get("status").asText()));
    return statuses;
  }

  static Map<String, String> fieldsAndValues(JsonNode node) {
    Map<String, String> values = new HashMap<>();
    node.properties().forEach(field -> values.put(field.getKey(), field.getValue().asText()));
    return values;
  }
}
