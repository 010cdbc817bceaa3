package io.krrkit.local.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.OrgNumber;
import io.krrkit.local.OffsetClock;
import io.krrkit.local.internal.client.KeyImportException.Problem;
import io.krrkit.local.internal.client.jdbc.JdbcClientKeyRepository;
import io.krrkit.local.internal.client.jdbc.JdbcClientRepository;
import io.krrkit.local.internal.store.Database;
import io.krrkit.local.internal.store.Jdbc;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link KeyRing}: one key at a time, on a real H2 store and a clock the tests move. */
class KeyRingTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final OrgNumber ORG = OrgNumber.of("991825827");
  private static final OrgNumber OTHER_ORG = OrgNumber.of("889640782");
  private static final String PUBLIC_JWK = publicJwk();

  private Database database;
  private ClientKeyRepository keys;
  private OffsetClock clock;
  private ClientRegistry registry;
  private KeyRing ring;
  private String clientId;

  @BeforeEach
  void openStore() {
    database = Database.h2InMemory();
    Jdbc jdbc = new Jdbc(database.dataSource());
    keys = new JdbcClientKeyRepository(jdbc);
    clock = new OffsetClock(Clock.fixed(NOW, ZoneOffset.UTC));
    registry = new ClientRegistry(new JdbcClientRepository(jdbc), keys, clock);
    ring = new KeyRing(registry, keys, clock);
    clientId = newClient(ORG);
  }

  @AfterEach
  void closeStore() {
    database.close();
  }

  @Test
  void addsAKeyAndLeavesTheOthersAsTheyWere() {
    ring.add(ORG, clientId, key("first").withExpiry(NOW.plus(Duration.ofDays(30))));
    clock.advance(Duration.ofDays(1));

    KeySet keys = ring.add(ORG, clientId, key("second"));

    assertThat(keys.keys())
        .extracting(ClientKey::kid, ClientKey::created, ClientKey::expires)
        .containsExactly(
            tuple("first", NOW, NOW.plus(Duration.ofDays(30))),
            tuple("second", NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(366))));
    assertThat(registry.keys(ORG, clientId).keys()).hasSize(2);
  }

  @Test
  void refusesASixthKey() {
    for (int i = 1; i <= 5; i++) {
      ring.add(ORG, clientId, key("k" + i));
    }

    assertRefused(() -> ring.add(ORG, clientId, key("k6")), Problem.TOO_MANY_KEYS);
    assertThat(registry.keys(ORG, clientId).keys()).hasSize(5);
  }

  @Test
  void checksTheFiveKeyRuleOnTheKeysHeldWhenWriting() {
    for (int i = 1; i <= 4; i++) {
      ring.add(ORG, clientId, key("k" + i));
    }
    // A second request adds the fifth key after this one has checked the new key, before it writes.
    ClientKeyRepository racingStore = changingFirst(() -> ring.add(ORG, clientId, key("k5")));
    ClientRegistry racingRegistry =
        new ClientRegistry(
            new JdbcClientRepository(new Jdbc(database.dataSource())), racingStore, clock);
    KeyRing racing = new KeyRing(racingRegistry, racingStore, clock);

    assertRefused(() -> racing.add(ORG, clientId, key("k6")), Problem.TOO_MANY_KEYS);
    assertThat(registry.keys(ORG, clientId).keys())
        .extracting(ClientKey::kid)
        .containsExactly("k1", "k2", "k3", "k4", "k5");
  }

  @Test
  void refusesAKidTheIntegrationHoldsAlready() {
    ring.add(ORG, clientId, key("same"));

    assertRefused(() -> ring.add(ORG, clientId, key("same")), Problem.KID_ON_CLIENT);
  }

  @Test
  void refusesAKidAnotherIntegrationHolds() {
    String other = newClient(OTHER_ORG);
    ring.add(OTHER_ORG, other, key("shared"));

    assertRefused(() -> ring.add(ORG, clientId, key("shared")), Problem.KID_TAKEN);
    assertThat(registry.keys(ORG, clientId).keys()).isEmpty();
  }

  @Test
  void refusesAnExpiryThatIsPastOrMoreThanAYearAway() {
    assertRefused(
        () -> ring.add(ORG, clientId, key("past").withExpiry(NOW)), Problem.EXPIRY_OUT_OF_RANGE);
    assertRefused(
        () -> ring.add(ORG, clientId, key("far").withExpiry(NOW.plus(Duration.ofDays(367)))),
        Problem.EXPIRY_OUT_OF_RANGE);
  }

  @Test
  void removesOneKeyAndKeepsTheRest() {
    ring.add(ORG, clientId, key("keep"));
    ring.add(ORG, clientId, key("drop"));

    KeySet keys = ring.remove(ORG, clientId, "drop");

    assertThat(keys.keys()).extracting(ClientKey::kid).containsExactly("keep");
    assertThat(ring.remove(ORG, clientId, "keep").keys()).isEmpty();
  }

  @Test
  void rotatesAKeyInOneStepEvenWhenTheIntegrationHoldsFive() {
    for (int i = 1; i <= 5; i++) {
      ring.add(ORG, clientId, key("k" + i));
    }

    KeySet keys = ring.replace(ORG, clientId, "k3", key("k3-next"));

    assertThat(keys.keys())
        .extracting(ClientKey::kid)
        .containsExactly("k1", "k2", "k4", "k5", "k3-next");
    assertThat(registry.keys(ORG, clientId).keys()).hasSize(5);
  }

  @Test
  void aRefusedRotationKeepsTheOldKey() {
    ring.add(ORG, clientId, key("old"));

    assertRefused(
        () -> ring.replace(ORG, clientId, "old", key("new").withExpiry(NOW)),
        Problem.EXPIRY_OUT_OF_RANGE);
    assertThat(registry.keys(ORG, clientId).keys())
        .extracting(ClientKey::kid)
        .containsExactly("old");
    assertNotFound(() -> ring.replace(ORG, clientId, "gone", key("new")));
  }

  @Test
  void anotherOrganisationsIntegrationIsNotFound() {
    ring.add(ORG, clientId, key("mine"));

    assertNotFound(() -> ring.add(OTHER_ORG, clientId, key("theirs")));
    assertNotFound(() -> ring.remove(OTHER_ORG, clientId, "mine"));
    assertNotFound(() -> ring.remove(ORG, clientId, "unknown"));
    assertThat(registry.keys(ORG, clientId).keys())
        .extracting(ClientKey::kid)
        .containsExactly("mine");
  }

  private String newClient(OrgNumber org) {
    return registry
        .create(
            org,
            new ClientDraft(
                null, null, "krr", "web", null, null, null, null, null, null, null, null, null,
                null, null, null, null, null))
        .clientId();
  }

  /** The store, with {@code otherChange} run once right before the first change of any keys. */
  private ClientKeyRepository changingFirst(Runnable otherChange) {
    return new ClientKeyRepository() {
      private boolean changed;

      @Override
      public List<ClientKey> findByClient(String id) {
        return keys.findByClient(id);
      }

      @Override
      public Optional<ClientKey> findByKid(String kid) {
        return keys.findByKid(kid);
      }

      @Override
      public Optional<List<ClientKey>> change(String id, UnaryOperator<List<ClientKey>> change) {
        if (!changed) {
          changed = true;
          otherChange.run();
        }
        return keys.change(id, change);
      }
    };
  }

  private static ImportedKey key(String kid) {
    return KeyImport.fromText(PUBLIC_JWK, kid);
  }

  private static void assertRefused(ThrowingCallable call, Problem problem) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            KeyImportException.class, e -> assertThat(e.problem()).isEqualTo(problem));
  }

  private static void assertNotFound(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ClientRegistryException.class,
            e -> assertThat(e.reason()).isEqualTo(ClientRegistryException.Reason.NOT_FOUND));
  }

  /** One key pair serves every kid: the rules here are about kids and counts, not key material. */
  private static String publicJwk() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
      return new RSAKey.Builder(key).build().toJSONString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
