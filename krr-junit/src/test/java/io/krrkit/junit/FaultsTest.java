package io.krrkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krrkit.krr.KrrClient;
import io.krrkit.krr.KrrHttpException;
import io.krrkit.krr.RetryPolicy;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import io.krrkit.testsupport.FaultEndpoint;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code krr.faults()} makes the emulator fail on purpose; the ready clients meet it, the journal
 * shows it, and each test's rules are gone before the next test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsTest {
  @RegisterExtension
  static final KrrLocalExtension krr = KrrLocalExtension.builder().seedPersons(0).build();

  // snippet:outage
  @Test
  @Order(1)
  void aScriptedOutageIsRetriedThroughByTheReadyKrrClient() {
    TestClient client = krr.registerKrrClient();
    KrrClient krrClient = krr.krrClientBuilder(client).build();
    krr.verify().clear();
    String id =
        krr.faults()
            .on(FaultEndpoint.KRR_LOOKUP)
            .sequence(503, 503)
            .retryAfter(Duration.ZERO)
            .add();

    assertThat(krrClient.lookup(List.of(KnownPersons.ACTIVE)).size()).isEqualTo(1);

    // A faulted request never reached the service, which names the client: it is counted by status.
    krr.verify().lookups().status(503).times(2);
    krr.verify().lookups().client(client.clientId()).status(200).times(1);
    assertThat(krr.faults().applied(id)).isEqualTo(2);
  }

  // /snippet:outage

  @Test
  @Order(2)
  void aRuleLeftInForceIsMetByItsOwnTest() {
    KrrClient krrClient =
        krr.krrClientBuilder(krr.registerKrrClient()).retryPolicy(RetryPolicy.none()).build();
    krr.faults().on(FaultEndpoint.KRR_LOOKUP).status(500).add(); // no times: every request

    assertThatThrownBy(() -> krrClient.lookup(List.of(KnownPersons.ACTIVE)))
        .isInstanceOf(KrrHttpException.class)
        .satisfies(e -> assertThat(((KrrHttpException) e).status()).isEqualTo(500));
    assertThat(krr.faults().rules()).hasSize(1);
  }

  @Test
  @Order(3)
  void theNextTestStartsWithoutTheRulesOfTheLast() {
    assertThat(krr.faults().rules()).isEmpty();
    assertThat(krr.krrClient().lookup(List.of(KnownPersons.ACTIVE)).size()).isEqualTo(1);
  }
}
