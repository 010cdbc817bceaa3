package io.krrkit.local.internal.web.jdbc;

import io.krrkit.core.OrgNumber;
import io.krrkit.local.internal.store.Jdbc;
import io.krrkit.local.internal.web.OrganisationNames;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link OrganisationNames} in the {@code web_organisation} table. */
public final class JdbcOrganisationNames implements OrganisationNames {
  private static final String ALL = "SELECT orgno, name FROM web_organisation ORDER BY orgno";
  private static final String NAME = "SELECT name FROM web_organisation WHERE orgno = ?";
  private static final String INSERT =
      "INSERT INTO web_organisation (orgno, name, created) VALUES (?, ?, ?)";
  private static final String RENAME = "UPDATE web_organisation SET name = ? WHERE orgno = ?";

  private final Jdbc jdbc;
  private final Clock clock;

  public JdbcOrganisationNames(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Map<OrgNumber, String> all() {
    Map<OrgNumber, String> names = new LinkedHashMap<>();
    for (Map.Entry<String, String> row :
        jdbc.query(ALL, rs -> Map.entry(rs.getString(1).trim(), rs.getString(2)))) {
      if (OrgNumber.isValid(row.getKey())) {
        names.put(OrgNumber.of(row.getKey()), row.getValue());
      }
    }
    return names;
  }

  @Override
  public Optional<String> find(OrgNumber number) {
    return jdbc.queryOne(NAME, rs -> rs.getString(1), number.value());
  }

  @Override
  public void put(OrgNumber number, String name) {
    if (!jdbc.insertUnlessTaken(INSERT, number.value(), name, clock.millis())) {
      jdbc.update(RENAME, name, number.value());
    }
  }
}
