package io.krrkit.local.internal.signing;

import java.time.Instant;
import java.util.Objects;

/**
 * Where one of the emulator's signing keys is in its life, as the operator API shows it.
 *
 * @param kid the key id in token headers and at the JWKS endpoint
 * @param generation order of creation
 * @param stage upcoming, signing or retiring
 * @param activates when the key starts (or started) signing
 * @param signsUntil when the next generation takes over, or {@code null} while none is planned
 * @param publishedUntil when the key leaves the JWKS endpoint (every token it signed has expired),
 *     or {@code null} while it still signs
 */
public record SigningKeyStatus(
    String kid,
    int generation,
    Stage stage,
    Instant activates,
    Instant signsUntil,
    Instant publishedUntil) {

  /** The stages of a published key. */
  public enum Stage {
    /** Published, not yet signing: resource servers learn it before it signs. */
    NEXT,
    /** Signs new access tokens. */
    SIGNING,
    /** No longer signs; published until the tokens it signed have expired. */
    RETIRING
  }

  /** Checks that nothing required is missing. */
  public SigningKeyStatus {
    Objects.requireNonNull(kid, "kid == null");
    Objects.requireNonNull(stage, "stage == null");
    Objects.requireNonNull(activates, "activates == null");
  }
}
