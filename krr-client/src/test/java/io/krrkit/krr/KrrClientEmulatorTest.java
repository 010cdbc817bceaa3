package io.krrkit.krr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.Person;
import io.krrkit.core.krr.Status;
import io.krrkit.core.krr.Varslingsstatus;
import io.krrkit.local.internal.krr.RegisterEntry;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client against the real emulator over HTTP, with real Maskinporten tokens. */
class KrrClientEmulatorTest {
  @RegisterExtension static final KrrLocalFixture emulator = new KrrLocalFixture();

  @Test
  void looksUpOnePersonWithContactInformationAndVarslingsstatus() {
    LookupResult result = emulator.client().build().lookup(List.of(KnownPersons.ACTIVE));

    Person person = result.persons().get(0);
    RegisterEntry inRegister = emulator.entry(KnownPersons.ACTIVE);
    assertThat(result.size()).isEqualTo(1);
    assertThat(person.status()).isEqualTo(Status.AKTIV);
    assertThat(person.varslingsstatus()).isEqualTo(Varslingsstatus.KAN_VARSLES);
    assertThat(person.kontaktinformasjon()).isEqualTo(inRegister.kontaktinformasjon());
    assertThat(person.usableEpostadresse(result.retrievedAt()))
        .isEqualTo(inRegister.kontaktinformasjon().epostadresse());
    assertThat(result.retrievedAt()).isEqualTo(KrrLocalFixture.T0);
  }

  @Test
  void looks2500IdentifiersUpInThreeBatchesKeepingRequestOrder() {
    List<String> ids = new ArrayList<>(SyntheticIds.unknown(2500 - KnownPersons.ALL.size()));
    for (int i = 0; i < KnownPersons.ALL.size(); i++) {
      ids.add(i * 277, KnownPersons.ALL.get(i).value()); // spread over all three batches
    }
    AtomicInteger requests = new AtomicInteger(); // the client asks for a token per request
    AccessTokenSource tokens = emulator.tokens();
    KrrClient counting =
        emulator
            .client()
            .accessTokenSource(
                () -> {
                  requests.incrementAndGet();
                  return tokens.accessToken();
                })
            .maxParallelBatches(3)
            .build();

    LookupResult result = counting.lookup(ids);

    assertThat(requests).hasValue(3);
    assertThat(result.persons())
        .extracting(Person::personidentifikator)
        .containsExactlyElementsOf(ids);
    assertThat(result.persons())
        .allSatisfy(
            p ->
                assertThat(p.status())
                    .isEqualTo(emulator.statusInRegister(p.personidentifikator())));
    assertThat(result.withStatus(Status.AKTIV)).hasSizeGreaterThanOrEqualTo(6);
  }

  @Test
  void answersADuplicatedIdentifierEachTimeItAppears() {
    String active = KnownPersons.ACTIVE.value();
    String reserved = KnownPersons.RESERVED.value();

    LookupResult result = emulator.client().build().lookup(List.of(active, reserved, active));

    assertThat(result.persons())
        .extracting(Person::personidentifikator)
        .containsExactly(active, reserved, active);
    assertThat(result.persons().get(2)).isEqualTo(result.persons().get(0));
    assertThat(result.persons().get(1).isReservert()).isTrue();
  }

  @Test
  void answersAnUnknownPersonAsIkkeRegistrertWhicheverVersionAnswers() {
    List<Personidentifikator> ids = List.of(KnownPersons.NOT_REGISTERED, KnownPersons.ACTIVE);

    List<Person> v1 = emulator.client().apiVersion(ApiVersion.V1).build().lookup(ids).persons();
    List<Person> v2 = emulator.client().build().lookup(ids).persons();
    List<Person> v2Included =
        emulator.client().inkluderIkkeRegistrerte(true).build().lookup(ids).persons();

    assertThat(v1.get(0).status()).isEqualTo(Status.IKKE_REGISTRERT);
    assertThat(v1.get(0).varslingsstatus()).isEqualTo(Varslingsstatus.KAN_IKKE_VARSLES);
    assertThat(v2).isEqualTo(v1);
    assertThat(v2Included).isEqualTo(v1);
  }

