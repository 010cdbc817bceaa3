package io.krrkit.local.internal.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.internal.maskinporten.jdbc.JdbcSigningKeyRepository;
import io.krrkit.local.internal.maskinporten.jdbc.Maskinporten;
import io.krrkit.local.internal.store.Database;
import io.krrkit.local.internal.store.Jdbc;
import io.krrkit.local.internal.store.StoreEngine;
import java.time.Clock;
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
      SigningKeyRepository repository = new JdbcSigningKeyRepository(new Jdbc(db.dataSource()));
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
                                  repository, 2048, Maskinporten.KEY_RETENTION, Clock.systemUTC());
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

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
