package io.krrkit.maskinporten;

import java.net.URI;
import java.util.Objects;

/**
 * Which Maskinporten to talk to, named by its issuer. Endpoints are discovered from the issuer's
 * metadata ({@code {issuer}.well-known/oauth-authorization-server}), so the issuer is all a client
 * needs.
 *
 * <pre>{@code
 * MaskinportenEnvironment.TEST;                                         // test.maskinporten.no
 * MaskinportenEnvironment.custom("http://localhost:7070/maskinporten/"); // krr-local
 * }</pre>
 *
 * @param issuer the issuer, with its trailing slash (one is added when missing); it is the {@code
 *     aud} of every grant and must equal the {@code issuer} of the metadata
 */
public record MaskinportenEnvironment(String issuer) {

  /** Digdir's test environment, {@code https://test.maskinporten.no/}. */
  public static final MaskinportenEnvironment TEST =
      new MaskinportenEnvironment("https://test.maskinporten.no/");

  /** Production, {@code https://maskinporten.no/}. */
  public static final MaskinportenEnvironment PRODUCTION =
      new MaskinportenEnvironment("https://maskinporten.no/");

  private static final String METADATA_PATH = ".well-known/oauth-authorization-server";

  /** Checks that the issuer is an absolute http(s) URL and gives it its trailing slash. */
  public MaskinportenEnvironment {
    Objects.requireNonNull(issuer, "issuer == null");
    URI uri = parse(issuer);
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
      throw new MaskinportenConfigException(
          "issuer must be an http(s) URL such as https://test.maskinporten.no/, was " + issuer);
    }
    if (uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
      throw new MaskinportenConfigException(
          "issuer must be a plain URL with a host and no query or fragment, was " + issuer);
    }
    issuer = issuer.endsWith("/") ? issuer : issuer + "/";
  }

  /**
   * An environment for another issuer, e.g. krr-local's {@code
   * http://localhost:7070/maskinporten/}.
   */
  public static MaskinportenEnvironment custom(String issuer) {
    return new MaskinportenEnvironment(issuer);
  }

  /** Where the metadata document is: {@code {issuer}.well-known/oauth-authorization-server}. */
  public URI metadataUri() {
    return URI.create(issuer + METADATA_PATH);
  }

  private static URI parse(String issuer) {
    try {
      return new URI(issuer);
    } catch (java.net.URISyntaxException e) {
      throw new MaskinportenConfigException(
          "issuer is not a valid URL (" + e.getReason() + "), was " + issuer);
    }
  }
}
