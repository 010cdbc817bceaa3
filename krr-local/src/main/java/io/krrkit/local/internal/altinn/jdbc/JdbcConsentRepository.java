package io.krrkit.local.internal.altinn.jdbc;

import io.krrkit.core.OrgNumber;
import io.krrkit.local.internal.altinn.Consent;
import io.krrkit.local.internal.altinn.ConsentRepository;
import io.krrkit.local.internal.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link ConsentRepository} on the emulator's JDBC store. */
public final class JdbcConsentRepository implements ConsentRepository {
  private static final String COLUMNS =
      "id, from_party, to_orgno, consented, valid_to, consent_rights, created";

  private final Jdbc jdbc;

  /** Uses {@code jdbc} for every statement. */
  public JdbcConsentRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean insert(Consent c) {
    return jdbc.insertUnlessTaken(
        "INSERT INTO altinn_consent (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
        c.id(),
        c.from(),
        c.to().value(),
        c.consented().toEpochMilli(),
        c.validTo().toEpochMilli(),
        c.consentRights(),
        c.created().toEpochMilli());
  }

  @Override
  public Optional<Consent> find(String id) {
    return jdbc.queryOne(
        "SELECT " + COLUMNS + " FROM altinn_consent WHERE id = ?", JdbcConsentRepository::map, id);
  }

  @Override
  public List<Consent> findAll() {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM altinn_consent ORDER BY created, id",
        JdbcConsentRepository::map);
  }

  @Override
  public boolean delete(String id) {
    return jdbc.update("DELETE FROM altinn_consent WHERE id = ?", id) > 0;
  }

  @Override
  public void deleteAll() {
    jdbc.update("DELETE FROM altinn_consent");
  }

  private static Consent map(ResultSet rs) throws SQLException {
    return new Consent(
        rs.getString("id"),
        rs.getString("from_party"),
        OrgNumber.of(rs.getString("to_orgno")),
        Instant.ofEpochMilli(rs.getLong("consented")),
        Instant.ofEpochMilli(rs.getLong("valid_to")),
        rs.getString("consent_rights"),
        Instant.ofEpochMilli(rs.getLong("created")));
  }
}
