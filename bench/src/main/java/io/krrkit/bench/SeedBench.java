package io.krrkit.bench;

import io.krrkit.local.internal.krr.Register;
import io.krrkit.local.internal.krr.jdbc.JdbcPersonRepository;
import io.krrkit.local.internal.krr.synthetic.RegisterSeeder;
import io.krrkit.local.internal.krr.synthetic.Shares;
import io.krrkit.local.internal.krr.synthetic.SyntheticPopulation;
import io.krrkit.local.internal.krr.synthetic.SyntheticRegister;
import io.krrkit.local.internal.store.Database;
import io.krrkit.local.internal.store.Jdbc;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * The KRR register's start and bulk rates: draws a computed population as {@code krr serve} does on
 * first start (only its record is written, whatever its size), then stores the registered part of a
 * population as the bulk path does (a replace import of a state file, benchmark set-ups: batched
 * INSERTs on H2, {@code COPY} on PostgreSQL), and prints both.
 *
 * <pre>
 * java -cp bench/target/bench.jar io.krrkit.bench.SeedBench 1000000                  # in-memory H2
 * java -cp bench/target/bench.jar io.krrkit.bench.SeedBench 1000000 /tmp/krr-seed-h2  # H2 file
 * java -cp bench/target/bench.jar io.krrkit.bench.SeedBench 1000000 \
 *     'jdbc:postgresql://localhost:5432/krr_seed?user=postgres'                    # empty database
 * </pre>
 */
public final class SeedBench {
  private SeedBench() {}

  /** {@code SeedBench POPULATION [H2-DIR | JDBC-URL]}. */
  public static void main(String[] args) {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: SeedBench POPULATION [H2-DIR | JDBC-URL of an empty database]");
      System.exit(2);
    }
    int population = Integer.parseInt(args[0]);
    try (Database database = open(args.length > 1 ? args[1] : null)) {
      Clock clock = Clock.systemUTC();
      Register register =
          new Register(
              new JdbcPersonRepository(new Jdbc(database.dataSource())),
              clock,
              SyntheticPopulation.with(Shares.DEFAULT));
      long start = System.nanoTime();
      new RegisterSeeder(register, clock).seedIfEmpty(population, 1);
      double drawSeconds = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      long stored =
          register.putAll(
              new SyntheticRegister(2, Shares.DEFAULT, clock.instant()).entries(population));
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "%s: population of %d drawn in %.3f s (no person stored); bulk store of %d persons in %.1f s"
              + " = %.0f rows/s%n",
          database.isPostgres() ? "PostgreSQL (COPY)" : "H2 (batched INSERT)",
          population,
          drawSeconds,
          stored,
          seconds,
          stored / seconds);
    }
  }

  private static Database open(String where) {
    if (where == null) {
      return Database.h2InMemory();
    }
    if (where.startsWith("jdbc:")) {
      return Database.connect(where, null, null);
    }
    return Database.h2File(Path.of(where));
  }
}
