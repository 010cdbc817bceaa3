package io.krrkit.local.internal.krr;

import io.krrkit.core.Personidentifikator;
import java.util.List;
import java.util.Optional;

/**
 * The persons the register computes instead of storing, a pure function of a {@link
 * PopulationSpec}: the store holds only what was written over them (see {@link Register}).
 */
public interface Population {
  /** A population without persons: a register whose persons are all stored. */
  Population NONE =
      new Population() {
        @Override
        public Optional<RegisterEntry> find(Personidentifikator id) {
          return Optional.empty();
        }

        @Override
        public List<Personidentifikator> sampleActive(String digits, int limit) {
          return List.of();
        }

        @Override
        public long span() {
          return 0;
        }

        @Override
        public Optional<RegisterEntry> atPosition(long position) {
          throw new IndexOutOfBoundsException("an empty population has no position " + position);
        }
      };

  /** What the population holds about {@code id} (AKTIV or SLETTET), or empty when nothing. */
  Optional<RegisterEntry> find(Personidentifikator id);

  /**
   * Up to {@code limit} identity numbers of active persons starting with {@code digits}, in order,
   * from a bounded sample of the population (and {@code digits} itself when it is a whole identity
   * number of the population): what a log-in page can offer without walking millions of persons.
   */
  List<Personidentifikator> sampleActive(String digits, int limit);

  /**
   * How many positions the population's persons take in the change feed, registered or not: the
   * feed lists them first, position {@code n} as change id {@link Change#NONE} + 1 + {@code n}.
   */
  long span();

  /** The person at {@code position} (0 to {@link #span()} - 1), or empty when not registered. */
  Optional<RegisterEntry> atPosition(long position);
}
