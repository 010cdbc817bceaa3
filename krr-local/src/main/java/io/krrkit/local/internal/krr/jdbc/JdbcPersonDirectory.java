package io.krrkit.local.internal.krr.jdbc;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.krr.Status;
import io.krrkit.local.internal.krr.PersonDirectory;
import io.krrkit.local.internal.krr.PersonRepository;
import io.krrkit.local.internal.krr.Register;
import io.krrkit.local.internal.krr.RegisterEntry;
import io.krrkit.local.internal.store.Jdbc;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@link PersonDirectory} over the register: the active persons stored in its {@code person} table
 * (the register's API does not search by prefix), and those of a bounded sample of its computed
 * population (and the searched number itself, when whole), never a walk of millions of persons.
 */
public final class JdbcPersonDirectory implements PersonDirectory {
  private static final String SEARCH =
      "SELECT personidentifikator FROM person WHERE status = 'AKTIV'"
          + " AND personidentifikator LIKE ? ORDER BY personidentifikator LIMIT ?";

  private final Jdbc jdbc;
  private final Register register;

  /** A directory over {@code register}, stored in {@code jdbc}'s database. */
  public JdbcPersonDirectory(Jdbc jdbc, Register register) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc == null");
    this.register = Objects.requireNonNull(register, "register == null");
  }

  @Override
  public List<String> active(String prefix, int limit) {
    String digits = PersonDirectory.digits(prefix);
    List<String> stored = jdbc.query(SEARCH, rs -> rs.getString(1), digits + "%", limit);
    List<Personidentifikator> sampled =
        register.population().sampleActive(digits, Math.min(limit, PersonRepository.MAX_BATCH));
    // A sampled person may have been changed, deleted or forgotten since: ask the register.
    Map<Personidentifikator, RegisterEntry> now = register.findAll(sampled);
    Stream<String> computed =
        sampled.stream()
            .filter(id -> now.containsKey(id) && now.get(id).status() == Status.AKTIV)
            .map(Personidentifikator::value);
    return Stream.concat(stored.stream(), computed).distinct().sorted().limit(limit).toList();
  }

  @Override
  public boolean exists(String pid) {
    return Personidentifikator.isValid(pid)
        && register.find(Personidentifikator.of(pid)).isPresent();
  }
}
