package io.krrkit.local.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.local.internal.maskinporten.AccessTokenMinter;
import io.krrkit.local.internal.signing.jdbc.JdbcSigningKeyRepository;
import io.krrkit.local.internal.store.Database;
import io.krrkit.local.internal.store.Jdbc;
import io.krrkit.local.internal.store.StoreEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SigningKeysTest {

  @ParameterizedTest
  @EnumSource(StoreEngine.class)
  void nodesStartingTogetherOnAnEmptyStoreShareOneKey(StoreEngine engine) throws Exception {
    try (Database db = engine.open()) {
      SigningKeyRepository repository =
          new JdbcSigningKeyRepository(new Jdbc(db.dataSource()), "maskinporten");
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try {
        List<CompletableFuture<SigningKeys>> nodes =
            IntStream.range(0, 3)
                .mapToObj(
                    i ->
                        CompletableFuture.supplyAsync(
                            () -> {
                              await(go);
                              return SigningKeys.loadOrCreate(
                                  repository,
                                  2048,
                                  AccessTokenMinter.KEY_RETENTION,
                                  Clock.systemUTC());
                            },
                            pool))
                .toList();
        go.countDown();

        List<String> kids =
            nodes.stream()
                .map(n -> n.orTimeout(60, TimeUnit.SECONDS).join().published().get(0).getKeyID())
                .distinct()
                .toList();

        assertThat(kids).hasSize(1);
        assertThat(repository.findActive()).hasSize(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(StoreEngine.class)
  void eachServiceRotatesItsOwnKeys(StoreEngine engine) throws Exception {
    try (Database db = engine.open()) {
      Jdbc jdbc = new Jdbc(db.dataSource());
      SigningKeys maskinporten = keys(jdbc, "maskinporten");
      SigningKeys idporten = keys(jdbc, "idporten");
      String idportenKid = idporten.published().get(0).getKeyID();

      maskinporten.rotate(Duration.ofSeconds(60));

      assertThat(new JdbcSigningKeyRepository(jdbc, "maskinporten").findActive())
          .extracting(SigningKey::generation)
          .containsExactly(2, 1);
      assertThat(new JdbcSigningKeyRepository(jdbc, "idporten").findActive())
          .extracting(SigningKey::generation)
          .containsExactly(1);
      assertThat(idporten.published()).extracting(k -> k.getKeyID()).containsExactly(idportenKid);
      assertThat(maskinporten.published())
          .extracting(k -> k.getKeyID())
          .doesNotContain(idportenKid)
          .hasSize(2);
    }
  }

  @ParameterizedTest
  @EnumSource(StoreEngine.class)
  void aServiceThatNeverSignsStoresNoKey(StoreEngine engine) throws Exception {
    try (Database db = engine.open()) {
      Jdbc jdbc = new Jdbc(db.dataSource());
      JdbcSigningKeyRepository repository = new JdbcSigningKeyRepository(jdbc, "kontaktregisteret");
      SigningKeys keys =
          SigningKeys.onFirstUse(repository, 2048, Duration.ofSeconds(125), Clock.systemUTC());

      assertThat(repository.findActive()).isEmpty();

      String jws = keys.signPayload("{\"a\":1}", "JOSE");

      assertThat(repository.findActive()).hasSize(1);
      JWSObject parsed = JWSObject.parse(jws);
      assertThat(parsed.getHeader().getType()).isEqualTo(new JOSEObjectType("JOSE"));
      assertThat(parsed.getHeader().getKeyID()).isEqualTo(keys.jwks().getKeys().get(0).getKeyID());
      assertThat(parsed.verify(new RSASSAVerifier(keys.published().get(0)))).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(StoreEngine.class)
  void signsClaimsWithTheTypeAskedFor(StoreEngine engine) throws Exception {
    try (Database db = engine.open()) {
      SigningKeys keys = keys(new Jdbc(db.dataSource()), "idporten");

      SignedJWT typed = SignedJWT.parse(keys.sign(new JWTClaimsSet.Builder().build(), "at+jwt"));
      SignedJWT plain = SignedJWT.parse(keys.sign(new JWTClaimsSet.Builder().build()));

      assertThat(typed.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
      assertThat(plain.getHeader().getType()).isNull();
      assertThat(typed.verify(new RSASSAVerifier(keys.published().get(0)))).isTrue();
    }
  }

  private static SigningKeys keys(Jdbc jdbc, String service) {
    return SigningKeys.loadOrCreate(
        new JdbcSigningKeyRepository(jdbc, service),
        2048,
        Duration.ofSeconds(125),
        Clock.systemUTC());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
