package io.krrkit.local.internal.store;

import io.krrkit.local.KrrLocal;
import java.util.Objects;

/**
 * Where an empty test database is: what {@code krr serve --db} takes. Several emulator nodes given
 * one {@code FreshStore} share it, as nodes behind a load balancer share one PostgreSQL.
 *
 * @param url the JDBC URL
 * @param user the database user
 * @param password the user's password (test databases only)
 */
public record FreshStore(String url, String user, String password) {
  /** Requires the URL. */
  public FreshStore {
    Objects.requireNonNull(url, "url == null");
  }

  /** Opens the store, migrating it to the latest schema; the caller closes it. */
  public Database open() {
    return Database.connect(url, user, password);
  }

  /** Points an emulator at this store: {@code builder.jdbc(url, user, password)}. */
  public KrrLocal.Builder node(KrrLocal.Builder builder) {
    return builder.jdbc(url, user, password);
  }

  /** Names the database, never the password. */
  @Override
  public String toString() {
    return "FreshStore[" + url + "]";
  }
}
