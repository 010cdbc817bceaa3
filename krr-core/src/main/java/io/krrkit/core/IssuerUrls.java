package io.krrkit.core;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where an OAuth 2 authorization server's metadata may be found from its issuer URL, and when two
 * spellings of an issuer name the same server. maskinporten-client and maskinporten-validator both
 * use it, so they find and accept the same servers.
 *
 * <pre>{@code
 * IssuerUrls.metadataLocations("http://localhost:8080/mp/");
 * // http://localhost:8080/mp/.well-known/oauth-authorization-server   (Maskinporten's)
 * // http://localhost:8080/.well-known/oauth-authorization-server/mp   (RFC 8414 §3.1)
 * // http://localhost:8080/mp/.well-known/openid-configuration         (OpenID Connect Discovery)
 * }</pre>
 */
public final class IssuerUrls {
  private static final String OAUTH = "/.well-known/oauth-authorization-server";
  private static final String OPENID = "/.well-known/openid-configuration";

  private IssuerUrls() {}

  /**
   * The metadata locations to try, in order: {@code {issuer}.well-known/oauth-authorization-server}
   * (where Maskinporten and krr-local publish it); the RFC 8414 location, with {@code
   * /.well-known/oauth-authorization-server} put before the issuer's path (left out when the path
   * is empty, as it is then the first); {@code {issuer}.well-known/openid-configuration}.
   *
   * @param issuer an absolute http(s) URL, with or without its trailing slash
   */
  public static List<URI> metadataLocations(String issuer) {
    Objects.requireNonNull(issuer, "issuer == null");
    String base = withoutTrailingSlash(issuer);
    URI uri = URI.create(base);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    List<URI> locations = new ArrayList<>();
    locations.add(URI.create(base + OAUTH));
    if (!path.isEmpty()) {
      locations.add(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + OAUTH + path));
    }
    locations.add(URI.create(base + OPENID));
    return List.copyOf(locations);
  }

  /**
   * Whether {@code named} (an {@code iss} claim or a metadata {@code issuer}) is the issuer {@code
   * configured}: equal, or differing only in one trailing slash. Maskinporten's issuers end in
   * {@code /}; RFC 8414 servers such as mock-oauth2-server name theirs without it.
   */
  public static boolean same(String configured, String named) {
    if (configured == null || named == null) {
      return false;
    }
    return withoutTrailingSlash(configured).equals(withoutTrailingSlash(named));
  }

  private static String withoutTrailingSlash(String issuer) {
    return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
  }
}
