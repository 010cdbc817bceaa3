package io.krrkit.local.internal.client;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The keys registered on one client, as {@code GET /clients/{id}/jwks} shows them.
 *
 * @param keys oldest first
 * @param created when the oldest key was uploaded, {@code null} without keys
 * @param lastUpdated when the newest key was uploaded, {@code null} without keys
 */
public record KeySet(List<ClientKey> keys, Instant created, Instant lastUpdated) {
  /** Freezes the list. */
  public KeySet {
    keys = List.copyOf(keys);
  }

  /** The set of {@code keys}, with its times taken from them. */
  public static KeySet of(List<ClientKey> keys) {
    Instant created =
        keys.stream().map(ClientKey::created).min(Comparator.naturalOrder()).orElse(null);
    Instant lastUpdated =
        keys.stream().map(ClientKey::created).max(Comparator.naturalOrder()).orElse(null);
    return new KeySet(keys, created, lastUpdated);
  }
}
