package io.krrkit.krr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.krrkit.core.Scope;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KrrClientBuilderTest {

  @Test
  void customEnvironmentsDropATrailingSlashAndRefuseOtherSchemes() {
    KrrEnvironment emulator = KrrEnvironment.custom("http://localhost:7070/kontaktregisteret/");

    assertThat(emulator.personerUri(ApiVersion.V2))
        .isEqualTo(URI.create("http://localhost:7070/kontaktregisteret/rest/v2/personer"));
    assertThat(emulator.isProduction()).isFalse();
    assertThat(KrrEnvironment.PRODUCTION.isProduction()).isTrue();
    assertThatThrownBy(() -> KrrEnvironment.custom("ftp://kontaktregisteret.no"))
        .hasMessageContaining("must start with https:// or http://");
  }

  @Test
  void refusesToBuildWithoutEnvironmentOrTokens() {
    assertThatThrownBy(() -> KrrClient.builder().accessTokenSource(() -> "t").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("environment is required");
    assertThatThrownBy(() -> KrrClient.builder().environment(KrrEnvironment.TEST).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("access token source is required");
  }

  @Test
  void boundsParallelismAndBatchSize() {
    KrrClient.Builder builder = KrrClient.builder();

    assertThatThrownBy(() -> builder.maxParallelBatches(0)).hasMessageContaining("1..16");
    assertThatThrownBy(() -> builder.maxParallelBatches(17)).hasMessageContaining("1..16");
    assertThatThrownBy(() -> builder.batchSize(1001)).hasMessageContaining("1..1000");
  }

  @Test
  void refusesAMaskinportenOfTheOtherEnvironment() throws Exception {
    MaskinportenClient production =
        MaskinportenClient.builder()
            .environment(MaskinportenEnvironment.PRODUCTION)
            .clientId("a6a8c4a2-0000-4000-8000-000000000000")
            .signingKey(new RSAKeyGenerator(2048).keyID("k").generate())
            .build();

    assertThatThrownBy(
            () ->
                KrrClient.builder()
                    .environment(KrrEnvironment.TEST)
                    .maskinporten(production, Scope.KRR_KONTAKTINFORMASJON_READ)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("accepts tokens only from the matching Maskinporten");
  }

  @Test
  void refusesSyntheticNumbersBeforeSendingToProduction() {
    AtomicInteger tokenRequests = new AtomicInteger();
    KrrClient production =
        KrrClient.builder()
            .environment(KrrEnvironment.PRODUCTION)
            .accessTokenSource(
                () -> {
                  tokenRequests.incrementAndGet();
                  return "t";
                })
            .build();

    assertThatThrownBy(() -> production.lookup(List.of("20914695016")))
        .isInstanceOfSatisfying(
            KrrInvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(KrrInvalidInputException.Problem::rule)
                    .containsExactly(KrrInvalidInputException.RULE_SYNTHETIC));
    assertThat(tokenRequests).hasValue(0);
  }

  @Test
  void letsSyntheticNumbersThroughWhereAllowed() {
    List<String> synthetic = List.of("20914695016");

    assertThat(new IdentifierCheck(false).check(synthetic)).isEqualTo(synthetic);
  }
}
