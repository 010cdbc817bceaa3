package io.krrkit.maskinporten;

import io.krrkit.core.Masking;
import io.krrkit.core.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A Maskinporten access token. Treat {@link #value()} as opaque (Digdir may change its format) and
 * pass it on as a bearer token; {@link #toString()} is masked so the token never reaches a log.
 *
 * @param value the {@code access_token}
 * @param expiresAt when the token stops working: the time the request was sent plus {@code
 *     expires_in}
 * @param scopes the scopes granted ({@code scope} of the response)
 */
public record AccessToken(String value, Instant expiresAt, Set<Scope> scopes) {

  /** Validates and freezes. */
  public AccessToken {
    Objects.requireNonNull(value, "value == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes == null"));
    if (value.isBlank()) {
      throw new IllegalArgumentException("value is blank");
    }
  }

  /** The value of an {@code Authorization} header: {@code Bearer <token>}. */
  public String authorizationHeader() {
    return "Bearer " + value;
  }

  /** True when the token has expired by {@code clock}. */
  public boolean isExpired(Clock clock) {
    return !clock.instant().isBefore(expiresAt);
  }

  /** Masked: only the first characters and the length of the token show. */
  @Override
  public String toString() {
    return "AccessToken[value="
        + Masking.secret(value)
        + ", expiresAt="
        + expiresAt
        + ", scopes="
        + scopes
        + "]";
  }
}