  @Test
  void theTokensScopesDecideWhatKrrReturns() {
    List<Personidentifikator> id = List.of(KnownPersons.WITH_DIGITAL_POST);

    Person contactOnly =
        emulator.client(Scope.KRR_KONTAKTINFORMASJON_READ).build().lookup(id).persons().get(0);
    Person postOnly =
        emulator.client(Scope.KRR_DIGITALPOST_READ).build().lookup(id).persons().get(0);

    assertThat(contactOnly.kontaktinformasjon()).isNotNull();
    assertThat(contactOnly.varslingsstatus()).isEqualTo(Varslingsstatus.KAN_VARSLES);
    assertThat(contactOnly.digitalPost()).isNull();
    assertThat(contactOnly.sertifikat()).isNull();
    assertThat(postOnly.kontaktinformasjon()).isNull();
    assertThat(postOnly.digitalPost())
        .isEqualTo(emulator.entry(KnownPersons.WITH_DIGITAL_POST).digitalPost());
    assertThat(postOnly.sertifikat()).isNotNull();
    assertThat(postOnly.reservasjon()).isEqualTo(contactOnly.reservasjon());
  }

  @Test
  void withholdsContactInformationOlderThan18Months() {
    LookupResult result = emulator.client().build().lookup(List.of(KnownPersons.STALE));

    Person stale = result.persons().get(0);
    assertThat(stale.varslingsstatus()).isEqualTo(Varslingsstatus.KAN_IKKE_VARSLES);
    assertThat(stale.kontaktinformasjon()).isNull();
    assertThat(result.notifiable()).isEmpty();
  }

  @Test
  void freshContactInformationGoesStaleWhenTheClockPasses18Months() {
    Duration nineteenMonths = Duration.ofDays(19 * 31);
    LookupResult before = emulator.client().build().lookup(List.of(KnownPersons.ACTIVE));
    emulator.advance(nineteenMonths);
    try {
      LookupResult after = emulator.client().build().lookup(List.of(KnownPersons.ACTIVE));

      assertThat(before.notifiable(after.retrievedAt())).isEmpty();
      assertThat(after.persons().get(0).varslingsstatus())
          .isEqualTo(Varslingsstatus.KAN_IKKE_VARSLES);
      assertThat(after.persons().get(0).kontaktinformasjon()).isNull();
    } finally {
      emulator.advance(nineteenMonths.negated());
    }
    assertThat(before.notifiable()).hasSize(1);
  }

  @Test
  void refusesInvalidIdentifiersBeforeSendingAnything() {
    AtomicInteger tokenRequests = new AtomicInteger();
    KrrClient krr =
        emulator
            .client()
            .accessTokenSource(
                () -> {
                  tokenRequests.incrementAndGet();
                  return "unused";
                })
            .build();
    List<String> ids =
        List.of(KnownPersons.ACTIVE.value(), "20914695017", KnownPersons.RESERVED.value(), "123");

    assertThatThrownBy(() -> krr.lookup(ids))
        .isInstanceOfSatisfying(
            KrrInvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(
                        KrrInvalidInputException.Problem::position,
                        KrrInvalidInputException.Problem::rule)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "control-digit-2"),
                        org.assertj.core.groups.Tuple.tuple(4, "length")))
        .hasMessageStartingWith("2 of 4 identifiers are invalid, so nothing was sent to KRR")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("20914695017"));
    assertThat(tokenRequests).hasValue(0);
  }

  @Test
  void mapsARefusedTokenTo401InvalidToken() {
    KrrClient krr =
        emulator.client().accessTokenSource(AccessTokenSource.fixed("not-a-real-token")).build();

    assertThatThrownBy(() -> krr.lookup(List.of(KnownPersons.ACTIVE)))
        .isInstanceOfSatisfying(
            KrrHttpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.error()).contains("invalid_token");
            })
        .hasMessageContaining("fresh Maskinporten token")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-a-real-token"));
  }

  @Test
  void mapsATokenWithoutKrrScopeTo403InsufficientScope() {
    KrrClient krr =
        KrrClient.builder()
            .environment(emulator.environment())
            .maskinporten(emulator.selfServiceAdmin(), Scope.DCR_READ)
            .build();

    assertThatThrownBy(() -> krr.lookup(List.of(KnownPersons.ACTIVE)))
        .isInstanceOfSatisfying(
            KrrHttpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.error()).contains("insufficient_scope");
            })
        .hasMessageContaining("krr:global/kontaktinformasjon.read");
  }

  @Test
  void lookupAsyncGivesTheSameAnswer() {
    KrrClient krr = emulator.client().build();
    List<Personidentifikator> ids = List.of(KnownPersons.RESERVED, KnownPersons.EMAIL_ONLY);

    assertThat(krr.lookupAsync(ids))
        .succeedsWithin(Duration.ofSeconds(30))
        .extracting(LookupResult::persons)
        .isEqualTo(krr.lookup(ids).persons());
  }
}
