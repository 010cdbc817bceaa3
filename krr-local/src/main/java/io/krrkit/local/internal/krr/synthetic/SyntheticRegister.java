package io.krrkit.local.internal.krr.synthetic;

import io.krrkit.core.Personidentifikator;
import io.krrkit.local.internal.krr.RegisterEntry;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A deterministic synthetic KRR population: the same seed, shares and instant give the same persons
 * in the same order. Identity numbers are drawn without repeats from the whole synthetic space
 * (month + 80, valid control digits); each person's attributes come from a random source seeded by
 * the seed and the person, so a prefix of a larger population equals the smaller one, and any one
 * person can be drawn alone ({@link #person(Personidentifikator, int)}).
 *
 * <pre>{@code
 * SyntheticRegister synthetic = new SyntheticRegister(42, Shares.DEFAULT, clock.instant());
 * synthetic.entries(100_000); // about 85 000 persons: 84 % AKTIV, 1 % SLETTET
 * }</pre>
 */
public final class SyntheticRegister {
  /** The largest population one seed can draw (the space holds about 12.9 million numbers). */
  public static final int MAX_POPULATION = 10_000_000;

  private final long seed;
  private final IdentitySpace space;
  private final PersonDraw draw;

  /** A generator for {@code seed} and {@code shares}, with timestamps before {@code now}. */
  public SyntheticRegister(long seed, Shares shares, Instant now) {
    this.seed = seed;
    this.space = new IdentitySpace(seed);
    this.draw =
        new PersonDraw(
            Objects.requireNonNull(shares, "shares == null"),
            Objects.requireNonNull(now, "now == null"),
            TestCertificate.BASE64);
  }

  /** The first {@code size} persons of the population, registered or not. Lazy. */
  public Stream<SyntheticPerson> population(int size) {
    if (size < 0 || size > MAX_POPULATION) {
      throw new IllegalArgumentException(
          "population size must be 0.." + MAX_POPULATION + ", was " + size);
    }
    return LongStream.range(0, size).mapToObj(space::at).map(this::person);
  }

  /**
   * The person {@code id} when the first {@code size} persons of the population hold them, else
   * empty; in constant time, so a population of millions answers without being stored.
   */
  public Optional<SyntheticPerson> person(Personidentifikator id, int size) {
    long index = space.indexOf(id);
    return index >= 0 && index < size ? Optional.of(person(id)) : Optional.empty();
  }

  /** The person at {@code index} of the population: the last of {@code population(index + 1)}. */
  public SyntheticPerson person(long index) {
    return person(space.at(index));
  }

  private SyntheticPerson person(Personidentifikator id) {
    return new SyntheticPerson(id, draw.draw(id, randomFor(id)));
  }

  /** The register entries of {@link #population(int)}: the persons KRR holds. Lazy. */
  public Stream<RegisterEntry> entries(int size) {
    return population(size).filter(SyntheticPerson::isRegistered).map(SyntheticPerson::entry);
  }

  private SplittableRandom randomFor(Personidentifikator id) {
    return new SplittableRandom(FeistelPermutation.mix(seed ^ Long.parseLong(id.value())));
  }
}
