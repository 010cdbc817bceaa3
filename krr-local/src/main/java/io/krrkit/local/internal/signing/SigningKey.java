package io.krrkit.local.internal.signing;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Instant;
import java.util.Objects;

/**
 * One of the emulator's own RSA keys for signing access tokens.
 *
 * @param privateJwk the key pair as a JWK; its {@code kid} names the key in token headers
 * @param generation order of creation; the newest active generation signs
 * @param created when the key was generated
 * @param state whether the key is in use at all
 * @param activates when the key starts signing (and the previous generation stops); published from
 *     {@code created} on
 */
public record SigningKey(
    RSAKey privateJwk, int generation, Instant created, State state, Instant activates) {

  /** Life cycle of a signing key. */
  public enum State {
    /**
     * In use: published while upcoming, signing or until the tokens it signed have expired; the
     * newest generation whose activation has passed signs.
     */
    ACTIVE,
    /** Neither published nor used. */
    RETIRED
  }

  public SigningKey {
    Objects.requireNonNull(privateJwk, "privateJwk == null");
    Objects.requireNonNull(privateJwk.getKeyID(), "privateJwk has no kid");
    Objects.requireNonNull(created, "created == null");
    Objects.requireNonNull(state, "state == null");
    Objects.requireNonNull(activates, "activates == null");
    if (!privateJwk.isPrivate()) {
      throw new IllegalArgumentException("a signing key needs its private part");
    }
    if (generation < 1) {
      throw new IllegalArgumentException("generation must be >= 1, was " + generation);
    }
  }

  /** The key id. */
  public String kid() {
    return privateJwk.getKeyID();
  }

  /** The public half, as published at {@code {issuer}jwk}. */
  RSAKey publicJwk() {
    return privateJwk.toPublicJWK();
  }

  /** Names the key without its private part (a JWK's own toString would print it). */
  @Override
  public String toString() {
    return "SigningKey[kid="
        + kid()
        + ", generation="
        + generation
        + ", created="
        + created
        + ", state="
        + state
        + ", activates="
        + activates
        + "]";
  }
}
