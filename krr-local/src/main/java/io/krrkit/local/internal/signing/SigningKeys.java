package io.krrkit.local.internal.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing keys of one emulated service (Maskinporten's access tokens, ID-porten's tokens, the
 * KRR person endpoint's signed answers), cached from the store and rotated through it, so every
 * node on one store signs with, and publishes, the same keys. Thread-safe.
 *
 * <pre>{@code
 * SigningKeys keys = SigningKeys.onFirstUse(
 *     new JdbcSigningKeyRepository(jdbc, "idporten"), 2048, retention, clock);
 * String jwt = keys.sign(claims, "at+jwt"); // RS256, header {kid, alg, typ}
 * String jwks = keys.jwks().toString();     // the published public halves, for {issuer}/jwk
 * }</pre>
 *
 * <p>Life of a key: {@link #rotate} stores the next generation with an activation instant ahead of
 * now, and publishes it at once (stage {@code NEXT}); at activation it takes over signing (every
 * node decides by its clock, reloading the store every {@value #RELOAD_SECONDS} s); the previous
 * key stays published for {@code retention} more (the longest token life plus the verifiers' skew),
 * so every token it signed verifies until it expires; then it leaves the JWKS.
 */
public final class SigningKeys {
  /** Default time between a rotation and the new key's first signature: 60 s. */
  public static final Duration DEFAULT_PUBLICATION_DELAY = Duration.ofSeconds(60);

  /** RSA bits of a service's key unless the operator chooses: 2048. */
  public static final int DEFAULT_KEY_SIZE = 2048;

  static final long RELOAD_SECONDS = 5;

  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
  private static final int INSERT_ATTEMPTS = 3;

  private final SigningKeyRepository repository;
  private final int keySize;
  private final Duration retention;
  private final Clock clock;
  private volatile Snapshot snapshot;

  private SigningKeys(
      SigningKeyRepository repository, int keySize, Duration retention, Clock clock) {
    this.repository = repository;
    this.keySize = keySize;
    this.retention = retention;
    this.clock = clock;
  }

  /**
   * Loads the keys now, generating a first key of {@code keySize} bits when the store has none.
   * When several nodes start at once, one insert wins and the others load its key.
   *
   * @param retention how long a key stays published after it stopped signing
   */
  public static SigningKeys loadOrCreate(
      SigningKeyRepository repository, int keySize, Duration retention, Clock clock) {
    SigningKeys keys = onFirstUse(repository, keySize, retention, clock);
    keys.reload(keys.clock.instant());
    return keys;
  }

  /**
   * As {@link #loadOrCreate}, but loads (or generates) on first use, so an emulator that never
   * signs for a service never pays for its key.
   */
  public static SigningKeys onFirstUse(
      SigningKeyRepository repository, int keySize, Duration retention, Clock clock) {
    return new SigningKeys(
        Objects.requireNonNull(repository, "repository == null"),
        keySize,
        Objects.requireNonNull(retention, "retention == null"),
        Objects.requireNonNull(clock, "clock == null"));
  }

  /** Signs {@code claims} with the key that signs now; header {@code {kid, alg: RS256}}. */
  public String sign(JWTClaimsSet claims) {
    return sign(claims, null);
  }

  /** Signs {@code claims}; header {@code {kid, alg: RS256, typ}}, no {@code typ} when null. */
  public String sign(JWTClaimsSet claims, String typ) {
    Loaded key = signingNow();
    return sign(new SignedJWT(header(key, typ), claims), key);
  }

  /** Signs {@code payload} (JSON text) as a compact JWS; header {@code {kid, alg: RS256, typ}}. */
  public String signPayload(String payload, String typ) {
    Loaded key = signingNow();
    return sign(new JWSObject(header(key, typ), new Payload(payload)), key);
  }

  /** The published public keys as a JWK set, as served at the service's JWKS endpoint. */
  public JWKSet jwks() {
    return new JWKSet(List.<JWK>copyOf(published()));
  }

  private Loaded signingNow() {
    Instant now = clock.instant();
    return current(now).signing(now);
  }

  private static JWSHeader header(Loaded key, String typ) {
    JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid());
    return typ == null ? header.build() : header.type(new JOSEObjectType(typ)).build();
  }

  private static String sign(JWSObject object, Loaded key) {
    try {
      object.sign(key.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("signing key " + key.kid() + " failed to sign", e);
    }
    return object.serialize();
  }

  /** The public halves of every published key, newest first, as served at the JWKS endpoint. */
  public List<RSAKey> published() {
    Instant now = clock.instant();
    return reload(now).published(now, retention).stream().map(Loaded::publicJwk).toList();
  }

  /**
   * The published key {@code kid}; reloads from the store once when it is not cached (another node
   * may have added it).
   */
  public Optional<RSAKey> publishedKey(String kid) {
    Instant now = clock.instant();
    Optional<RSAKey> cached = current(now).publishedKey(kid, now, retention);
    return cached.isPresent() ? cached : reload(now).publishedKey(kid, now, retention);
  }

  /**
   * Stores the next generation, published from now and signing from {@code now + delay}; the key
   * signing now keeps signing until then.
   *
   * @throws IllegalArgumentException when {@code delay} is not positive
   */
  public SigningKeyStatus rotate(Duration delay) {
    if (delay.isNegative() || delay.isZero()) {
      throw new IllegalArgumentException(
          "the publication delay must be positive, so resource servers see the key first");
    }
    RSAKey jwk = generate(keySize);
    for (int attempt = 1; attempt <= INSERT_ATTEMPTS; attempt++) {
      Instant now = clock.instant();
      int generation = reload(now).newestGeneration() + 1;
      SigningKey next =
          new SigningKey(jwk, generation, now, SigningKey.State.ACTIVE, now.plus(delay));
      if (repository.insert(next)) {
        log.info("signing key {} published, signs from {}", next.kid(), next.activates());
        return statusOf(reload(now), next.kid(), now);
      }
    }
    throw new IllegalStateException("another node keeps rotating the signing key; try again");
  }

  /** The published keys, newest first, with their stages at the current time. */
  public List<SigningKeyStatus> status() {
    Instant now = clock.instant();
    Snapshot keys = reload(now);
    return keys.published(now, retention).stream().map(k -> statusOf(keys, k.kid(), now)).toList();
  }

  private SigningKeyStatus statusOf(Snapshot keys, String kid, Instant now) {
    return keys.status(kid, now, retention);
  }

  private Snapshot current(Instant now) {
    Snapshot keys = snapshot;
    return keys != null
            && keys.loadedAt.plusSeconds(RELOAD_SECONDS).isAfter(now)
            && !keys.loadedAt.isAfter(now)
        ? keys
        : reload(now);
  }

  private Snapshot reload(Instant now) {
    List<SigningKey> stored = repository.findActive();
    if (stored.isEmpty()) {
      insertFirst(now);
      stored = repository.findActive();
    }
    if (stored.isEmpty()) {
      throw new IllegalStateException("no signing key in the store for " + repository);
    }
    Snapshot previous = snapshot;
    snapshot = new Snapshot(stored, now, previous);
    return snapshot;
  }

  /** Generation 1, signing from now; when several nodes race, one insert wins. */
  private void insertFirst(Instant now) {
    SigningKey first = new SigningKey(generate(keySize), 1, now, SigningKey.State.ACTIVE, now);
    if (repository.insert(first)) {
      log.info("generated signing key {} (RSA {}) for {}", first.kid(), keySize, repository);
    }
  }

  private static RSAKey generate(int keySize) {
    try {
      return RsaKeyPool.shared().takeSigningKey(keySize).keyIDFromThumbprint().build();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot make an RSA " + keySize + " signing key", e);
    }
  }

  /** A stored key with its signer made once ({@link ReusedSignatureSigner}). */
  private record Loaded(SigningKey key, JWSSigner signer, RSAKey publicJwk) {
    String kid() {
      return key.kid();
    }

    static Loaded of(SigningKey key) {
      try {
        return new Loaded(
            key, new ReusedSignatureSigner(key.privateJwk().toPrivateKey()), key.publicJwk());
      } catch (JOSEException e) {
        throw new IllegalStateException("stored signing key " + key.kid() + " is not usable", e);
      }
    }
  }

  /** The stored keys as loaded at one instant, newest generation first. */
  private static final class Snapshot {
    final Instant loadedAt;
    final List<Loaded> newestFirst = new ArrayList<>();

    Snapshot(List<SigningKey> stored, Instant loadedAt, Snapshot previous) {
      this.loadedAt = loadedAt;
      Map<String, Loaded> reuse = new HashMap<>();
      if (previous != null) {
        previous.newestFirst.forEach(k -> reuse.put(k.kid(), k));
      }
      for (SigningKey key : stored) {
        Loaded known = reuse.get(key.kid());
        newestFirst.add(known != null ? known : Loaded.of(key));
      }
    }

    int newestGeneration() {
      return newestFirst.get(0).key().generation();
    }

    /** The newest key activated by {@code now}; the oldest when none is (clock moved back). */
    Loaded signing(Instant now) {
      for (Loaded k : newestFirst) {
        if (!k.key().activates().isAfter(now)) {
          return k;
        }
      }
      return newestFirst.get(newestFirst.size() - 1);
    }

    /** Keys whose successor has not been signing for longer than {@code retention}. */
    public List<Loaded> published(Instant now, Duration retention) {
      List<Loaded> published = new ArrayList<>();
      for (int i = 0; i < newestFirst.size(); i++) {
        Instant until = publishedUntil(i, retention);
        if (until == null || until.isAfter(now)) {
          published.add(newestFirst.get(i));
        }
      }
      return published;
    }

    Optional<RSAKey> publishedKey(String kid, Instant now, Duration retention) {
      return published(now, retention).stream()
          .filter(k -> k.kid().equals(kid))
          .map(Loaded::publicJwk)
          .findFirst();
    }

    public SigningKeyStatus status(String kid, Instant now, Duration retention) {
      int i = indexOf(kid);
      SigningKey key = newestFirst.get(i).key();
      Instant signsUntil = i == 0 ? null : newestFirst.get(i - 1).key().activates();
      Instant publishedUntil = signsUntil == null ? null : signsUntil.plus(retention);
      SigningKeyStatus.Stage stage =
          key.activates().isAfter(now)
              ? SigningKeyStatus.Stage.NEXT
              : signing(now).kid().equals(kid)
                  ? SigningKeyStatus.Stage.SIGNING
                  : SigningKeyStatus.Stage.RETIRING;
      return new SigningKeyStatus(
          kid, key.generation(), stage, key.activates(), signsUntil, publishedUntil);
    }

    private Instant publishedUntil(int index, Duration retention) {
      return index == 0 ? null : newestFirst.get(index - 1).key().activates().plus(retention);
    }

    private int indexOf(String kid) {
      for (int i = 0; i < newestFirst.size(); i++) {
        if (newestFirst.get(i).kid().equals(kid)) {
          return i;
        }
      }
      throw new IllegalArgumentException("no signing key " + kid);
    }
  }
}
