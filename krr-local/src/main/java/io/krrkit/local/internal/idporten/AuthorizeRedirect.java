package io.krrkit.local.internal.idporten;

/**
 * An authorization request refused with an answer the client gets: a redirect to its registered
 * {@code redirect_uri} with {@code error}, {@code error_description} and {@code state}.
 */
public final class AuthorizeRedirect extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String location;

  AuthorizeRedirect(String location, String description) {
    super(description, null, false, false);
    this.location = location;
  }

  /** Where the browser is sent. */
  public String location() {
    return location;
  }
}
