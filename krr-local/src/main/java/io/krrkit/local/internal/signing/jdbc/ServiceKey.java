package io.krrkit.local.internal.signing.jdbc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.local.internal.store.Jdbc;
import java.time.Clock;
import java.util.Objects;

/**
 * The RSA key one emulated service (ID-porten, the KRR signed answers) signs with, kept in the
 * store (table {@code service_signing_key}) so every node on one store signs and publishes alike.
 * Unlike Maskinporten's keys it does not rotate. Thread-safe.
 *
 * <pre>{@code
 * ServiceKey key = ServiceKey.loadOrCreate(jdbc, "idporten", clock);
 * String jwt = key.sign(claims);       // RS256, header {kid, alg}
 * String jwks = key.jwks().toString(); // the public half, for {issuer}/jwk
 * }</pre>
 */
public final class ServiceKey {
  private static final int KEY_SIZE = 2048;

  private final ServiceKeyRepository repository;
  private final String service;
  private final Clock clock;
  private volatile Loaded loaded;

  private ServiceKey(ServiceKeyRepository repository, String service, Clock clock) {
    this.repository = repository;
    this.service = service;
    this.clock = clock;
  }

  /**
   * The key of {@code service}, loaded from the store on first use, or generated and stored when
   * the store has none (so an emulator that never signs for the service never pays for a key). When
   * several nodes start at once, one insert wins and the others load its key.
   */
  public static ServiceKey loadOrCreate(Jdbc jdbc, String service, Clock clock) {
    return new ServiceKey(
        new ServiceKeyRepository(Objects.requireNonNull(jdbc, "jdbc == null")),
        Objects.requireNonNull(service, "service == null"),
        Objects.requireNonNull(clock, "clock == null"));
  }

  /** Signs {@code claims} as a JWT: RS256, header {@code {kid, alg}}. */
  public String sign(JWTClaimsSet claims) {
    return signTyped(claims, null);
  }

  /** Signs {@code claims} as a JWT with header {@code {kid, alg: RS256, typ}}. */
  public String signTyped(JWTClaimsSet claims, String typ) {
    return sign(new SignedJWT(header(typ), claims));
  }

  /** Signs {@code payload} (JSON text) as a compact JWS, RS256, header {@code {kid, alg, typ}}. */
  public String signPayload(String payload, String typ) {
    return sign(new JWSObject(header(typ), new Payload(payload)));
  }

  /** The public key as a JWK set, as published at a {@code jwk} endpoint. */
  public JWKSet jwks() {
    return new JWKSet(publicJwk());
  }

  /** The public key. */
  public RSAKey publicJwk() {
    return loaded().privateJwk().toPublicJWK();
  }

  private JWSHeader header(String typ) {
    JWSHeader.Builder header =
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(loaded().privateJwk().getKeyID());
    return typ == null ? header.build() : header.type(new JOSEObjectType(typ)).build();
  }

  private String sign(JWSObject object) {
    try {
      object.sign(loaded().signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("the " + service + " key failed to sign", e);
    }
    return object.serialize();
  }

  private Loaded loaded() {
    Loaded key = loaded;
    if (key == null) {
      synchronized (this) {
        if (loaded == null) {
          loaded = Loaded.of(load());
        }
        key = loaded;
      }
    }
    return key;
  }

  private RSAKey load() {
    return repository
        .find(service)
        .orElseGet(
            () -> {
              repository.insert(service, generate(), clock.instant());
              return repository
                  .find(service)
                  .orElseThrow(() -> new IllegalStateException("no key for " + service));
            });
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(KEY_SIZE)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .keyIDFromThumbprint(true)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an RSA signing key", e);
    }
  }

  /** Names the service, never the key. */
  @Override
  public String toString() {
    return "ServiceKey[" + service + "]";
  }

  /** The key with its signer made once. */
  private record Loaded(RSAKey privateJwk, JWSSigner signer) {
    static Loaded of(RSAKey key) {
      try {
        return new Loaded(key, new RSASSASigner(key));
      } catch (JOSEException e) {
        throw new IllegalStateException("a stored service key is not usable", e);
      }
    }
  }
}
