package io.krrkit.krr;

import java.util.Objects;

/**
 * Supplies the bearer token {@link KrrClient} sends to KRR: a Maskinporten access token from the
 * environment matching the KRR environment, carrying {@code krr:global/kontaktinformasjon.read}
 * and/or {@code krr:global/digitalpost.read}.
 *
 * <p>The client asks for a token before every request, so a caching source (such as a Maskinporten
 * client) should answer from its cache and refresh ahead of expiry. Implementations must be
 * thread-safe.
 *
 * <pre>{@code
 * AccessTokenSource tokens = () -> myTokenCache.currentToken();
 * }</pre>
 */
@FunctionalInterface
public interface AccessTokenSource {

  /**
   * A current access token, without the {@code Bearer } prefix. May block while a new token is
   * fetched.
   *
   * @throws RuntimeException when no token can be had; the client reports it as a {@link
   *     KrrTokenException}
   */
  String accessToken();

  /**
   * Told when KRR refused {@code token} with 401, so a caching source can drop it; the client then
   * asks once for a new token and tries again. Does nothing by default.
   */
  default void invalidate(String token) {}

  /** A source that always returns {@code token}; handy for scripts and tests. */
  static AccessTokenSource fixed(String token) {
    Objects.requireNonNull(token, "token == null");
    return () -> token;
  }
}
