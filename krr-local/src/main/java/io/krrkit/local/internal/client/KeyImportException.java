package io.krrkit.local.internal.client;

import java.util.Objects;

/**
 * A key could not be imported: read ({@link KeyImport}) or added to a client ({@link KeyRing}).
 * {@link #problem()} says why and which form field it concerns, and {@link #detail()} carries the
 * one safe value the message needs (a key type, a size), never any of the input itself.
 */
public final class KeyImportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a key was refused, with the field it concerns and an English message. */
  public enum Problem {
    /** Nothing was given. */
    EMPTY("key", "paste a public key or choose a file"),
    /** More text than any public key or certificate needs. */
    TOO_LARGE("key", "the input is larger than 64 KB; a public key or certificate is far smaller"),
    /** Neither a JWK, a PEM public key nor a certificate. */
    MALFORMED(
        "key",
        "the key could not be read; give a public JWK, a PEM public key (-----BEGIN PUBLIC"
            + " KEY-----) or an X.509 certificate"),
    /** A JWK set with other than one key. */
    NOT_ONE_KEY("key", "the JWK set holds %s keys; give one key at a time"),
    /** Private key material: refused, and never shown back. */
    PRIVATE_KEY(
        "key", "this is a private key; keep it secret and give only the public key instead"),
    /** Not an RSA key. */
    NOT_RSA("key", "this is a %s key; only RSA keys (RS256) are supported"),
    /** An RSA key of another size than 2048 bits. */
    WRONG_SIZE("key", "this is a %s-bit RSA key; only 2048-bit keys are supported"),
    /** A JWK whose {@code alg} is not RS256. */
    WRONG_ALG("key", "the JWK's alg must be RS256 (or left out)"),
    /** A JWK whose {@code use} is not {@code sig}. */
    WRONG_USE("key", "the JWK's use must be sig (or left out)"),
    /** A key id with characters a {@code kid} may not hold. */
    KID_INVALID("kid", "the key id may hold only letters, digits and . _ - (at most 255)"),
    /** The client holds the most keys it may already. */
    TOO_MANY_KEYS(
        "key", "the integration holds %s keys already, the most allowed; delete one first"),
    /** The client holds a key with this kid already. */
    KID_ON_CLIENT("kid", "the integration has a key with this key id already; choose another"),
    /** Another client holds a key with this kid; kids are unique across all clients. */
    KID_TAKEN(
        "kid", "another integration holds a key with this key id; key ids are unique across all"),
    /** The expiry is not in the future, or more than a year away. */
    EXPIRY_OUT_OF_RANGE("expires", "the expiry must be after now and at most one year away");

    private final String field;
    private final String message;

    Problem(String field, String message) {
      this.field = field;
      this.message = message;
    }

    /** The form field the problem concerns: {@code key}, {@code kid} or {@code expires}. */
    public String field() {
      return field;
    }
  }

  private final Problem problem;
  private final String detail;

  KeyImportException(Problem problem, String detail) {
    super(Objects.requireNonNull(problem, "problem == null").message.formatted(detail));
    this.problem = problem;
    this.detail = detail;
  }

  KeyImportException(Problem problem) {
    this(problem, null);
  }

  /** Why the key was refused. */
  public Problem problem() {
    return problem;
  }

  /** The value the message names (a key type or a size), or {@code null}. */
  public String detail() {
    return detail;
  }
}
