package io.krrkit.local.internal.maskinporten;

/**
 * Takes an {@code Authorization: Bearer <token>} header apart (RFC 6750 §2.1, scheme matched
 * without regard to case), for every verifier of the emulator's access tokens.
 */
public final class BearerHeader {
  private static final String BEARER = "bearer ";

  private BearerHeader() {}

  /**
   * The token in {@code header}.
   *
   * @throws InvalidTokenException when the header is missing, blank or not {@code Bearer <token>};
   *     the message never contains the header's value
   */
  public static String token(String header) {
    if (header == null || header.isBlank()) {
      throw new InvalidTokenException("no access token, send Authorization: Bearer <token>");
    }
    String value = header.strip();
    if (value.length() <= BEARER.length()
        || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new InvalidTokenException("the Authorization header must be Bearer <token>");
    }
    return value.substring(BEARER.length()).strip();
  }
}
