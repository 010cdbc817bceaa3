package io.krrkit.local.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.local.OffsetClock;
import io.krrkit.local.internal.client.jdbc.JdbcAdminCredentialRepository;
import io.krrkit.local.internal.client.jdbc.JdbcClientKeyRepository;
import io.krrkit.local.internal.client.jdbc.JdbcClientRepository;
import io.krrkit.local.internal.store.Database;
import io.krrkit.local.internal.store.Jdbc;
import io.krrkit.local.internal.store.StoreEngine;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link AdminClientBootstrap} on a real store of each engine: created once, kept, repaired,
 * shared.
 */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class AdminClientBootstrapTest {
  private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
  private static final OrgNumber ORG = OrgNumber.of("310000027");

  private Database database;
  private Jdbc jdbc;
  private ClientRepository clients;
  private ClientKeyRepository keys;
  private OffsetClock clock;

  @Parameter StoreEngine engine;

  @BeforeEach
  void openStore() {
    database = engine.open();
    jdbc = new Jdbc(database.dataSource());
    clients = new JdbcClientRepository(jdbc);
    keys = new JdbcClientKeyRepository(jdbc);
    clock = new OffsetClock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void closeStore() {
    database.close();
  }

  @Test
  void createsAMaskinportenClientWithEverySelfServiceScopeAndOneRsa2048Key() throws ParseException {
    AdminCredential credential = bootstrap().ensure(ORG);

    RegisteredClient client = clients.findById(credential.clientId()).orElseThrow();
    assertThat(client.integrationType()).isEqualTo(IntegrationType.MASKINPORTEN);
    assertThat(client.orgNumber()).isEqualTo(ORG);
    assertThat(client.scopes()).containsExactlyInAnyOrderElementsOf(AdminClientBootstrap.SCOPES);
    List<ClientKey> registered = keys.findByClient(credential.clientId());
    assertThat(registered).extracting(ClientKey::kid).containsExactly(credential.kid());
    RSAKey pair = RSAKey.parse(credential.privateJwk());
    assertThat(pair.size()).isEqualTo(2048);
    assertThat(RSAKey.parse(registered.get(0).publicJwk()).getModulus())
        .isEqualTo(pair.getModulus());
    assertThat(registered.get(0).publicJwk()).doesNotContain("\"d\"");
  }

  @Test
  void returnsTheSameCredentialEveryTime() {
    AdminCredential first = bootstrap().ensure(ORG);

    AdminCredential again = bootstrap().ensure(ORG);

    assertThat(again).isEqualTo(first);
    assertThat(clients.findByOwner(ORG)).hasSize(1);
  }

  @Test
  void repairsADeletedClientAndKey() {
    AdminCredential credential = bootstrap().ensure(ORG);
    clients.delete(credential.clientId());

    bootstrap().ensure(ORG);

    assertThat(clients.findById(credential.clientId())).isPresent();
    assertThat(keys.findByKid(credential.kid())).isPresent();
  }

  @Test
  void keepsTheKeyUsableWhenTheClockMovesYearsAhead() {
    AdminCredential credential = bootstrap().ensure(ORG);

    clock.advance(Duration.ofDays(5 * 365));

    assertThat(keys.findByKid(credential.kid()).orElseThrow().isExpired(clock.instant())).isFalse();
  }

  @Test
  void agreesOnOneCredentialWhenNodesStartTogether() throws Exception {
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    CountDownLatch ready = new CountDownLatch(2);
    try {
      List<CompletableFuture<AdminCredential>> started =
          List.of(startNode(nodes, ready), startNode(nodes, ready));

      AdminCredential one = started.get(0).get(30, TimeUnit.SECONDS);
      AdminCredential two = started.get(1).get(30, TimeUnit.SECONDS);

      assertThat(two).isEqualTo(one);
      assertThat(clients.findByOwner(ORG)).hasSize(1);
    } finally {
      nodes.shutdownNow();
    }
  }

  @Test
  void neverShowsThePrivateKeyInToString() throws ParseException {
    AdminCredential credential = bootstrap().ensure(ORG);
    String d = RSAKey.parse(credential.privateJwk()).getPrivateExponent().toString();

    assertThat(credential.toString()).contains(credential.clientId()).doesNotContain(d);
  }

  private CompletableFuture<AdminCredential> startNode(
      ExecutorService nodes, CountDownLatch ready) {
    return CompletableFuture.supplyAsync(
        () -> {
          ready.countDown();
          awaitQuietly(ready);
          return bootstrap().ensure(ORG);
        },
        nodes);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A bootstrap as one node builds it: its own objects on the shared store. */
  private AdminClientBootstrap bootstrap() {
    return new AdminClientBootstrap(
        new JdbcClientRepository(jdbc),
        new JdbcClientKeyRepository(jdbc),
        new JdbcAdminCredentialRepository(jdbc, clock),
        clock);
  }
}
