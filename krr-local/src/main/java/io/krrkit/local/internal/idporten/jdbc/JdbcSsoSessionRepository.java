package io.krrkit.local.internal.idporten.jdbc;

import io.krrkit.core.Personidentifikator;
import io.krrkit.local.internal.idporten.SsoSession;
import io.krrkit.local.internal.idporten.SsoSessionRepository;
import io.krrkit.local.internal.store.Jdbc;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link SsoSessionRepository} on tables {@code idporten_session(_client)} (V13). */
public final class JdbcSsoSessionRepository implements SsoSessionRepository {
  private final Jdbc jdbc;

  public JdbcSsoSessionRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(SsoSession s) {
    jdbc.update(
        "INSERT INTO idporten_session (sid, cookie_hash, pid, acr, auth_time, ended)"
            + " VALUES (?, ?, ?, ?, ?, FALSE)",
        s.sid(),
        s.cookieHash(),
        s.pid().value(),
        s.acr(),
        s.authTime().toEpochMilli());
  }

  @Override
  public Optional<SsoSession> findLive(String cookieHash) {
    return jdbc.queryOne(
        "SELECT * FROM idporten_session WHERE cookie_hash = ? AND ended = FALSE",
        rs ->
            new SsoSession(
                rs.getString("sid"),
                rs.getString("cookie_hash"),
                Personidentifikator.of(rs.getString("pid")),
                rs.getString("acr"),
                Instant.ofEpochMilli(rs.getLong("auth_time"))),
        cookieHash);
  }

  @Override
  public void join(String sid, String clientId, Instant when) {
    jdbc.insertUnlessTaken(
        "INSERT INTO idporten_session_client (sid, client_id, joined) VALUES (?, ?, ?)",
        sid,
        clientId,
        when.toEpochMilli());
  }

  @Override
  public List<String> clients(String sid) {
    return jdbc.query(
        "SELECT client_id FROM idporten_session_client WHERE sid = ? ORDER BY joined, client_id",
        rs -> rs.getString(1),
        sid);
  }

  @Override
  public boolean end(String sid) {
    return jdbc.update(
            "UPDATE idporten_session SET ended = TRUE WHERE sid = ? AND ended = FALSE", sid)
        == 1;
  }
}
