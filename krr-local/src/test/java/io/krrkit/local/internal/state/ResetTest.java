package io.krrkit.local.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.local.Bootstrap;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.TestClient;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.Wiring;
import io.krrkit.local.internal.access.ScopeDraft;
import io.krrkit.local.internal.krr.RegisterEntry;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import java.net.URI;
import java.net.http.HttpRequest;
import java.text.ParseException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reset between tests, through {@code Controls.reset()} and {@code POST /admin/reset}: what
 * tests put in is gone, the bootstrap client, the signing keys and the synthetic register stay.
 */
class ResetTest {
  private static final Personidentifikator PUT_BY_TEST = Personidentifikator.of("20914695016");
  private static final Scope OWN_SCOPE = Scope.of("krrkit:reset/test");
  private static LocalFixture fx;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start(KrrLocal.builder().port(0).ephemeral().seedPersons(20).adminApi(true));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void resetForgetsWhatTestsPutInAndKeepsTheBootstrapClient() {
    TestClient client = fillState();
    long synthetic = fx.krrLocal().controls().personCount();

    fx.krrLocal().controls().reset();

    assertEmptied(client, synthetic);
  }

  @Test
  void theOperatorApiResetsToo() {
    TestClient client = fillState();
    long synthetic = fx.krrLocal().controls().personCount();

    var answer =
        fx.send(
            HttpRequest.newBuilder(URI.create(fx.krrLocal().baseUrl() + "/admin/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(answer.status()).isEqualTo(204);
    assertEmptied(client, synthetic);
  }

  private static TestClient fillState() {
    Wiring w = Internals.of(fx.krrLocal());
    TestClient client = fx.registerClient(Scope.KRR_KONTAKTINFORMASJON_READ);
    w.scopeRegistry.define(
        new ScopeDraft(
            OWN_SCOPE.value(),
            null,
            null,
            null,
            "own",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            null,
            null));
    w.scopeRegistry.grant(OWN_SCOPE.value(), "991825827");
    w.delegationRegistry.add("310000027", "991825827", OWN_SCOPE.value());
    w.register.put(RegisterEntry.aktiv(PUT_BY_TEST).spraak("nn", OffsetDateTime.now()).build());
    fx.krrLocal().clock().advance(Duration.ofDays(3));
    assertThat(fx.krrLocal().controls().hasClient(client.clientId())).isTrue();
    return client;
  }

  private static void assertEmptied(TestClient client, long personsBefore) {
    Wiring w = Internals.of(fx.krrLocal());
    assertThat(fx.krrLocal().controls().hasClient(client.clientId())).isFalse();
    assertThat(w.clientKeys.findByKid(client.kid())).isEmpty();
    assertThat(fx.krrLocal().controls().hasClient(fx.krrLocal().bootstrap().clientId())).isTrue();
    assertThat(w.scopeRegistry.scopes()).extracting(s -> s.name()).doesNotContain(OWN_SCOPE);
    assertThat(w.scopeRegistry.scopes())
        .extracting(s -> s.name())
        .contains(Scope.KRR_KONTAKTINFORMASJON_READ, Scope.DCR_WRITE);
    assertThat(w.scopeRegistry.accessList()).isEmpty();
    assertThat(w.delegationRegistry.list()).isEmpty();
    assertThat(fx.krrLocal().clock().offset()).isEqualTo(Duration.ZERO);
    // the synthetic persons are back, the one a test put is not: nothing is stored over them
    assertThat(personsBefore).isPositive();
    assertThat(fx.krrLocal().controls().personCount()).isZero();
    assertThat(fx.krrLocal().controls().person(KnownPersons.ACTIVE)).isPresent();
    assertThat(fx.krrLocal().controls().person(PUT_BY_TEST).map(p -> p.spraak()))
        .isNotEqualTo(Optional.of("nn"));
    // the bootstrap client still gets tokens
    assertThat(fx.accessToken(bootstrapClient())).isNotBlank();
  }

  private static TestClient bootstrapClient() {
    Bootstrap b = fx.krrLocal().bootstrap();
    try {
      return new TestClient(
          b.clientId(),
          b.kid(),
          RSAKey.parse(b.privateJwk()),
          OrgNumber.of(b.orgno()),
          Set.of(Scope.DCR_READ));
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }
}
