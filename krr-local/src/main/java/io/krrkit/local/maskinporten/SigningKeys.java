package io.krrkit.local.maskinporten;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's signing keys, cached from the store. On start the newest active key is loaded, or
 * one is generated and stored, so every node on one store signs with, and publishes, the same key.
 * Thread-safe.
 */
final class SigningKeys {
  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

  private final SigningKeyRepository repository;
  private volatile Snapshot snapshot;

  private SigningKeys(SigningKeyRepository repository, List<SigningKey> active) {
    this.repository = repository;
    this.snapshot = new Snapshot(active);
  }

  /**
   * Loads the active keys, generating a first key of {@code keySize} bits when the store has none.
   * When several nodes start at once, one insert wins and the others load its key.
   */
  static SigningKeys loadOrCreate(SigningKeyRepository repository, int keySize, Clock clock) {
    Objects.requireNonNull(repository, "repository == null");
    List<SigningKey> active = repository.findActive();
    if (active.isEmpty()) {
      SigningKey key =
          new SigningKey(generate(keySize), 1, clock.instant(), SigningKey.State.ACTIVE);
      if (repository.insert(key)) {
        log.info("generated signing key {} (RSA {})", key.kid(), keySize);
      }
      active = repository.findActive();
    }
    if (active.isEmpty()) {
      throw new IllegalStateException("no active signing key in the store after generating one");
    }
    return new SigningKeys(repository, active);
  }

  /** Signs {@code claims} with the newest active key; header {@code {kid, alg: RS256}}. */
  String sign(JWTClaimsSet claims) {
    Snapshot keys = snapshot;
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.current.kid()).build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(keys.signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("signing key " + keys.current.kid() + " failed to sign", e);
    }
    return jwt.serialize();
  }

  /** The public halves of every active key, newest first, as published at the JWKS endpoint. */
  List<RSAKey> published() {
    return List.copyOf(refresh().publicKeys.values());
  }

  /**
   * A verifier for the published key {@code kid}; reloads from the store once when the key is not
   * cached (another node may have added it).
   */
  Optional<JWSVerifier> verifier(String kid) {
    JWSVerifier cached = snapshot.verifiers.get(kid);
    return cached != null ? Optional.of(cached) : Optional.ofNullable(refresh().verifiers.get(kid));
  }

  private Snapshot refresh() {
    List<SigningKey> active = repository.findActive();
    Snapshot current = snapshot;
    if (!active.isEmpty() && !current.sameKeys(active)) {
      snapshot = new Snapshot(active);
    }
    return snapshot;
  }

  private static RSAKey generate(int keySize) {
    try {
      return new RSAKeyGenerator(keySize)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .keyIDFromThumbprint(true)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an RSA " + keySize + " signing key", e);
    }
  }

  /** Active keys as loaded once, with the signer and verifiers made from them. */
  private static final class Snapshot {
    final SigningKey current;
    final JWSSigner signer;
    final Map<String, RSAKey> publicKeys = new LinkedHashMap<>();
    final Map<String, JWSVerifier> verifiers = new LinkedHashMap<>();

    Snapshot(List<SigningKey> newestFirst) {
      this.current = newestFirst.get(0);
      try {
        this.signer = new RSASSASigner(current.privateJwk());
        for (SigningKey key : newestFirst) {
          publicKeys.put(key.kid(), key.publicJwk());
          verifiers.put(key.kid(), new RSASSAVerifier(key.publicJwk()));
        }
      } catch (JOSEException e) {
        throw new IllegalStateException("a stored signing key is not a usable RSA key", e);
      }
    }

    boolean sameKeys(List<SigningKey> keys) {
      return keys.stream().map(SigningKey::kid).toList().equals(List.copyOf(publicKeys.keySet()));
    }
  }
}
