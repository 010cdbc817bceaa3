package io.krrkit.local.internal.krr.synthetic;

import io.krrkit.local.internal.krr.PopulationSpec;
import io.krrkit.local.internal.krr.Register;
import io.krrkit.local.internal.krr.SeedClaim;
import io.krrkit.local.internal.krr.SeedState;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws the register's population: records in the store which synthetic population (size, seed,
 * instant) the register computes beside the {@link KnownPersons}, so every node on the store
 * computes the same persons. No person is written, so a population of millions is ready at once.
 * One node draws at a time (a claim the store releases when the node dies).
 *
 * <p>A store seeded before populations were computed keeps its stored persons and computes none,
 * until {@link #reseed} (the operator API's seed, or a reset) draws one.
 */
public final class RegisterSeeder {
  private static final Logger log = LoggerFactory.getLogger(RegisterSeeder.class);

  private final Register register;
  private final Clock clock;

  /** Draws {@code register}'s population, timestamps relative to {@code clock}. */
  public RegisterSeeder(Register register, Clock clock) {
    this.register = Objects.requireNonNull(register, "register == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /**
   * When the register has no population yet, draws one of {@code populationSize} synthetic persons
   * with {@code seed}, as of now; a seed that was cut short (a crash mid-way, in versions that
   * stored seeded persons) is removed first. Returns true when it drew (false when the register has
   * its population already, or another node on the same store is drawing now).
   */
  public boolean seedIfEmpty(int populationSize, long seed) {
    if (register.seedState() == SeedState.DONE) {
      log.info("KRR register: {}; not drawing a population", describe());
      return false;
    }
    Optional<SeedClaim> claim = register.claimSeeding();
    if (claim.isEmpty()) {
      log.info("KRR register is being seeded by another node on this store; not drawing");
      return false;
    }
    try (SeedClaim held = claim.get()) {
      switch (held.state()) {
        case DONE:
          return false; // another node finished while we looked
        case SEEDING:
          log.warn(
              "The last seed of the KRR register was cut short ({} persons stored); drawing a"
                  + " population instead",
              register.count());
          register.clear();
          break;
        case NONE:
        default:
          break;
      }
      draw(held, new PopulationSpec(populationSize, seed, clock.instant()));
      return true;
    }
  }

  /**
   * Empties what the store holds over the population and draws the population anew, as of now.
   * Returns false without changing anything when another node is drawing now.
   */
  public boolean reseed(int populationSize, long seed) {
    return redraw(populationSize, seed, false);
  }

  /**
   * Empties what the store holds over the population and keeps the population the register
   * computes: the same persons, their timestamps relative to the same instant as before, when the
   * recorded population has {@code populationSize} and {@code seed}; otherwise draws one as of now
   * (a store seeded before populations were computed, or seeded with other values). A reset does
   * this, so a reset gives back exactly the persons a start gave. Returns false without changing
   * anything when another node is drawing now.
   */
  public boolean restore(int populationSize, long seed) {
    return redraw(populationSize, seed, true);
  }

  private boolean redraw(int populationSize, long seed, boolean keepInstant) {
    Optional<SeedClaim> claim = register.claimSeeding();
    if (claim.isEmpty()) {
      log.info("KRR register is being seeded by another node on this store; not drawing it anew");
      return false;
    }
    try (SeedClaim held = claim.get()) {
      Instant drawnAt =
          register
              .populationSpec()
              .filter(p -> keepInstant && p.size() == populationSize && p.seed() == seed)
              .map(PopulationSpec::drawnAt)
              .orElseGet(clock::instant);
      register.clear();
      draw(held, new PopulationSpec(populationSize, seed, drawnAt));
      return true;
    }
  }

  private void draw(SeedClaim claim, PopulationSpec population) {
    claim.draw(population, clock.instant());
    log.info(
        "KRR register: {} known persons and a synthetic population of {} (seed {}), computed;"
            + " none stored",
        KnownPersons.ALL.size() - 1,
        population.size(),
        population.seed());
  }

  private String describe() {
    return register
            .populationSpec()
            .map(p -> "a computed population of " + p.size() + " (seed " + p.seed() + ")")
            .orElse("no computed population")
        + " and "
        + register.count()
        + " persons stored";
  }
}
