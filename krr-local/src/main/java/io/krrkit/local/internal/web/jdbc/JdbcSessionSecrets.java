package io.krrkit.local.internal.web.jdbc;

import io.krrkit.local.internal.store.Jdbc;
import io.krrkit.local.internal.web.SessionSecrets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/** {@link SessionSecrets} in the store ({@code web_secret}). */
public final class JdbcSessionSecrets implements SessionSecrets {
  private static final String FIND = "SELECT secret FROM web_secret WHERE name = ?";
  private static final String INSERT =
      "INSERT INTO web_secret (name, secret, created) VALUES (?, ?, ?)";

  private final Jdbc jdbc;
  private final SecureRandom random;
  private final Clock clock;

  public JdbcSessionSecrets(Jdbc jdbc, SecureRandom random, Clock clock) {
    this.jdbc = jdbc;
    this.random = random;
    this.clock = clock;
  }

  @Override
  public byte[] loadOrCreate(String name) {
    return find(name)
        .orElseGet(
            () -> {
              byte[] fresh = new byte[32];
              random.nextBytes(fresh);
              insert(name, fresh);
              // Another node may have won the race: the stored one is the one to use.
              return find(name).orElseThrow(() -> new IllegalStateException("no secret " + name));
            });
  }

  private Optional<byte[]> find(String name) {
    return jdbc.queryOne(FIND, rs -> Base64.getUrlDecoder().decode(rs.getString(1)), name);
  }

  private void insert(String name, byte[] secret) {
    jdbc.insertUnlessTaken(
        INSERT,
        name,
        Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
        clock.millis());
  }
}
