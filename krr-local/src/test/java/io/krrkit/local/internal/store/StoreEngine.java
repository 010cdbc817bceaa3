package io.krrkit.local.internal.store;

import io.krrkit.local.KrrLocal;
import java.util.UUID;

/**
 * The storage engines of the emulator, for tests that must hold on each: in-memory H2 (as {@code
 * krr serve --ephemeral}) and a real PostgreSQL (as {@code --db jdbc:postgresql://...}), started
 * once per test JVM. Every {@link #freshStore()} is an empty database of its own, so test classes
 * never see each other's rows. If PostgreSQL cannot start, the test fails with the reason; it is
 * never skipped.
 *
 * <pre>{@code
 * @ParameterizedClass
 * @EnumSource(StoreEngine.class)
 * class MyRepositoryTest {
 *   static Database database;
 *
 *   @Parameter StoreEngine engine; // without a @Parameter field JUnit passes no argument below
 *
 *   @BeforeParameterizedClassInvocation
 *   static void open(StoreEngine engine) {
 *     database = engine.open();                       // migrated, empty
 *   }
 *
 *   @AfterParameterizedClassInvocation
 *   static void close() {
 *     database.close();
 *   }
 * }
 * // an emulator on a new store of the engine:
 * LocalFixture fx = LocalFixture.start(engine.emulator().seedPersons(30));
 * }</pre>
 */
public enum StoreEngine {
  /** Embedded H2 in memory, in PostgreSQL mode as the emulator opens it. */
  H2 {
    @Override
    public FreshStore freshStore() {
      return new FreshStore(
          "jdbc:h2:mem:krr-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL", "sa", "");
    }
  },
  /** PostgreSQL 16 from zonky's embedded binaries (Maven Central): no Docker, no install. */
  POSTGRESQL {
    @Override
    public FreshStore freshStore() {
      return EmbeddedPostgresServer.instance().createDatabase();
    }
  };

  /**
   * A new, empty database of this engine (not migrated yet: the emulator or {@link #open} does).
   */
  public abstract FreshStore freshStore();

  /** A new, empty database of this engine, migrated to the latest schema. */
  public Database open() {
    return freshStore().open();
  }

  /** An emulator on a new store of this engine, on a free port; the caller adds the rest. */
  public KrrLocal.Builder emulator() {
    return freshStore().node(KrrLocal.builder().port(0));
  }
}
