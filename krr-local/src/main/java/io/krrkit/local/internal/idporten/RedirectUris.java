package io.krrkit.local.internal.idporten;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;

/**
 * Matches a requested {@code redirect_uri} against the registered ones: exactly, except that a
 * loopback URI ({@code http://127.0.0.1}, {@code http://[::1]}, {@code http://localhost}) matches
 * on any port, as native apps pick a free port per login (RFC 8252 §7.3).
 */
final class RedirectUris {
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "localhost");

  private RedirectUris() {}

  static boolean registered(List<String> registered, String requested) {
    if (registered.contains(requested)) {
      return true;
    }
    URI asked = parse(requested);
    if (asked == null || !isLoopback(asked)) {
      return false;
    }
    return registered.stream()
        .map(RedirectUris::parse)
        .anyMatch(r -> r != null && isLoopback(r) && samePortless(r, asked));
  }

  private static boolean isLoopback(URI uri) {
    return "http".equals(uri.getScheme())
        && uri.getHost() != null
        && LOOPBACK.contains(uri.getHost());
  }

  private static boolean samePortless(URI a, URI b) {
    return a.getHost().equals(b.getHost())
        && String.valueOf(a.getRawPath()).equals(String.valueOf(b.getRawPath()))
        && String.valueOf(a.getRawQuery()).equals(String.valueOf(b.getRawQuery()));
  }

  private static URI parse(String uri) {
    try {
      return new URI(uri);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
