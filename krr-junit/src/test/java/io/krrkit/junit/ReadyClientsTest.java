package io.krrkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.Person;
import io.krrkit.core.krr.Status;
import io.krrkit.krr.KrrClient;
import io.krrkit.local.Controls;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import io.krrkit.maskinporten.AccessToken;
import io.krrkit.maskinporten.TokenRequest;
import io.krrkit.selfservice.ClientRequest;
import io.krrkit.selfservice.RegisteredClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ready clients on a frozen emulator: they sign grants on its clock, however it moves. */
class ReadyClientsTest {
  private static final Instant T0 = Instant.parse("2026-01-15T09:00:00Z");

  @RegisterExtension
  static final KrrLocalExtension krr =
      KrrLocalExtension.builder().seedPersons(0).frozenAt(T0).build();

  @Test
  void krrClientLooksUpOnAFrozenClockWithoutMoreWiring() {
    KrrClient client = krr.krrClient();

    Person person =
        client.lookup(List.of(KnownPersons.ACTIVE)).person(KnownPersons.ACTIVE).orElseThrow();

    assertThat(person.status()).isEqualTo(Status.AKTIV);
    assertThat(person.kontaktinformasjon().epostadresse()).contains("@");
    assertThat(krr.krrLocal().clock().instant()).isEqualTo(T0);
  }

  @Test
  void krrClientKeepsWorkingWhenTheClockMovesPastTokenAndKeyLifetimes() {
    KrrClient client = krr.krrClient();
    client.lookup(List.of(KnownPersons.ACTIVE));

    krr.advance(Duration.ofHours(3));

    assertThat(client.lookup(List.of(KnownPersons.ACTIVE)).person(KnownPersons.ACTIVE))
        .hasValueSatisfying(p -> assertThat(p.status()).isEqualTo(Status.AKTIV));
    assertThat(krr.krrLocal().clock().instant()).isEqualTo(T0.plus(Duration.ofHours(3)));
  }

  @Test
  void krrClientBuilderAsksOnlyForTheKrrScopesTheClientHolds() {
    TestClient contactOnly =
        krr.registerClient(
            KrrLocal.DEFAULT_ORG, IntegrationType.KRR, Set.of(Scope.KRR_KONTAKTINFORMASJON_READ));

    Person person =
        krr.krrClientBuilder(contactOnly)
            .build()
            .lookup(List.of(KnownPersons.WITH_DIGITAL_POST))
            .person(KnownPersons.WITH_DIGITAL_POST)
            .orElseThrow();

    assertThat(person.kontaktinformasjon()).isNotNull();
    assertThat(person.digitalPost()).isNull();
  }

  @Test
  void krrClientBuilderRefusesAClientWithoutKrrScopes() {
    TestClient other =
        krr.registerClient(
            OrgNumber.of("910753614"), IntegrationType.MASKINPORTEN, Set.of(Scope.of("a:b")));

    assertThatThrownBy(() -> krr.krrClientBuilder(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no KRR lookup scope")
        .hasMessageContaining(other.clientId());
  }

  @Test
  void maskinportenClientGetsTokensTheEmulatorVerifiesAtItsOwnTime() {
    TestClient client = krr.registerKrrClient();

    AccessToken token =
        krr.maskinportenClient(client).getToken(TokenRequest.of(Scope.KRR_DIGITALPOST_READ));
    Controls.AccessToken verified =
        krr.krrLocal().controls().verifyAccessToken(token.authorizationHeader());

    assertThat(verified.clientId()).isEqualTo(client.clientId());
    assertThat(verified.scopes()).containsExactly(Scope.KRR_DIGITALPOST_READ);
    assertThat(verified.expiresAt()).isAfter(T0).isBefore(T0.plus(Duration.ofHours(1)));
  }

  @Test
  void selfServiceClientRegistersClientsAsTheBootstrapClient() {
    RegisteredClient created =
        krr.selfServiceClient()
            .createClient(
                ClientRequest.builder(IntegrationType.KRR).clientName("ready-client test").build());

    assertThat(krr.krrLocal().controls().hasClient(created.clientId())).isTrue();
    assertThat(created.clientOrgno()).isEqualTo(KrrLocal.DEFAULT_ORG);
  }
}
