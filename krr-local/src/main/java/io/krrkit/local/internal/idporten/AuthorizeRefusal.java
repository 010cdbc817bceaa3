package io.krrkit.local.internal.idporten;

/**
 * An authorization request ID-porten cannot send back to the client, because the client or its
 * {@code redirect_uri} is unknown: answered with an error page, never a redirect (RFC 6749
 * §4.1.2.1).
 */
public final class AuthorizeRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AuthorizeRefusal(String description) {
    super(description, null, false, false);
  }
}
