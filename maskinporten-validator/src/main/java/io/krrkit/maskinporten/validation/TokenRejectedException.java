package io.krrkit.maskinporten.validation;

import java.util.Objects;

/**
 * The access token is not valid for this API. {@link #reason()} says why; the message says what the
 * caller should do and never contains the token.
 */
public final class TokenRejectedException extends TokenValidationException {
  private static final long serialVersionUID = 1L;

  /** Why a token was rejected. */
  public enum Reason {
    /** Not a signed JWT, too large, or a claim has the wrong type or format. */
    MALFORMED,
    /** Signed with another algorithm than RS256 (Maskinporten signs only with RS256). */
    UNSUPPORTED_ALGORITHM,
    /** No {@code kid}, or one the issuer does not publish. */
    UNKNOWN_KEY,
    /** The signature does not verify with the published key. */
    BAD_SIGNATURE,
    /** Issued by another issuer (e.g. the test environment's token in production). */
    WRONG_ISSUER,
    /** {@code exp} has passed (beyond the allowed skew). */
    EXPIRED,
    /** A claim every Maskinporten token has is missing. */
    MISSING_CLAIM,
    /** The token lacks a scope this API requires; answer 403 {@code insufficient_scope}. */
    MISSING_SCOPE,
    /** The token is audience-restricted to another API. */
    WRONG_AUDIENCE
  }

  private final Reason reason;

  TokenRejectedException(Reason reason, String message) {
    super(message, null);
    this.reason = Objects.requireNonNull(reason, "reason == null");
  }

  /** Why the token was rejected. */
  public Reason reason() {
    return reason;
  }
}
