package io.krrkit.local.internal.client;

import static io.krrkit.local.TestCertificates.keyPair;
import static io.krrkit.local.TestCertificates.pem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.OrgNumber;
import io.krrkit.local.OffsetClock;
import io.krrkit.local.TestCertificates;
import io.krrkit.local.internal.certificate.IssuedCertificate;
import io.krrkit.local.internal.client.KeyImportException.Problem;
import io.krrkit.local.internal.client.jdbc.JdbcClientKeyRepository;
import io.krrkit.local.internal.client.jdbc.JdbcClientRepository;
import io.krrkit.local.internal.store.Database;
import io.krrkit.local.internal.store.Jdbc;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** {@link KeyImport} on keys and certificates generated here, in every form a user may hold. */
class KeyImportTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final KeyPair RSA_2048 = keyPair("RSA", 2048);
  private static final RSAPublicKey PUBLIC = (RSAPublicKey) RSA_2048.getPublic();

  @Test
  void readsAPublicJwkAndKeepsItsKid() {
    ImportedKey key = KeyImport.fromText(jwk("my-key").toPublicJWK().toJSONString(), "");

    assertThat(key.kid()).isEqualTo("my-key");
    assertThat(key.jwk())
        .containsEntry("kty", "RSA")
        .containsEntry("alg", "RS256")
        .containsEntry("use", "sig")
        .containsEntry("kid", "my-key")
        .containsEntry("n", jwk("my-key").getModulus().toString())
        .doesNotContainKeys("d", "p", "q");
  }

  @Test
  void theKidTypedByTheUserWinsOverTheJwksOwn() {
    ImportedKey key = KeyImport.fromText(jwk("old").toPublicJWK().toJSONString(), " new-kid ");

    assertThat(key.kid()).isEqualTo("new-kid");
    assertThat(key.jwk()).containsEntry("kid", "new-kid");
  }

  @Test
  void derivesTheKidFromTheRfc7638ThumbprintWhenNoneIsGiven() throws Exception {
    String bare = "{\"kty\":\"RSA\",\"n\":\"%s\",\"e\":\"AQAB\"}".formatted(jwk("x").getModulus());

    ImportedKey key = KeyImport.fromText(bare, null);

    assertThat(key.kid())
        .isEqualTo(new RSAKey.Builder(PUBLIC).build().computeThumbprint().toString());
    assertThat(key.kid()).matches("[A-Za-z0-9_-]{43}");
    assertThat(key.jwk()).containsEntry("alg", "RS256").containsEntry("use", "sig");
  }

  @Test
  void readsAJwkSetHoldingOneKey() {
    String set = "{\"keys\":[" + jwk("in-set").toPublicJWK().toJSONString() + "]}";

    assertThat(KeyImport.fromText(set, "").kid()).isEqualTo("in-set");
  }

  @Test
  void keepsTheExpiryOfAPastedJwk() {
    Instant exp = NOW.plus(Duration.ofDays(30));
    RSAKey withExp =
        new RSAKey.Builder(PUBLIC).keyID("exp-key").expirationTime(Date.from(exp)).build();

    assertThat(KeyImport.fromText(withExp.toJSONString(), "").expiry()).isEqualTo(exp);
  }

  @Test
  void readsAPemPublicKey() {
    ImportedKey key = KeyImport.fromText(pem("PUBLIC KEY", PUBLIC.getEncoded()), "pem-key");

    assertThat(key.jwk())
        .containsEntry("kid", "pem-key")
        .containsEntry("n", jwk("x").getModulus().toString())
        .doesNotContainKey("x5c");
  }

  @Test
  void readsAPkcs1RsaPublicKey() throws Exception {
    byte[] pkcs1 =
        new org.bouncycastle.asn1.pkcs.RSAPublicKey(PUBLIC.getModulus(), PUBLIC.getPublicExponent())
            .getEncoded();

    ImportedKey key = KeyImport.fromText(pem("RSA PUBLIC KEY", pkcs1), "");

    assertThat(key.jwk()).containsEntry("n", jwk("x").getModulus().toString());
  }

  @Test
  void readsAPemCertificateAndLocksTheKeyToItWithX5c() throws Exception {
    IssuedCertificate issued = certificate();
    byte[] der = issued.certificate().getEncoded();

    ImportedKey key = KeyImport.fromText(pem("CERTIFICATE", der), "cert-key");

    assertThat(key.jwk().get("x5c")).isEqualTo(List.of(Base64.getEncoder().encodeToString(der)));
    assertThat(key.jwk().get("n"))
        .isEqualTo(
            new RSAKey.Builder((RSAPublicKey) issued.certificate().getPublicKey())
                .build()
                .getModulus()
                .toString());
  }

  @Test
  void readsADerCertificateFile() throws Exception {
    byte[] der = certificate().certificate().getEncoded();

    ImportedKey key = KeyImport.fromFile(der, "");

    assertThat(key.jwk()).containsKey("x5c");
    assertThat(key.kid()).matches("[A-Za-z0-9_-]{43}");
  }

  @Test
  void readsAPemFile() {
    byte[] file = pem("PUBLIC KEY", PUBLIC.getEncoded()).getBytes(StandardCharsets.US_ASCII);

    assertThat(KeyImport.fromFile(file, "file-key").kid()).isEqualTo("file-key");
  }

  @Test
  void readsAJwkFileSavedWithAByteOrderMark() {
    byte[] file =
        ("\uFEFF" + jwk("bom").toPublicJWK().toJSONString()).getBytes(StandardCharsets.UTF_8);

    assertThat(KeyImport.fromFile(file, "").kid()).isEqualTo("bom");
  }

  @Test
  void refusesAPrivateJwkWithoutShowingIt() {
    RSAKey pair =
        new RSAKey.Builder(PUBLIC).privateKey((RSAPrivateKey) RSA_2048.getPrivate()).build();

    KeyImportException refused =
        assertRefused(() -> KeyImport.fromText(pair.toJSONString(), ""), Problem.PRIVATE_KEY);

    assertThat(refused.getMessage()).doesNotContain(pair.getPrivateExponent().toString());
  }

  @Test
  void refusesPrivateKeysInPemAndDer() {
    byte[] pkcs8 = RSA_2048.getPrivate().getEncoded();

    assertRefused(() -> KeyImport.fromText(pem("PRIVATE KEY", pkcs8), ""), Problem.PRIVATE_KEY);
    assertRefused(() -> KeyImport.fromText(pem("RSA PRIVATE KEY", pkcs8), ""), Problem.PRIVATE_KEY);
    assertRefused(() -> KeyImport.fromFile(pkcs8, ""), Problem.PRIVATE_KEY);
  }

  @Test
  void refusesAnEcKeyNamingItsType() {
    KeyPair ec = keyPair("EC", 256);
    String ecJwk =
        new ECKey.Builder(Curve.P_256, (ECPublicKey) ec.getPublic()).build().toJSONString();

    assertThat(assertRefused(() -> KeyImport.fromText(ecJwk, ""), Problem.NOT_RSA).detail())
        .isEqualTo("EC");
    assertThat(
            assertRefused(
                    () -> KeyImport.fromText(pem("PUBLIC KEY", ec.getPublic().getEncoded()), ""),
                    Problem.NOT_RSA)
                .detail())
        .isEqualTo("EC");
  }

  @Test
  void refusesAnRsaKeyOfAnotherSizeThan2048() {
    KeyPair big = keyPair("RSA", 3072);

    KeyImportException refused =
        assertRefused(
            () -> KeyImport.fromText(pem("PUBLIC KEY", big.getPublic().getEncoded()), ""),
            Problem.WRONG_SIZE);

    assertThat(refused.detail()).isEqualTo("3072");
    assertThat(refused.getMessage()).contains("3072-bit").contains("2048");
  }

  @Test
  void refusesAJwkForAnotherAlgorithmOrUse() {
    RSAKey rs512 = new RSAKey.Builder(PUBLIC).algorithm(JWSAlgorithm.RS512).build();
    RSAKey enc = new RSAKey.Builder(PUBLIC).keyUse(KeyUse.ENCRYPTION).build();

    assertRefused(() -> KeyImport.fromText(rs512.toJSONString(), ""), Problem.WRONG_ALG);
    assertRefused(() -> KeyImport.fromText(enc.toJSONString(), ""), Problem.WRONG_USE);
  }

  @Test
  void refusesWhatIsNotAKey() {
    assertRefused(() -> KeyImport.fromText("  ", ""), Problem.EMPTY);
    assertRefused(() -> KeyImport.fromText("{\"kty\":\"RSA\",", ""), Problem.MALFORMED);
    assertRefused(() -> KeyImport.fromText("{\"kty\":\"RSA\"}", ""), Problem.MALFORMED);
    assertRefused(() -> KeyImport.fromText("hello, key", ""), Problem.MALFORMED);
    assertRefused(
        () -> KeyImport.fromText("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", ""),
        Problem.MALFORMED);
    assertRefused(() -> KeyImport.fromFile(new byte[] {0x30, 0x03, 0x01}, ""), Problem.MALFORMED);
    assertRefused(
        () -> KeyImport.fromText("x".repeat(KeyImport.MAX_INPUT + 1), ""), Problem.TOO_LARGE);
  }

  @Test
  void refusesAJwkSetOfSeveralKeys() {
    String two =
        "{\"keys\":[%s,%s]}"
            .formatted(
                jwk("a").toPublicJWK().toJSONString(), jwk("b").toPublicJWK().toJSONString());

    assertThat(assertRefused(() -> KeyImport.fromText(two, ""), Problem.NOT_ONE_KEY).detail())
        .isEqualTo("2");
  }

  @Test
  void refusesAKidWithCharactersAKidMayNotHold() {
    String json = jwk("x").toPublicJWK().toJSONString();

    KeyImportException refused =
        assertRefused(() -> KeyImport.fromText(json, "<b>kid</b>"), Problem.KID_INVALID);

    assertThat(refused.problem().field()).isEqualTo("kid");
  }

  @Test
  void importedKeysAreAcceptedByTheRegistryAsTheyAre() throws Exception {
    try (Database database = Database.h2InMemory()) {
      Jdbc jdbc = new Jdbc(database.dataSource());
      ClientRegistry registry =
          new ClientRegistry(
              new JdbcClientRepository(jdbc),
              new JdbcClientKeyRepository(jdbc),
              new OffsetClock(Clock.fixed(NOW, ZoneOffset.UTC)));
      OrgNumber org = OrgNumber.of("991825827");
      String clientId = registry.create(org, krrDraft()).clientId();
      ImportedKey fromPem = KeyImport.fromText(pem("PUBLIC KEY", PUBLIC.getEncoded()), "");
      ImportedKey fromCertificate =
          KeyImport.fromFile(certificate().certificate().getEncoded(), "cert")
              .withExpiry(NOW.plus(Duration.ofDays(90)));

      KeySet keys =
          registry.replaceKeys(org, clientId, List.of(fromPem.jwk(), fromCertificate.jwk()));

      assertThat(keys.keys())
          .extracting(ClientKey::kid, ClientKey::expires)
          .containsExactly(
              tuple(fromPem.kid(), NOW.plus(Duration.ofDays(365))),
              tuple("cert", NOW.plus(Duration.ofDays(90))));
    }
  }

  private static ClientDraft krrDraft() {
    return new ClientDraft(
        null, null, "krr", "web", null, null, null, null, null, null, null, null, null, null, null,
        null, null, null);
  }

  private static KeyImportException assertRefused(ThrowingCallable call, Problem problem) {
    KeyImportException[] caught = new KeyImportException[1];
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            KeyImportException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(problem);
              caught[0] = e;
            });
    return caught[0];
  }

  private static RSAKey jwk(String kid) {
    return new RSAKey.Builder(PUBLIC)
        .privateKey((RSAPrivateKey) RSA_2048.getPrivate())
        .keyID(kid)
        .build();
  }

  private static IssuedCertificate certificate() {
    return TestCertificates.selfSigned(
        OrgNumber.of("991825827"), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
  }
}
