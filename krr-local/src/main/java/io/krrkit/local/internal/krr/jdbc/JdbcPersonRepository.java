package io.krrkit.local.internal.krr.jdbc;

import io.krrkit.core.Personidentifikator;
import io.krrkit.local.internal.krr.Change;
import io.krrkit.local.internal.krr.Overlay;
import io.krrkit.local.internal.krr.PersonRepository;
import io.krrkit.local.internal.krr.PopulationSpec;
import io.krrkit.local.internal.krr.RegisterEntry;
import io.krrkit.local.internal.krr.SeedClaim;
import io.krrkit.local.internal.krr.SeedState;
import io.krrkit.local.internal.store.Jdbc;
import io.krrkit.local.internal.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@link PersonRepository} on the emulator's JDBC store (schema {@code V4__register.sql}, persons
 * forgotten from the computed population in {@code V15__population.sql}). Bulk inserts are
 * committed every {@value #COMMIT_ROWS} rows: on PostgreSQL with {@code COPY} ({@link PersonCopy}),
 * elsewhere in JDBC batches of {@value #BATCH_ROWS} rows.
 */
public final class JdbcPersonRepository implements PersonRepository {
  static final int BATCH_ROWS = 1000;
  static final int COMMIT_ROWS = 20_000;
  // A put loses the insert race at most once: the row it lost to is there for the retry.
  private static final int PUT_ATTEMPTS = 3;

  private static final String SELECT =
      "SELECT "
          + PersonRow.COLUMNS_QUALIFIED
          + ", c.der_base64 FROM person p"
          + " LEFT JOIN person_certificate c ON c.fingerprint = p.certificate_fingerprint";
  // The requested ids as a table joined to the primary keys: one index lookup per id in H2 and
  // PostgreSQL alike, where IN (?, ...) and = ANY(?) made H2 test each row against the whole list.
  // The population's record comes along as one more row, so a lookup is one query.
  private static final String OVERLAY =
      "SELECT 'P' AS kind, f.personidentifikator AS forgotten, "
          + PersonRow.COLUMNS_QUALIFIED
          + ", c.der_base64, CAST(NULL AS INTEGER) AS population, CAST(NULL AS BIGINT) AS seed,"
          + " CAST(NULL AS BIGINT) AS drawn_at"
          + " FROM UNNEST(CAST(? AS VARCHAR(11) ARRAY)) AS wanted(id)"
          + " LEFT JOIN person p ON p.personidentifikator = wanted.id"
          + " LEFT JOIN person_certificate c ON c.fingerprint = p.certificate_fingerprint"
          + " LEFT JOIN person_forgotten f ON f.personidentifikator = wanted.id"
          + " WHERE p.personidentifikator IS NOT NULL OR f.personidentifikator IS NOT NULL"
          + " UNION ALL SELECT 'S', NULL, "
          + "NULL, ".repeat(PersonRow.TYPES.length + 1)
          + JdbcSeedClaim.POPULATION_COLUMNS
          + " FROM register_seed s WHERE s.id = 1";
  private static final String CHANGES =
      SELECT.replace(" FROM person p", ", p.change_id FROM person p")
          + " WHERE p.change_id > ? ORDER BY p.change_id LIMIT ?";
  private static final String PAGE =
      SELECT + " WHERE p.personidentifikator > ? ORDER BY p.personidentifikator LIMIT ?";
  private static final String INSERT =
      "INSERT INTO person ("
          + PersonRow.COLUMNS
          + ", change_id) VALUES ("
          + "?, ".repeat(PersonRow.TYPES.length)
          + "nextval('person_change_seq'))";
  private static final String UPDATE =
      "UPDATE person SET "
          + PersonRow.UPDATE_ASSIGNMENTS
          + ", change_id = nextval('person_change_seq') WHERE personidentifikator = ?";
  // ON CONFLICT DO NOTHING: PostgreSQL, and H2 in its PostgreSQL mode (how Database opens H2).
  private static final String INSERT_CERTIFICATE =
      "INSERT INTO person_certificate (fingerprint, der_base64) VALUES (?, ?)"
          + " ON CONFLICT DO NOTHING";

  private static final String UNFORGET =
      "DELETE FROM person_forgotten WHERE personidentifikator = ?";

  private final Jdbc jdbc;

  /** Uses {@code jdbc} for every statement. */
  public JdbcPersonRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Overlay overlay(Collection<Personidentifikator> ids) {
    Set<Personidentifikator> distinct = new LinkedHashSet<>(ids);
    if (distinct.size() > MAX_BATCH) {
      throw new IllegalArgumentException(
          "overlay takes at most " + MAX_BATCH + " ids, got " + distinct.size());
    }
    String[] values = distinct.stream().map(Personidentifikator::value).toArray(String[]::new);
    Map<Personidentifikator, RegisterEntry> entries = new HashMap<>();
    Set<Personidentifikator> forgotten = new HashSet<>();
    Optional<PopulationSpec> population = Optional.empty();
    for (Object row : jdbc.query(OVERLAY, JdbcPersonRepository::overlayRow, (Object) values)) {
      if (row instanceof RegisterEntry entry) {
        entries.put(entry.personidentifikator(), entry);
      } else if (row instanceof Personidentifikator id) {
        forgotten.add(id);
      } else if (row instanceof Optional<?> recorded) {
        population = recorded.map(PopulationSpec.class::cast);
      }
    }
    return new Overlay(entries, forgotten, population);
  }

  /** A stored entry, a forgotten person, or the population's record. */
  private static Object overlayRow(ResultSet rs) throws SQLException {
    if ("S".equals(rs.getString("kind"))) {
      return JdbcSeedClaim.population(rs);
    }
    String forgotten = rs.getString("forgotten");
    return forgotten != null && rs.getString("personidentifikator") == null
        ? Personidentifikator.of(forgotten)
        : PersonRow.map(rs);
  }

  @Override
  public Optional<PopulationSpec> population() {
    return JdbcSeedClaim.population(jdbc);
  }

  @Override
  public Optional<RegisterEntry> findById(Personidentifikator id) {
    return jdbc.queryOne(SELECT + " WHERE p.personidentifikator = ?", PersonRow::map, id.value());
  }

  /**
   * Updates the row, or inserts it when there is none. Two first puts of one person at once both
   * find no row; the second insert then fails on the primary key (PostgreSQL waits for the first to
   * commit; H2 likewise), and is run again as an update: the upsert never fails on the race.
   */
  @Override
  public boolean put(RegisterEntry entry) {
    for (int attempt = 1; ; attempt++) {
      try {
        return jdbc.inTransaction(c -> upsert(c, entry));
      } catch (StoreException e) {
        if (!e.isDuplicateKey() || attempt == PUT_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** True when it inserted. */
  private static boolean upsert(Connection c, RegisterEntry entry) throws SQLException {
    Object[] values = PersonRow.values(entry, saveCertificate(c, entry.sertifikat()));
    try (PreparedStatement ps = Jdbc.prepare(c, UNFORGET, entry.personidentifikator().value())) {
      ps.executeUpdate();
    }
    if (execute(c, UPDATE, values) > 0) {
      return false;
    }
    execute(c, INSERT, values);
    return true;
  }

  @Override
  public long insertAll(Stream<RegisterEntry> entries) {
    Iterator<RegisterEntry> it = entries.iterator();
    CertificateCache certificates = new CertificateCache();
    long inserted = 0;
    while (it.hasNext()) {
      inserted += jdbc.inTransaction(c -> insertChunk(c, it, certificates));
    }
    return inserted;
  }

  @Override
  public long count() {
    return jdbc.queryOne("SELECT COUNT(*) FROM person", rs -> rs.getLong(1)).orElse(0L);
  }

  @Override
  public List<Change> changesAfter(long afterChangeId, int limit) {
    return jdbc.query(
        CHANGES,
        rs -> new Change(rs.getLong("change_id"), PersonRow.map(rs)),
        afterChangeId,
        limit);
  }

  @Override
  public long latestChangeId() {
    return jdbc.queryOne("SELECT MAX(change_id) FROM person", rs -> rs.getLong(1))
        .filter(id -> id > Change.NONE)
        .orElse(Change.NONE);
  }

  @Override
  public List<RegisterEntry> page(Personidentifikator afterId, int limit) {
    String after = afterId == null ? "" : afterId.value();
    return jdbc.query(PAGE, PersonRow::map, after, limit);
  }

  @Override
  public boolean forget(Personidentifikator id, boolean overPopulation) {
    return jdbc.inTransaction(
        c -> {
          int removed;
          try (PreparedStatement ps =
              Jdbc.prepare(c, "DELETE FROM person WHERE personidentifikator = ?", id.value())) {
            removed = ps.executeUpdate();
          }
          if (!overPopulation) {
            return removed > 0;
          }
          try (PreparedStatement ps = Jdbc.prepare(c, UNFORGET, id.value());
              PreparedStatement insert =
                  Jdbc.prepare(
                      c,
                      "INSERT INTO person_forgotten (personidentifikator) VALUES (?)",
                      id.value())) {
            ps.executeUpdate();
            insert.executeUpdate();
          }
          return true;
        });
  }

  @Override
  public List<Personidentifikator> forgotten() {
    return jdbc.query(
        "SELECT personidentifikator FROM person_forgotten ORDER BY personidentifikator",
        rs -> Personidentifikator.of(rs.getString(1)));
  }

  @Override
  public void deleteAll() {
    jdbc.inTransaction(
        c -> {
          try (PreparedStatement persons = c.prepareStatement("DELETE FROM person");
              PreparedStatement certificates =
                  c.prepareStatement("DELETE FROM person_certificate");
              PreparedStatement forgotten = c.prepareStatement("DELETE FROM person_forgotten")) {
            persons.executeUpdate();
            certificates.executeUpdate();
            forgotten.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public SeedState seedState() {
    return JdbcSeedClaim.state(jdbc);
  }

  @Override
  public Optional<SeedClaim> claimSeeding() {
    return JdbcSeedClaim.take(jdbc);
  }

  private static int insertChunk(
      Connection c, Iterator<RegisterEntry> it, CertificateCache certificates) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    while (rows.size() < COMMIT_ROWS && it.hasNext()) {
      RegisterEntry entry = it.next();
      rows.add(PersonRow.values(entry, certificates.fingerprint(c, entry.sertifikat())));
    }
    if (PersonCopy.supports(c)) {
      PersonCopy.copy(c, rows);
    } else {
      insertBatches(c, rows);
    }
    return rows.size();
  }

  private static void insertBatches(Connection c, List<Object[]> rows) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (int i = 0; i < rows.size(); i++) {
        PersonRow.bind(ps, rows.get(i));
        ps.addBatch();
        if ((i + 1) % BATCH_ROWS == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  /** Stores a certificate once under its fingerprint; returns the fingerprint (null for none). */
  private static String saveCertificate(Connection c, String der64) throws SQLException {
    if (der64 == null) {
      return null;
    }
    String fingerprint = PersonRow.fingerprint(der64);
    try (PreparedStatement ps = Jdbc.prepare(c, INSERT_CERTIFICATE, fingerprint, der64)) {
      ps.executeUpdate();
    }
    return fingerprint;
  }

  private static int execute(Connection c, String sql, Object[] values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      PersonRow.bind(ps, values);
      return ps.executeUpdate();
    }
  }

  /**
   * Remembers certificates already stored during one bulk insert, so a seeded population that
   * shares one certificate hashes and stores it once.
   */
  private static final class CertificateCache {
    private static final int MAX_REMEMBERED = 1000;
    private final Map<String, String> fingerprints = new HashMap<>();

    String fingerprint(Connection c, String der64) throws SQLException {
      if (der64 == null) {
        return null;
      }
      String known = fingerprints.get(der64);
      if (known != null) {
        return known;
      }
      if (fingerprints.size() >= MAX_REMEMBERED) {
        fingerprints.clear();
      }
      String fingerprint = saveCertificate(c, der64);
      fingerprints.put(der64, fingerprint);
      return fingerprint;
    }
  }
}
