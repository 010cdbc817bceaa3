package io.krrkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krrkit.krr.KrrClient;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code krr.verify()} counts the calls a client made, and fails saying what was called instead.
 */
class RequestVerifierTest {
  @RegisterExtension
  static final KrrLocalExtension krr = KrrLocalExtension.builder().seedPersons(0).build();

  private TestClient client;
  private KrrClient krrClient;

  @BeforeEach
  void freshClient() {
    client = krr.registerKrrClient();
    krrClient = krr.krrClientBuilder(client).build();
    krr.verify().clear();
  }

  @Test
  void aCachedTokenIsAskedForOnceForTwoLookups() {
    krrClient.lookup(List.of(KnownPersons.ACTIVE));
    krrClient.lookup(List.of(KnownPersons.ACTIVE));

    krr.verify().tokenRequests().client(client.clientId()).status(200).times(1);
    krr.verify().lookups().client(client.clientId()).times(2);
    krr.verify().service("kontaktregisteret").path("/kontaktregisteret/rest").atLeast(2);
    krr.verify().service("idporten").never();
    assertThat(krr.verify().lookups().requests())
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.method()).isEqualTo("POST"));
  }

  @Test
  void aFailureListsTheRequestsTheJournalHolds() {
    krrClient.lookup(List.of(KnownPersons.ACTIVE));

    assertThatThrownBy(() -> krr.verify().tokenRequests().client(client.clientId()).times(3))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected exactly 3 token requests of client " + client.clientId())
        .hasMessageContaining("but there were 1")
        .hasMessageContaining("POST /maskinporten/token")
        .hasMessageNotContaining(KnownPersons.ACTIVE.value());
    assertThatThrownBy(() -> krr.verify().lookups().atLeast(2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected at least 2 KRR lookups, but there were 1");
  }

  @Test
  void clearCountsFromHereAndOtherClientsDoNotCount() {
    krrClient.lookup(List.of(KnownPersons.ACTIVE));
    krr.verify().clear();
    TestClient other = krr.registerKrrClient();
    krr.krrClientBuilder(other).build().lookup(List.of(KnownPersons.ACTIVE));

    krr.verify().lookups().client(client.clientId()).never();
    krr.verify().lookups().client(other.clientId()).times(1);
  }

  @Test
  void anUnknownServiceIsRefusedNamingTheKnownOnes() {
    assertThatThrownBy(() -> krr.verify().service("krr"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maskinporten");
  }
}
