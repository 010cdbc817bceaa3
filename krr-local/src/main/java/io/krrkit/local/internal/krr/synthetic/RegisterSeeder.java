package io.krrkit.local.internal.krr.synthetic;

import io.krrkit.local.internal.krr.Register;
import io.krrkit.local.internal.krr.RegisterEntry;
import io.krrkit.local.internal.store.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty register: the {@link KnownPersons} plus a synthetic population, with timestamps
 * relative to the emulator's clock. Logs how many persons it stored and how long it took.
 */
public final class RegisterSeeder {
  private static final Logger log = LoggerFactory.getLogger(RegisterSeeder.class);

  private final Register register;
  private final Clock clock;
  private final Shares shares;

  /** Seeds {@code register} with {@code shares}, timestamps relative to {@code clock}. */
  public RegisterSeeder(Register register, Clock clock, Shares shares) {
    this.register = Objects.requireNonNull(register, "register == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.shares = Objects.requireNonNull(shares, "shares == null");
  }

  /**
   * When the register is empty, stores the known persons and the registered part of a synthetic
   * population of {@code populationSize} drawn with {@code seed}. Returns the number of persons
   * stored (0 when the register already held persons, or another node on the same store is seeding
   * it at this moment).
   */
  public long seedIfEmpty(int populationSize, long seed) {
    long held = register.count();
    if (held > 0) {
      log.info("KRR register holds {} persons; not seeding", held);
      return 0;
    }
    long started = System.nanoTime();
    Instant now = clock.instant();
    List<RegisterEntry> known = KnownPersons.entries(now);
    SyntheticRegister synthetic = new SyntheticRegister(seed, shares, now);
    if (!claim(known.get(0))) {
      log.info("KRR register is being seeded by another node on this store; not seeding");
      return 0;
    }
    Stream<RegisterEntry> rest =
        Stream.concat(known.stream().skip(1), synthetic.entries(populationSize));
    long stored = 1 + register.putAll(rest);
    long millis = (System.nanoTime() - started) / 1_000_000;
    log.info(
        "Seeded KRR register: {} persons stored ({} known + registered part of a synthetic"
            + " population of {}, seed {}) in {} ms",
        stored,
        known.size(),
        populationSize,
        seed,
        millis);
    return stored;
  }

  /**
   * Stores the first person alone, committed at once: nodes starting together on one empty store
   * all find it empty, and the one whose insert wins seeds while the others leave it to that one.
   */
  private boolean claim(RegisterEntry first) {
    try {
      register.putAll(Stream.of(first));
      return true;
    } catch (StoreException e) {
      if (!e.isDuplicateKey()) {
        throw e;
      }
      return false;
    }
  }
}
