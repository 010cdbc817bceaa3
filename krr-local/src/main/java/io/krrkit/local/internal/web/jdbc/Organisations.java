package io.krrkit.local.internal.web.jdbc;

import io.krrkit.core.OrgNumber;
import io.krrkit.local.internal.store.Jdbc;
import io.krrkit.local.internal.store.StoreException;
import io.krrkit.local.internal.web.http.Organisation;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The organisations offered on the log-in page: every one the store already knows (client owners,
 * scope owners and consumers, the emulator's own) and those added on the page ({@code
 * web_organisation}, which also holds their names). Reads the other features' tables directly: the
 * page only needs their organisation numbers, which no registry lists.
 */
public final class Organisations {
  private static final String KNOWN =
      "SELECT client_orgno FROM client UNION SELECT owner_orgno FROM api_scope"
          + " UNION SELECT consumer_orgno FROM scope_access UNION SELECT orgno FROM web_organisation";
  private static final String NAMES = "SELECT orgno, name FROM web_organisation";
  private static final String NAME = "SELECT name FROM web_organisation WHERE orgno = ?";
  private static final String INSERT =
      "INSERT INTO web_organisation (orgno, name, created) VALUES (?, ?, ?)";
  private static final String RENAME = "UPDATE web_organisation SET name = ? WHERE orgno = ?";

  private final Jdbc jdbc;
  private final OrgNumber emulatorOrg;
  private final Clock clock;

  public Organisations(Jdbc jdbc, OrgNumber emulatorOrg, Clock clock) {
    this.jdbc = jdbc;
    this.emulatorOrg = emulatorOrg;
    this.clock = clock;
  }

  /** Every organisation known, by number. */
  public List<Organisation> all() {
    Map<String, String> names = new TreeMap<>();
    jdbc.query(KNOWN, rs -> rs.getString(1)).forEach(org -> names.put(org.trim(), null));
    names.put(emulatorOrg.value(), null);
    jdbc.query(NAMES, rs -> Map.entry(rs.getString(1).trim(), rs.getString(2)))
        .forEach(e -> names.put(e.getKey(), e.getValue()));
    return names.entrySet().stream()
        .filter(e -> OrgNumber.isValid(e.getKey()))
        .map(e -> new Organisation(OrgNumber.of(e.getKey()), e.getValue()))
        .toList();
  }

  /** The organisation {@code number}, with its name when the page knows one. */
  public Organisation get(OrgNumber number) {
    return new Organisation(
        number, jdbc.queryOne(NAME, rs -> rs.getString(1), number.value()).orElse(null));
  }

  /** True when {@code number} is among {@link #all()}. */
  public boolean isKnown(OrgNumber number) {
    return all().stream().anyMatch(o -> o.number().equals(number));
  }

  /** Adds (or renames) an organisation. */
  public Organisation add(OrgNumber number, String name) {
    try {
      jdbc.update(INSERT, number.value(), name, clock.millis());
    } catch (StoreException e) {
      if (!e.isDuplicateKey()) {
        throw e;
      }
      jdbc.update(RENAME, name, number.value());
    }
    return new Organisation(number, name);
  }
}
