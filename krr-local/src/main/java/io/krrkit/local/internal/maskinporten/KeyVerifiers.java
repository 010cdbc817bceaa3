package io.krrkit.local.internal.maskinporten;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signature verifiers for registered client keys, made once per key instead of once per grant.
 *
 * <p>Only a parse cache, never an authority: entries are keyed by the public JWK's exact text as
 * stored, and the caller looks the key up on every request (through a {@link
 * io.krrkit.local.internal.cache.ReadCache}, at most a second old), so a deleted, expired or
 * replaced key stops being used at once on this node and within a second on every other.
 * Thread-safe; bounded by clearing.
 */
final class KeyVerifiers {
  /** More distinct keys than any emulator holds; past it the cache starts over. */
  static final int MAX_ENTRIES = 10_000;

  private final ConcurrentHashMap<String, RSASSAVerifier> byJwk = new ConcurrentHashMap<>();

  /** A verifier for {@code publicJwk}, or empty when it is not a usable RSA public key. */
  Optional<RSASSAVerifier> forJwk(String publicJwk) {
    RSASSAVerifier cached = byJwk.get(publicJwk);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<RSASSAVerifier> made = make(publicJwk);
    made.ifPresent(
        verifier -> {
          if (byJwk.size() >= MAX_ENTRIES) {
            byJwk.clear();
          }
          byJwk.put(publicJwk, verifier);
        });
    return made;
  }

  private static Optional<RSASSAVerifier> make(String publicJwk) {
    try {
      return Optional.of(new RSASSAVerifier(RSAKey.parse(publicJwk)));
    } catch (ParseException | JOSEException e) {
      return Optional.empty();
    }
  }
}
