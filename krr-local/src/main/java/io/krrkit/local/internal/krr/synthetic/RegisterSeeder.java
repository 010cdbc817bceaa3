package io.krrkit.local.internal.krr.synthetic;

import io.krrkit.local.internal.krr.Register;
import io.krrkit.local.internal.krr.RegisterEntry;
import io.krrkit.local.internal.krr.SeedClaim;
import io.krrkit.local.internal.krr.SeedState;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty register: the {@link KnownPersons} plus a synthetic population, with timestamps
 * relative to the emulator's clock. Logs how many persons it stored and how long it took. One node
 * seeds at a time (a claim the store releases when the node dies), and a seed cut short by a crash
 * is redone at the next start.
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
   * When the register was never seeded, stores the known persons and the registered part of a
   * synthetic population of {@code populationSize} drawn with {@code seed}; when a seed was cut
   * short (a crash mid-way), removes what it stored and seeds again. Returns the number of persons
   * stored (0 when the register was seeded already, or another node on the same store is seeding it
   * at this moment).
   */
  public long seedIfEmpty(int populationSize, long seed) {
    if (register.seedState() == SeedState.DONE) {
      log.info("KRR register holds {} persons; not seeding", register.count());
      return 0;
    }
    Optional<SeedClaim> claim = register.claimSeeding();
    if (claim.isEmpty()) {
      log.info("KRR register is being seeded by another node on this store; not seeding");
      return 0;
    }
    try (SeedClaim held = claim.get()) {
      switch (held.state()) {
        case DONE:
          return 0; // another node finished while we looked
        case SEEDING:
          log.warn(
              "The last seed of the KRR register was cut short ({} persons stored); seeding it"
                  + " again",
              register.count());
          held.begin(populationSize, seed, clock.instant());
          register.clear();
          break;
        case NONE:
        default:
          long persons = register.count();
          if (persons > 0) {
            log.info("KRR register holds {} persons put before any seed; not seeding", persons);
            held.finish(clock.instant());
            return 0;
          }
          held.begin(populationSize, seed, clock.instant());
      }
      return seed(held, populationSize, seed);
    }
  }

  /**
   * Empties the register and seeds it anew, as {@link #seedIfEmpty} would an empty one. Returns the
   * number of persons stored, or 0 without changing anything when another node is seeding now.
   */
  public long reseed(int populationSize, long seed) {
    Optional<SeedClaim> claim = register.claimSeeding();
    if (claim.isEmpty()) {
      log.info("KRR register is being seeded by another node on this store; not reseeding");
      return 0;
    }
    try (SeedClaim held = claim.get()) {
      held.begin(populationSize, seed, clock.instant());
      register.clear();
      return seed(held, populationSize, seed);
    }
  }

  // Called after claim.begin: the state says SEEDING from before the first person until the last
  // is committed, so a crash anywhere in between is seen by the next start.
  private long seed(SeedClaim claim, int populationSize, long seed) {
    long started = System.nanoTime();
    Instant now = clock.instant();
    List<RegisterEntry> known = KnownPersons.entries(now);
    SyntheticRegister synthetic = new SyntheticRegister(seed, shares, now);
    long stored = register.putAll(Stream.concat(known.stream(), synthetic.entries(populationSize)));
    claim.finish(clock.instant());
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
}
