package io.krrkit.selfservice;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The keys registered on a client ({@code GET /clients/{id}/jwks}): at most five.
 *
 * @param keys never {@code null}
 * @param created when the set was first uploaded, or {@code null} without keys
 * @param lastUpdated when it last changed, or {@code null} without keys
 */
public record ClientKeySet(
    @JsonProperty("keys") List<ClientKey> keys,
    @JsonProperty("created") OffsetDateTime created,
    @JsonProperty("last_updated") OffsetDateTime lastUpdated) {

  /** At most this many keys per client. */
  public static final int MAX_KEYS = 5;

  /** Turns absent keys into an empty list. */
  public ClientKeySet {
    keys = keys == null ? List.of() : List.copyOf(keys);
  }

  /** The key with id {@code kid}. */
  public Optional<ClientKey> find(String kid) {
    return keys.stream().filter(k -> k.kid().equals(kid)).findFirst();
  }

  /** The key ids, in the API's order. */
  public List<String> kids() {
    return keys.stream().map(ClientKey::kid).toList();
  }
}
