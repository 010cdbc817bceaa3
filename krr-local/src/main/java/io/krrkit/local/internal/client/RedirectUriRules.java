package io.krrkit.local.internal.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where ID-porten may send a browser back to ({@code redirect_uris}, {@code
 * post_logout_redirect_uris}, {@code frontchannel_logout_uri}): {@code https}, or plain {@code
 * http} as Digdir's test environment allows ("I testmiljø er rein http samt localhost tillatt",
 * {@code oidc_func_clientreg.md}); a custom scheme ({@code no.example.app:/callback}, RFC 8252
 * §7.1) only for {@code application_type native}; never a fragment (RFC 6749 §3.1.2) and never a
 * scheme that runs or embeds content in the browser ({@code javascript:}, {@code data:}, …).
 */
public final class RedirectUriRules {
  /** Schemes a redirect to would run script, show inline content or read local files. */
  private static final Set<String> NEVER =
      Set.of(
          "javascript", "data", "vbscript", "file", "blob", "about", "filesystem", "view-source");

  private RedirectUriRules() {}

  /**
   * Why {@code uri} cannot be a redirect target, or empty when it can.
   *
   * @param nativeApp true for {@code application_type native}, which may use a custom scheme
   * @param field the field named in the reason, e.g. {@code redirect_uris[0]}
   */
  public static Optional<String> problem(String uri, boolean nativeApp, String field) {
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      return Optional.of(field + " is not a valid URI");
    }
    String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
    if (NEVER.contains(scheme)) {
      return Optional.of(
          field + " must not use the " + scheme + ": scheme; use https (http in test)");
    }
    if (parsed.getRawFragment() != null || uri.contains("#")) {
      return Optional.of(field + " must not have a fragment (#...)");
    }
    boolean web = scheme.equals("https") || scheme.equals("http");
    // The authority, not the host: Digdir's own example registers https://127.0.0.1:*/callback.
    if (web && (parsed.getRawAuthority() == null || parsed.getRawAuthority().isEmpty())) {
      return Optional.of(field + " must name a host, as in https://example.no/callback");
    }
    if (!web && !nativeApp) {
      return Optional.of(
          field
              + " must be an https (or http) URI; custom schemes are only for application_type"
              + " native");
    }
    return Optional.empty();
  }

  /** True when {@code uri} can be a redirect target of a client of {@code applicationType}. */
  public static boolean allows(String uri, String applicationType) {
    return problem(uri, "native".equals(applicationType), "redirect_uri").isEmpty();
  }
}
