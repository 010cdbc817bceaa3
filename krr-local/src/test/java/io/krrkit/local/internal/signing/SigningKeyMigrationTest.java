package io.krrkit.local.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.local.internal.signing.jdbc.JdbcSigningKeyRepository;
import io.krrkit.local.internal.store.Database;
import io.krrkit.local.internal.store.FreshStore;
import io.krrkit.local.internal.store.Jdbc;
import io.krrkit.local.internal.store.StoreEngine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A store written before the keys were unified (schema V10: Maskinporten's rotating keys in {@code
 * signing_key}, one key per other service in {@code service_signing_key}) keeps every key: after
 * V11 each service signs and publishes with the key it had.
 */
class SigningKeyMigrationTest {
  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant ROTATED = Instant.parse("2026-01-02T00:00:00Z");

  @ParameterizedTest
  @EnumSource(StoreEngine.class)
  void keepsEveryServicesKeyAcrossTheMigration(StoreEngine engine) throws Exception {
    FreshStore store = engine.freshStore();
    Flyway.configure()
        .dataSource(store.url(), store.user(), store.password())
        .target("10")
        .load()
        .migrate();
    RSAKey first = key();
    RSAKey second = key();
    RSAKey idporten = key();
    try (Connection c = DriverManager.getConnection(store.url(), store.user(), store.password())) {
      insertMaskinportenKey(c, first, 1, CREATED, CREATED);
      insertMaskinportenKey(c, second, 2, ROTATED, ROTATED.plusSeconds(60));
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO service_signing_key (service, jwk, created) VALUES (?, ?, ?)")) {
        s.setString(1, "idporten");
        s.setString(2, idporten.toJSONString());
        s.setLong(3, CREATED.toEpochMilli());
        s.executeUpdate();
      }
    }

    try (Database db = store.open()) {
      Jdbc jdbc = new Jdbc(db.dataSource());
      Clock afterRotation = Clock.fixed(ROTATED.plusSeconds(61), ZoneOffset.UTC);
      SigningKeys maskinporten = keys(jdbc, "maskinporten", afterRotation);
      SigningKeys idportenKeys = keys(jdbc, "idporten", afterRotation);

      assertThat(new JdbcSigningKeyRepository(jdbc, "maskinporten").findActive())
          .extracting(SigningKey::kid, SigningKey::generation, SigningKey::activates)
          .containsExactly(
              tuple(second.getKeyID(), 2, ROTATED.plusSeconds(60)),
              tuple(first.getKeyID(), 1, CREATED));
      assertThat(kidOf(maskinporten.sign(new JWTClaimsSet.Builder().build())))
          .isEqualTo(second.getKeyID());
      assertThat(idportenKeys.status())
          .extracting(SigningKeyStatus::kid, SigningKeyStatus::generation, SigningKeyStatus::stage)
          .containsExactly(tuple(idporten.getKeyID(), 1, SigningKeyStatus.Stage.SIGNING));
      assertThat(kidOf(idportenKeys.sign(new JWTClaimsSet.Builder().build(), "at+jwt")))
          .isEqualTo(idporten.getKeyID());
    }
  }

  private static void insertMaskinportenKey(
      Connection c, RSAKey key, int generation, Instant created, Instant activates)
      throws Exception {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO signing_key (kid, generation, jwk, created, state, activates)"
                + " VALUES (?, ?, ?, ?, 'ACTIVE', ?)")) {
      s.setString(1, key.getKeyID());
      s.setInt(2, generation);
      s.setString(3, key.toJSONString());
      s.setLong(4, created.toEpochMilli());
      s.setLong(5, activates.toEpochMilli());
      s.executeUpdate();
    }
  }

  private static SigningKeys keys(Jdbc jdbc, String service, Clock clock) {
    return SigningKeys.loadOrCreate(
        new JdbcSigningKeyRepository(jdbc, service), 2048, Duration.ofSeconds(125), clock);
  }

  private static String kidOf(String jwt) throws Exception {
    return SignedJWT.parse(jwt).getHeader().getKeyID();
  }

  private static RSAKey key() throws Exception {
    return new RSAKeyGenerator(2048)
        .keyUse(KeyUse.SIGNATURE)
        .algorithm(JWSAlgorithm.RS256)
        .keyIDFromThumbprint(true)
        .generate();
  }
}
