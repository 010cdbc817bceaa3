package io.krrkit.local.internal.client;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A public key read by {@link KeyImport}, as the JWK {@link ClientRegistry#replaceKeys} takes:
 * {@code kty, alg (RS256), use (sig), kid, n, e}, maybe {@code x5c} and {@code exp}.
 *
 * @param kid the key id: the one given, the JWK's own, or the RFC 7638 thumbprint
 * @param jwk the public JWK members as parsed JSON
 */
public record ImportedKey(String kid, Map<String, Object> jwk) {
  /** Freezes the members; the JWK must carry {@code kid}. */
  public ImportedKey {
    Objects.requireNonNull(kid, "kid == null");
    jwk = Map.copyOf(jwk);
    if (!kid.equals(jwk.get("kid"))) {
      throw new IllegalArgumentException("jwk.kid must be " + kid);
    }
  }

  /** The same key with {@code exp} set to {@code expires} (epoch seconds). */
  public ImportedKey withExpiry(Instant expires) {
    Map<String, Object> members = new LinkedHashMap<>(jwk);
    members.put("exp", expires.getEpochSecond());
    return new ImportedKey(kid, members);
  }

  /** The key's own {@code exp} (from a pasted JWK or {@link #withExpiry}), or {@code null}. */
  public Instant expiry() {
    return jwk.get("exp") instanceof Number seconds
        ? Instant.ofEpochSecond(seconds.longValue())
        : null;
  }
}
