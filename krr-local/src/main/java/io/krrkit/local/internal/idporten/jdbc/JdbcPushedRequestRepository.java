package io.krrkit.local.internal.idporten.jdbc;

import io.krrkit.local.internal.idporten.PushedRequest;
import io.krrkit.local.internal.idporten.PushedRequestRepository;
import io.krrkit.local.internal.store.Jdbc;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** {@link PushedRequestRepository} on table {@code idporten_pushed_request} (V13). */
public final class JdbcPushedRequestRepository implements PushedRequestRepository {
  private final Jdbc jdbc;

  public JdbcPushedRequestRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(PushedRequest r) {
    jdbc.update(
        "INSERT INTO idporten_pushed_request (request_hash, client_id, parameters, expires, used)"
            + " VALUES (?, ?, ?, ?, FALSE)",
        r.requestHash(),
        r.clientId(),
        encode(r.parameters()),
        r.expires().toEpochMilli());
  }

  @Override
  public Optional<PushedRequest> find(String requestHash) {
    return jdbc.queryOne(
        "SELECT * FROM idporten_pushed_request WHERE request_hash = ?",
        JdbcPushedRequestRepository::map,
        requestHash);
  }

  @Override
  public boolean markUsed(String requestHash) {
    return jdbc.update(
            "UPDATE idporten_pushed_request SET used = TRUE WHERE request_hash = ? AND used = FALSE",
            requestHash)
        == 1;
  }

  private static PushedRequest map(ResultSet rs) throws SQLException {
    return new PushedRequest(
        rs.getString("request_hash"),
        rs.getString("client_id"),
        decode(rs.getString("parameters")),
        Instant.ofEpochMilli(rs.getLong("expires")));
  }

  private static String encode(Map<String, String> parameters) {
    StringJoiner form = new StringJoiner("&");
    parameters.forEach(
        (k, v) ->
            form.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return form.toString();
  }

  private static Map<String, String> decode(String form) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (form.isEmpty()) {
      return parameters;
    }
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      parameters.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return parameters;
  }
}
