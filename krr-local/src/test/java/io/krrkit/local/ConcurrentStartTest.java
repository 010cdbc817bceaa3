package io.krrkit.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.krr.PopulationSpec;
import io.krrkit.local.internal.krr.RegisterEntry;
import io.krrkit.local.internal.krr.synthetic.Shares;
import io.krrkit.local.internal.krr.synthetic.SyntheticPerson;
import io.krrkit.local.internal.krr.synthetic.SyntheticRegister;
import io.krrkit.local.internal.store.Database;
import io.krrkit.local.internal.store.FreshStore;
import io.krrkit.local.internal.store.Jdbc;
import io.krrkit.local.internal.store.StoreEngine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Emulator nodes started at the same instant on one empty store, on each engine: every node starts
 * (each seeds the built-in scopes, the bootstrap client, the signing key, the test CA and the
 * register if it finds them missing), and all use what one of them stored.
 */
class ConcurrentStartTest {
  private static final int NODES = 3;
  private static final int PERSONS = 500;

  @ParameterizedTest
  @EnumSource(StoreEngine.class)
  void nodesStartingTogetherOnAnEmptyStoreAllStartAndAgree(StoreEngine engine) throws Exception {
    FreshStore store = engine.freshStore();
    List<LocalFixture> nodes = startTogether(store);
    try {
      LocalFixture first = nodes.get(0);
      String jwks = first.get(first.issuer() + "jwk").body();
      Bootstrap bootstrap = first.krrLocal().bootstrap();
      PopulationSpec population =
          Internals.of(first.krrLocal()).register().populationSpec().orElseThrow();
      List<Personidentifikator> drawn =
          new SyntheticRegister(population.seed(), Shares.DEFAULT, population.drawnAt())
              .population(PERSONS)
              .map(SyntheticPerson::personidentifikator)
              .toList();
      Map<Personidentifikator, RegisterEntry> persons =
          Internals.of(first.krrLocal()).register().findAll(drawn);

      for (LocalFixture node : nodes) {
        assertThat(node.get(node.issuer() + "jwk").body()).isEqualTo(jwks);
        assertThat(node.krrLocal().bootstrap().clientId()).isEqualTo(bootstrap.clientId());
        assertThat(node.krrLocal().bootstrap().kid()).isEqualTo(bootstrap.kid());
        assertThat(Internals.of(node.krrLocal()).register().populationSpec()).contains(population);
        assertThat(Internals.of(node.krrLocal()).register().findAll(drawn)).isEqualTo(persons);
        assertThat(Internals.of(node.krrLocal()).certificates().caCertificate())
            .isEqualTo(Internals.of(first.krrLocal()).certificates().caCertificate());
      }
      assertThat(population.size()).isEqualTo(PERSONS);
      assertThat(persons).hasSizeGreaterThan(PERSONS / 2);
      assertThat(Internals.of(first.krrLocal()).clientKeys().findByClient(bootstrap.clientId()))
          .hasSize(1);
      assertThat(rows(store, "emulator_signing_key")).isEqualTo(1);
      assertThat(rows(store, "admin_client")).isEqualTo(1);
      assertThat(rows(store, "certificate_authority")).isEqualTo(1);
      assertThat(first.accessToken(Scope.KRR_KONTAKTINFORMASJON_READ)).isNotBlank();
    } finally {
      nodes.forEach(LocalFixture::close);
    }
  }

  private static long rows(FreshStore store, String table) {
    try (Database database = store.open()) {
      return new Jdbc(database.dataSource())
          .queryOne("SELECT COUNT(*) FROM " + table, rs -> rs.getLong(1))
          .orElseThrow();
    }
  }

  private static List<LocalFixture> startTogether(FreshStore store) {
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(NODES);
    try {
      List<CompletableFuture<LocalFixture>> starts =
          IntStream.range(0, NODES)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () -> {
                            await(go);
                            return LocalFixture.start(
                                store.node(KrrLocal.builder().port(0).seedPersons(PERSONS)));
                          },
                          pool))
              .toList();
      go.countDown();
      return starts.stream().map(s -> s.orTimeout(120, TimeUnit.SECONDS).join()).toList();
    } finally {
      pool.shutdownNow();
    }
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
