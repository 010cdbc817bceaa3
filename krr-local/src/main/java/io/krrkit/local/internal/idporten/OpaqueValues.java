package io.krrkit.local.internal.idporten;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Authorization codes and refresh tokens: 256 random bits, base64url; stored only as their SHA-256
 * ({@link Pkce#challengeOf}, the same hash), so the store never holds a value a client could
 * present.
 */
final class OpaqueValues {
  private final SecureRandom random = new SecureRandom();

  /** A fresh value to hand to a client. */
  String next() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The key {@code value} is stored under. */
  static String storeKey(String value) {
    return Pkce.challengeOf(value);
  }
}
