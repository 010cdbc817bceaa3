package io.krrkit.maskinporten.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.krrkit.core.Scope;
import io.krrkit.local.Bootstrap;
import io.krrkit.local.KrrLocal;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import io.krrkit.maskinporten.MaskinportenErrorException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Micrometer binding counting a real client's work against the emulator. */
class MicrometerMaskinportenListenerTest {
  private static KrrLocal krr;

  @BeforeAll
  static void start() {
    krr = KrrLocal.builder().port(0).ephemeral().seedPersons(0).build().start();
  }

  @AfterAll
  static void stop() {
    krr.close();
  }

  @Test
  void countsFetchesCacheHitsAndMissesAndFailures() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Bootstrap admin = krr.bootstrap();
    MaskinportenClient client =
        MaskinportenClient.builder()
            .environment(MaskinportenEnvironment.custom(krr.maskinportenIssuer()))
            .clientId(admin.clientId())
            .signingKey(RSAKey.parse(admin.privateJwk()))
            .listener(new MicrometerMaskinportenListener(registry))
            .build();

    client.getToken(Scope.DCR_READ);
    client.getTokenAsync(Scope.DCR_READ).join();

    assertThat(registry.get("maskinporten.tokens.fetched").counter().count()).isEqualTo(1);
    assertThat(cache(registry, "miss")).isEqualTo(1);
    assertThat(cache(registry, "hit")).isEqualTo(1);
    assertThat(cache(registry, "stale")).isZero();

    MaskinportenClient stranger =
        MaskinportenClient.builder()
            .environment(MaskinportenEnvironment.custom(krr.maskinportenIssuer()))
            .clientId("no-such-client")
            .signingKey(newKey())
            .listener(new MicrometerMaskinportenListener(registry))
            .build();
    assertThatThrownBy(() -> stranger.getToken(Scope.DCR_READ))
        .isInstanceOf(MaskinportenErrorException.class);

    assertThat(registry.get("maskinporten.token.failures").tag("code", "MP-100").counter().count())
        .isEqualTo(1);
  }

  private static double cache(SimpleMeterRegistry registry, String result) {
    return registry.get("maskinporten.token.cache").tag("result", result).counter().count();
  }

  private static RSAKey newKey() throws JOSEException {
    return new RSAKeyGenerator(2048).keyID("stranger").generate();
  }
}
