package io.krrkit.core.krr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** KRR JSON read and written by {@link KrrJson}, against Digdir's documented examples. */
class KrrJsonGoldenTest {
  private final ObjectMapper json = KrrJson.newObjectMapper();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "oppslagstjenesten-rest-eksempel.json",
        "person-digital-post.json",
        "person-reservert.json"
      })
  void roundTripsALookupResponse(String golden) throws Exception {
    String expected = Golden.json(golden);

    PersonerResponse response = json.readValue(expected, PersonerResponse.class);

    assertSameJson(json.writeValueAsString(response), expected);
  }

  @Test
  void roundTripsHentPersonRespons() throws Exception {
    String expected = Golden.json("hent-person-respons.json");

    Person person = json.readValue(expected, Person.class);

    assertSameJson(json.writeValueAsString(person), expected);
  }

  @Test
  void readsDigdirsLookupExample() throws Exception {
    PersonerResponse response =
        json.readValue(Golden.json("oppslagstjenesten-rest-eksempel.json"), PersonerResponse.class);

    assertThat(response.personer()).hasSize(1);
    Person person = response.personer().get(0);
    assertThat(person.personidentifikator()).isEqualTo("20914695016");
    assertThat(person.reservasjon()).isEqualTo(JaNei.NEI);
    assertThat(person.status()).isEqualTo(Status.AKTIV);
    assertThat(person.varslingsstatus()).isNull();
    assertThat(person.kontaktinformasjon().epostadresse())
        .isEqualTo("NULLstillt@default.digdir.no");
    assertThat(person.kontaktinformasjon().epostadresseOppdatert())
        .isEqualTo(OffsetDateTime.parse("2023-06-29T10:14:52+02:00"));
    assertThat(person.kontaktinformasjon().mobiltelefonnummer()).isNull();
  }

  @Test
  void readsEveryFieldOfHentPersonRespons() throws Exception {
    Person person = json.readValue(Golden.json("hent-person-respons.json"), Person.class);

    assertThat(person.isReservert()).isTrue();
    assertThat(person.varslingsstatus()).isEqualTo(Varslingsstatus.KAN_IKKE_VARSLES);
    Kontaktinformasjon k = person.kontaktinformasjon();
    assertThat(k.mobiltelefonnummer()).isEqualTo("+4799999999");
    assertThat(k.mobiltelefonnummerSistVerifisert())
        .isEqualTo(OffsetDateTime.parse("2023-08-05T12:45:15+02:00"));
    assertThat(person.digitalPost()).isEqualTo(new DigitalPost("ola.nordmann#9YDT", "984661185"));
    assertThat(Base64.getDecoder().decode(person.sertifikat())).startsWith(0x30, 0x82);
    assertThat(person.spraak()).isEqualTo("nb");
  }

  @Test
  void readsAReservedPersonAndAnUnknownOne() throws Exception {
    PersonerResponse response =
        json.readValue(Golden.json("person-reservert.json"), PersonerResponse.class);

    Person reserved = response.personer().get(0);
    assertThat(reserved.isReservert()).isTrue();
    assertThat(reserved.reservasjonstidspunkt())
        .isEqualTo(OffsetDateTime.parse("2023-06-13T13:42:34+02:00"));
    assertThat(reserved.kontaktinformasjon()).isNull();
    Person unknown = response.personer().get(1);
    assertThat(unknown).isEqualTo(Person.ikkeRegistrert("23079421936"));
  }

  @Test
  void readsEmptyValuesAsAbsent() throws Exception {
    PersonerResponse response =
        json.readValue(Golden.json("person-tomme-verdier.json"), PersonerResponse.class);

    Person first = response.personer().get(0);
    assertThat(first.reservasjonstidspunkt()).isNull();
    assertThat(first.digitalPost()).isNull();
    assertThat(first.sertifikat()).isNull();
    assertThat(first.spraak()).isNull();
    assertThat(first.spraakOppdatert()).isNull();
    Kontaktinformasjon k = first.kontaktinformasjon();
    assertThat(k.epostadresse()).isNull();
    assertThat(k.epostadresseOppdatert()).isNull();
    assertThat(k.epostadresseDuplisert()).isNull();
    assertThat(k.mobiltelefonnummer()).isEqualTo("+4799999999");
    Person second = response.personer().get(1);
    assertThat(second.kontaktinformasjon()).isNull();
    assertThat(second.digitalPost()).isNull();
  }

  @Test
  void readsUtcTimestampsWithFractions() throws Exception {
    PersonerResponse response =
        json.readValue(Golden.json("person-tomme-verdier.json"), PersonerResponse.class);

    assertThat(response.personer().get(0).kontaktinformasjon().mobiltelefonnummerOppdatert())
        .isEqualTo(OffsetDateTime.parse("2023-08-05T10:45:15.768Z"));
  }

  @Test
  void writesNothingForAbsentValues() throws Exception {
    PersonerResponse response =
        json.readValue(Golden.json("person-tomme-verdier.json"), PersonerResponse.class);

    JsonNode written = json.valueToTree(response).path("personer").path(1);

    assertThat(written.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "personidentifikator", "reservasjon", "status", "varslingsstatus");
  }

  @Test
  void ignoresFieldsItDoesNotKnow() throws Exception {
    String withExtras =
        "{\"personer\":[{\"personidentifikator\":\"20914695016\",\"status\":\"AKTIV\","
            + "\"framtidig_felt\":42,\"kontaktinformasjon\":{\"epostadresse\":\"a@b.no\","
            + "\"epostadresse_kilde\":\"x\"}}],\"neste_side\":null}";

    PersonerResponse response = json.readValue(withExtras, PersonerResponse.class);

    assertThat(response.personer().get(0).kontaktinformasjon().epostadresse()).isEqualTo("a@b.no");
  }

  @Test
  void readsAMissingPersonListAsEmpty() throws Exception {
    assertThat(json.readValue("{}", PersonerResponse.class).personer()).isEmpty();
  }

  @Test
  void rejectsATimestampThatIsNotOne() {
    String bad = "{\"personidentifikator\":\"20914695016\",\"spraak_oppdatert\":\"i går\"}";

    assertThatThrownBy(() -> json.readValue(bad, Person.class))
        .isInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("not a KRR timestamp");
  }

  @Test
  void writesTheRequestBodyOfBothVersions() throws Exception {
    PersonerRequest v1 = new PersonerRequest(java.util.List.of("20914695016"), null);
    PersonerRequest v2 = new PersonerRequest(java.util.List.of("20914695016"), true);

    assertSameJson(json.writeValueAsString(v1), "{\"personidentifikatorer\":[\"20914695016\"]}");
    assertSameJson(
        json.writeValueAsString(v2),
        "{\"personidentifikatorer\":[\"20914695016\"],\"inkluderIkkeRegistrerte\":true}");
  }

  private void assertSameJson(String actual, String expected) throws Exception {
    // JsonNode equality compares objects as maps: key order does not matter, values do.
    assertThat(json.readTree(actual)).isEqualTo(json.readTree(expected));
  }
}
