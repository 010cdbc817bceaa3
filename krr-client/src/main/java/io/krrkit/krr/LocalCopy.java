package io.krrkit.krr;

import io.krrkit.core.krr.Person;
import java.util.List;

/**
 * Where {@link ChangeFeed#sync} keeps the local copy of KRR: the persons and the change id it is up
 * to date with. Implementations apply each page as one unit, so a crash between pages resumes from
 * the last applied page (applying a page twice is harmless: each person is replaced).
 *
 * <pre>{@code
 * LocalCopy copy = JsonLinesCopy.open(Path.of("krr-copy"));
 * feed.sync(copy);
 * }</pre>
 */
public interface LocalCopy {
  /** The change id the copy is up to date with; 0 for an empty copy. */
  long lastChangeId();

  /**
   * Replaces each of {@code changed} (a deleted person comes as {@code SLETTET}) and remembers
   * {@code tilEndringsId} as the new {@link #lastChangeId()}.
   */
  void apply(List<Person> changed, long tilEndringsId);
}
