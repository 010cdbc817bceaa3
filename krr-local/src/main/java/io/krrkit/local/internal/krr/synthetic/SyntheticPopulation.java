package io.krrkit.local.internal.krr.synthetic;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.krr.Status;
import io.krrkit.local.internal.krr.Population;
import io.krrkit.local.internal.krr.PopulationSpec;
import io.krrkit.local.internal.krr.RegisterEntry;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@link Population} of a {@link PopulationSpec}: the {@link KnownPersons} and the registered
 * part of a synthetic population, drawn at the spec's instant. Nothing is stored or walked: a
 * person is drawn when asked for, in constant time, so 5.5 million persons cost what 10 000 do.
 *
 * <pre>{@code
 * Population p = new SyntheticPopulation(new PopulationSpec(5_500_000, 1, now), Shares.DEFAULT);
 * p.find(KnownPersons.ACTIVE); // AKTIV, fresh e-mail and mobile
 * }</pre>
 */
public final class SyntheticPopulation implements Population {
  /** How many of the population's first persons a log-in page's search looks through. */
  static final int SAMPLE = 2000;

  private final PopulationSpec spec;
  private final SyntheticRegister synthetic;
  private final List<RegisterEntry> knownInOrder;
  private final Map<Personidentifikator, RegisterEntry> known;
  // The active persons among the first SAMPLE, in order: drawn at the first search.
  private volatile List<Personidentifikator> sample;

  /** The population {@code spec} records, with {@code shares}. */
  public SyntheticPopulation(PopulationSpec spec, Shares shares) {
    this.spec = Objects.requireNonNull(spec, "spec == null");
    if (spec.size() > SyntheticRegister.MAX_POPULATION) {
      throw new IllegalArgumentException(
          "population size must be 0.."
              + SyntheticRegister.MAX_POPULATION
              + ", was "
              + spec.size());
    }
    this.synthetic = new SyntheticRegister(spec.seed(), shares, spec.drawnAt());
    this.knownInOrder = KnownPersons.entries(spec.drawnAt());
    this.known =
        knownInOrder.stream()
            .collect(Collectors.toMap(RegisterEntry::personidentifikator, Function.identity()));
  }

  /** How {@link io.krrkit.local.internal.krr.Register} computes each spec the store records. */
  public static Function<PopulationSpec, Population> with(Shares shares) {
    Objects.requireNonNull(shares, "shares == null");
    return spec -> new SyntheticPopulation(spec, shares);
  }

  @Override
  public Optional<RegisterEntry> find(Personidentifikator id) {
    RegisterEntry entry = known.get(id);
    if (entry != null) {
      return Optional.of(entry);
    }
    return synthetic.person(id, spec.size()).map(SyntheticPerson::entry);
  }

  @Override
  public List<Personidentifikator> sampleActive(String digits, int limit) {
    Stream<Personidentifikator> whole =
        digits.length() == 11 && Personidentifikator.isValid(digits)
            ? Stream.of(Personidentifikator.of(digits)).filter(this::isActive)
            : Stream.empty();
    return Stream.concat(whole, sample().stream().filter(id -> id.value().startsWith(digits)))
        .distinct()
        .sorted()
        .limit(limit)
        .toList();
  }

  /** The known persons first, then the synthetic population in its order. */
  @Override
  public long span() {
    return knownInOrder.size() + (long) spec.size();
  }

  @Override
  public Optional<RegisterEntry> atPosition(long position) {
    if (position < 0 || position >= span()) {
      throw new IndexOutOfBoundsException("position must be in [0, " + span() + "): " + position);
    }
    if (position < knownInOrder.size()) {
      return Optional.of(knownInOrder.get((int) position));
    }
    return Optional.ofNullable(synthetic.person(position - knownInOrder.size()).entry());
  }

  private boolean isActive(Personidentifikator id) {
    return find(id).filter(e -> e.status() == Status.AKTIV).isPresent();
  }

  private List<Personidentifikator> sample() {
    List<Personidentifikator> drawn = sample;
    if (drawn == null) {
      Stream<RegisterEntry> first =
          synthetic
              .population(Math.min(SAMPLE, spec.size()))
              .filter(SyntheticPerson::isRegistered)
              .map(SyntheticPerson::entry);
      drawn =
          Stream.concat(known.values().stream(), first)
              .filter(e -> e.status() == Status.AKTIV)
              .map(RegisterEntry::personidentifikator)
              .sorted()
              .toList();
      sample = drawn;
    }
    return drawn;
  }
}
