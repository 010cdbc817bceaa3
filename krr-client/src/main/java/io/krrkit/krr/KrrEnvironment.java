package io.krrkit.krr;

import java.net.URI;
import java.util.Objects;

/**
 * Where KRR's lookup service lives: Digdir's {@link #TEST} or {@link #PRODUCTION}, or a {@link
 * #custom(String)} base URL such as the emulator's {@code http://localhost:7070/kontaktregisteret}.
 *
 * @param name a short name for messages: {@code test}, {@code production} or {@code custom}
 * @param baseUri the base URL, without a trailing slash; the lookup lives at {@code
 *     {baseUri}/rest/v2/personer}
 */
public record KrrEnvironment(String name, URI baseUri) {
  private static final String PRODUCTION_HOST = "kontaktregisteret.no";

  /** Digdir's test environment, {@code https://test.kontaktregisteret.no}. */
  public static final KrrEnvironment TEST =
      new KrrEnvironment("test", URI.create("https://test.kontaktregisteret.no"));

  /** Digdir's production environment, {@code https://kontaktregisteret.no}. */
  public static final KrrEnvironment PRODUCTION =
      new KrrEnvironment("production", URI.create("https://" + PRODUCTION_HOST));

  /** Checks that the base URL is an absolute http(s) URL and drops a trailing slash. */
  public KrrEnvironment {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(baseUri, "baseUri == null");
    String scheme = baseUri.getScheme();
    if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException(
          "KRR base URL must start with https:// or http://, was " + baseUri);
    }
    if (baseUri.getHost() == null || baseUri.getQuery() != null || baseUri.getFragment() != null) {
      throw new IllegalArgumentException(
          "KRR base URL must have a host and no query or fragment, was " + baseUri);
    }
    String text = baseUri.toString();
    if (text.endsWith("/")) {
      baseUri = URI.create(text.substring(0, text.length() - 1));
    }
  }

  /**
   * An environment at {@code baseUrl}, e.g. the emulator's {@code
   * http://localhost:7070/kontaktregisteret}.
   *
   * @throws IllegalArgumentException when {@code baseUrl} is not an absolute http(s) URL
   */
  public static KrrEnvironment custom(String baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    return new KrrEnvironment("custom", URI.create(baseUrl));
  }

  /** True when this is Digdir's production service, where real people's data lives. */
  public boolean isProduction() {
    return PRODUCTION_HOST.equalsIgnoreCase(baseUri.getHost());
  }

  /** The lookup endpoint of {@code version}: {@code {baseUri}/rest/{version}/personer}. */
  public URI personerUri(ApiVersion version) {
    return URI.create(baseUri + "/rest/" + version.pathSegment() + "/personer");
  }
}
