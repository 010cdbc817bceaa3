package io.krrkit.bench;

import io.krrkit.core.krr.Status;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.krr.PopulationSpec;
import io.krrkit.local.internal.krr.Register;
import io.krrkit.local.internal.krr.RegisterEntry;
import io.krrkit.local.internal.krr.synthetic.Shares;
import io.krrkit.local.internal.krr.synthetic.SyntheticPerson;
import io.krrkit.local.internal.krr.synthetic.SyntheticRegister;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * The register the lookup benchmarks run on: the emulator's computed population (5.5 million by
 * default), with a share of its registered persons overridden in the store (their language changed,
 * so the stored entry differs from the computed one), and lookup batches of registered persons
 * drawn across the whole population.
 */
final class LookupPopulation {
  /** The population by default, as {@code KrrLocal}'s. */
  static final int DEFAULT_SIZE = KrrLocal.DEFAULT_POPULATION;

  private LookupPopulation() {}

  /**
   * Stores an entry over every {@code 100 / percent}-th registered active person of {@code krr}'s
   * population (0: none); returns how many, having printed how long it took.
   */
  static long override(KrrLocal krr, int percent) {
    if (percent <= 0) {
      return 0;
    }
    Register register = Internals.of(krr).register();
    SyntheticRegister generator = generator(register);
    int size = register.populationSpec().orElseThrow().size();
    long started = System.nanoTime();
    long stored =
        register.putAll(
            LongStream.iterate(0, i -> i < size, i -> i + 100 / percent)
                .mapToObj(generator::person)
                .filter(SyntheticPerson::isRegistered)
                .map(SyntheticPerson::entry)
                // A SLETTET entry holds only its number: nothing to override.
                .filter(e -> e.status() == Status.AKTIV)
                .map(LookupPopulation::otherLanguage));
    System.out.printf(
        "stored %,d overriding entries (%d %% of the population) in %.1f s%n",
        stored, percent, (System.nanoTime() - started) / 1e9);
    return stored;
  }

  /** {@code count} registered persons drawn at random across the population, in random order. */
  static List<String> registeredIds(KrrLocal krr, int count) {
    Register register = Internals.of(krr).register();
    SyntheticRegister generator = generator(register);
    int size = register.populationSpec().orElseThrow().size();
    SplittableRandom random = new SplittableRandom(7);
    return random
        .longs(0, size)
        .mapToObj(generator::person)
        .filter(SyntheticPerson::isRegistered)
        .limit(count)
        .map(p -> p.personidentifikator().value())
        .toList();
  }

  private static SyntheticRegister generator(Register register) {
    PopulationSpec spec = register.populationSpec().orElseThrow();
    return new SyntheticRegister(spec.seed(), Shares.DEFAULT, spec.drawnAt());
  }

  private static RegisterEntry otherLanguage(RegisterEntry e) {
    return e.withSpraak(
        e.spraak() == null || e.spraak().equals("nn") ? "nb" : "nn", e.spraakOppdatert());
  }
}
