package io.krrkit.krr;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.core.krr.Golden;
import io.krrkit.core.krr.JaNei;
import io.krrkit.core.krr.Kontaktinformasjon;
import io.krrkit.core.krr.Person;
import io.krrkit.core.krr.Status;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real answers as Digdir documents them: {@code +02}, {@code +02:00}, {@code Z} and fractions, and
 * {@code ""} or {@code {}} where nothing is registered. The emulator writes none of these, so they
 * are served from golden files.
 */
class GoldenAnswerTest {
  private static final String ACTIVE = "20914695016";
  private static final String RESERVED = "01818010083";
  private static final String UNKNOWN = "15838510075";

  private final ScriptedKrr krr = ScriptedKrr.start();

  @AfterEach
  void stop() {
    krr.close();
  }

  @Test
  void readsEveryTimestampFormOfRealAnswers() {
    Kontaktinformasjon k = lookupRealForms().persons().get(0).kontaktinformasjon();

    assertThat(k.epostadresseOppdatert())
        .isEqualTo(OffsetDateTime.parse("2023-06-29T10:14:52+02:00"));
    assertThat(k.epostadresseSistVerifisert())
        .isEqualTo(OffsetDateTime.parse("2023-08-05T10:45:15.768Z"));
    assertThat(k.mobiltelefonnummerOppdatert())
        .isEqualTo(OffsetDateTime.parse("2023-06-13T13:42:34+02:00"));
    assertThat(k.epostadresseDuplisert()).isEqualTo(JaNei.NEI);
  }

  @Test
  void readsEmptyValuesAsAbsent() {
    LookupResult result = lookupRealForms();
    Person active = result.persons().get(0);
    Person reserved = result.persons().get(1);
    Person unknown = result.persons().get(2);

    assertThat(active.kontaktinformasjon().mobiltelefonnummerSistVerifisert()).isNull();
    assertThat(active.kontaktinformasjon().mobiltelefonnummerDuplisert()).isNull();
    assertThat(reserved.kontaktinformasjon()).isNull();
    assertThat(reserved.digitalPost()).isNull();
    assertThat(reserved.sertifikat()).isNull();
    assertThat(reserved.spraak()).isNull();
    assertThat(reserved.spraakOppdatert()).isNull();
    assertThat(reserved.reservasjonOppdatert())
        .isEqualTo(OffsetDateTime.parse("2023-06-13T13:42:34.5+02:00"));
    assertThat(unknown.status()).isEqualTo(Status.IKKE_REGISTRERT);
    assertThat(unknown.reservasjon()).isNull();
    assertThat(unknown.kontaktinformasjon()).isNull();
  }

  @Test
  void keepsDigitalPostAndVarslingsstatus() {
    Person active = lookupRealForms().person(ACTIVE).orElseThrow();

    assertThat(active.varslingsstatus()).isEqualTo(io.krrkit.core.krr.Varslingsstatus.KAN_VARSLES);
    assertThat(active.digitalPost().postkasseleverandoeradresse()).isEqualTo("984661185");
    assertThat(active.spraak()).isEqualTo("nb");
  }

  @Test
  void appliesThe18MonthRuleOnTheClientSide() {
    LookupResult result = lookupRealForms();
    Person active = result.person(ACTIVE).orElseThrow();
    // E-mail last verified 2023-08-05, mobile last updated 2023-06-13.
    Instant bothFresh = Instant.parse("2024-12-01T00:00:00Z");
    Instant onlyEpostFresh = Instant.parse("2025-01-01T00:00:00Z");
    Instant bothStale = Instant.parse("2025-03-01T00:00:00Z");

    assertThat(result.notifiable(bothFresh)).containsExactly(active);
    assertThat(active.usableMobiltelefonnummer(bothFresh)).isEqualTo("+4799999999");
    assertThat(active.usableMobiltelefonnummer(onlyEpostFresh)).isNull();
    assertThat(active.usableEpostadresse(onlyEpostFresh)).isEqualTo("NULLstillt@default.digdir.no");
    assertThat(result.notifiable(bothStale)).isEmpty();
  }

  @Test
  void readsDigdirsDocumentedExample() {
    krr.then(ScriptedKrr.Reply.json(200, Golden.json("oppslagstjenesten-rest-eksempel.json")));

    Person person = krr.client().build().lookup(List.of(ACTIVE)).persons().get(0);

    assertThat(person.status()).isEqualTo(Status.AKTIV);
    assertThat(person.reservasjon()).isEqualTo(JaNei.NEI);
    assertThat(person.kontaktinformasjon().epostadresse())
        .isEqualTo("NULLstillt@default.digdir.no");
  }

  @Test
  void readsEveryFieldOfTheDocumentedPerson() {
    krr.then(
        ScriptedKrr.Reply.json(
            200, "{\"personer\": [" + Golden.json("hent-person-respons.json") + "]}"));

    Person person = krr.client().build().lookup(List.of(ACTIVE)).persons().get(0);

    assertThat(person.reservasjon()).isEqualTo(JaNei.JA);
    assertThat(person.kontaktinformasjon().mobiltelefonnummerSistVerifisert())
        .isEqualTo(OffsetDateTime.parse("2023-08-05T12:45:15+02:00"));
    assertThat(person.digitalPost().postkasseadresse()).isEqualTo("ola.nordmann#9YDT");
    assertThat(person.sertifikat()).startsWith("MII");
    assertThat(person.spraak()).isEqualTo("nb");
  }

  private LookupResult lookupRealForms() {
    krr.then(ScriptedKrr.Reply.json(200, Golden.json("personer-real-forms.json")));
    return krr.client()
        .apiVersion(ApiVersion.V1)
        .build()
        .lookup(List.of(ACTIVE, RESERVED, UNKNOWN));
  }
}
