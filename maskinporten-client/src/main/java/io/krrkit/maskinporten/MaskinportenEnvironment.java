package io.krrkit.maskinporten;

import io.krrkit.core.IssuerUrls;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Which Maskinporten to talk to, named by its issuer. Endpoints are discovered from the issuer's
 * metadata ({@code {issuer}.well-known/oauth-authorization-server}, else the RFC 8414 or OpenID
 * locations, see {@link #metadataLocations()}), so the issuer is all a client needs.
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

  /**
   * Where Maskinporten publishes its metadata document: {@code
   * {issuer}.well-known/oauth-authorization-server}, the first of {@link #metadataLocations()}.
   */
  public URI metadataUri() {
    return metadataLocations().get(0);
  }

  /**
   * Where the metadata document is looked for, in order: {@code
   * {issuer}.well-known/oauth-authorization-server}; the RFC 8414 location ({@code
   * /.well-known/oauth-authorization-server} put before the issuer's path, when it has one); {@code
   * {issuer}.well-known/openid-configuration}. The next is tried only when one answers 4xx or with
   * something that is not JSON.
   */
  public List<URI> metadataLocations() {
    return IssuerUrls.metadataLocations(issuer);
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
