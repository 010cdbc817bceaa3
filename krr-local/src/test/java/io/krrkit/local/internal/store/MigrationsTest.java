package io.krrkit.local.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every Flyway migration on the classpath applies on each engine, and opening again is a no-op. */
class MigrationsTest {

  @ParameterizedTest
  @EnumSource(StoreEngine.class)
  void appliesEveryMigrationAndReopensWithoutChange(StoreEngine engine) {
    FreshStore store = engine.freshStore();

    try (Database first = store.open()) {
      MigrationInfoService info = info(first);

      assertThat(info.all()).hasSizeGreaterThanOrEqualTo(8);
      assertThat(info.all())
          .extracting(MigrationInfo::getState)
          .containsOnly(MigrationState.SUCCESS);
    }
    try (Database again = store.open()) {
      MigrationInfoService info = info(again);

      assertThat(info.pending()).isEmpty();
      assertThat(Arrays.stream(info.applied()).filter(m -> m.getVersion() != null))
          .hasSize(info.all().length);
    }
  }

  private static MigrationInfoService info(Database database) {
    return Flyway.configure().dataSource(database.dataSource()).load().info();
  }
}
