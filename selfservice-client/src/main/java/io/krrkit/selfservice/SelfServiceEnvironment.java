package io.krrkit.selfservice;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Which self-service API to talk to, named by its base URL; the API lives under {@code
 * {baseUrl}/api/v1}.
 *
 * <pre>{@code
 * SelfServiceEnvironment.TEST;                                              // Digdir's test
 * SelfServiceEnvironment.custom("http://localhost:7070/selvbetjening");     // krr-local
 * }</pre>
 *
 * @param baseUrl an absolute http(s) URL without query or fragment; a trailing slash is dropped
 */
public record SelfServiceEnvironment(String baseUrl) {

  /** Digdir's test environment, {@code https://api.test.samarbeid.digdir.no}. */
  public static final SelfServiceEnvironment TEST =
      new SelfServiceEnvironment("https://api.test.samarbeid.digdir.no");

  /** Production, {@code https://api.samarbeid.digdir.no}. */
  public static final SelfServiceEnvironment PRODUCTION =
      new SelfServiceEnvironment("https://api.samarbeid.digdir.no");

  private static final String API = "/api/v1";

  /** Checks the URL and drops a trailing slash. */
  public SelfServiceEnvironment {
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    URI uri = parse(baseUrl);
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
      throw new SelfServiceConfigException(
          "baseUrl must be an http(s) URL such as https://api.test.samarbeid.digdir.no, was "
              + baseUrl);
    }
    if (uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
      throw new SelfServiceConfigException(
          "baseUrl must be a plain URL with a host and no query or fragment, was " + baseUrl);
    }
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** Another self-service API, e.g. krr-local's {@code http://localhost:7070/selvbetjening}. */
  public static SelfServiceEnvironment custom(String baseUrl) {
    return new SelfServiceEnvironment(baseUrl);
  }

  /** The URI of {@code path} under {@code /api/v1}, e.g. {@code /clients}. */
  URI api(String path) {
    return URI.create(baseUrl + API + path);
  }

  private static URI parse(String baseUrl) {
    try {
      return new URI(baseUrl);
    } catch (URISyntaxException e) {
      throw new SelfServiceConfigException(
          "baseUrl is not a valid URL (" + e.getReason() + "), was " + baseUrl);
    }
  }
}
