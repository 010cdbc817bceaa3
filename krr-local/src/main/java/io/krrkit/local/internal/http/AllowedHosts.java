package io.krrkit.local.internal.http;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The host names a browser may use to reach the emulator: loopback names, the public URL's host,
 * the bound interface and what the operator lists. A request whose {@code Host} is anything else
 * came through a name that points here by accident or by DNS rebinding.
 */
final class AllowedHosts {
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");

  private final Set<String> hosts = new LinkedHashSet<>();

  /**
   * @param publicUrl the emulator's public URL, or {@code null}
   * @param boundHost the interface bound ({@code 0.0.0.0} and {@code ::} name no host)
   * @param listed host names the operator allows besides
   */
  AllowedHosts(String publicUrl, String boundHost, List<String> listed) {
    hosts.addAll(LOOPBACK);
    if (publicUrl != null && URI.create(publicUrl).getHost() != null) {
      hosts.add(normalise(URI.create(publicUrl).getHost()));
    }
    String bound = normalise(boundHost);
    if (!bound.equals("0.0.0.0") && !bound.equals("::") && !bound.isEmpty()) {
      hosts.add(bound);
    }
    listed.forEach(h -> hosts.add(normalise(h)));
  }

  /** True when {@code hostHeader} ({@code name[:port]}) names an allowed host. */
  boolean allowsHostHeader(String hostHeader) {
    return allowsName(hostName(hostHeader));
  }

  /**
   * True when {@code origin} is this server's own origin ({@code scheme://} + the request's {@code
   * Host}) or an origin on an allowed host the operator listed or published.
   */
  boolean allowsOrigin(String origin, String hostHeader) {
    URI uri;
    try {
      uri = URI.create(origin);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      return false;
    }
    String authority = uri.getRawAuthority().toLowerCase(Locale.ROOT);
    if (hostHeader != null && authority.equals(hostHeader.toLowerCase(Locale.ROOT))) {
      return true;
    }
    String name = normalise(uri.getHost());
    // Another port on a loopback name is another origin (another local app): not same-site.
    return !isLoopbackName(name) && allowsName(name);
  }

  /** The allowed names, for the refusal's description. */
  Set<String> names() {
    return Set.copyOf(hosts);
  }

  private boolean allowsName(String name) {
    return hosts.contains(name) || name.endsWith(".localhost");
  }

  private static boolean isLoopbackName(String name) {
    return LOOPBACK.contains(name) || name.endsWith(".localhost");
  }

  /** The name part of a {@code Host} header: {@code [::1]:7070} is {@code ::1}. */
  static String hostName(String hostHeader) {
    String h = hostHeader.trim();
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? "" : normalise(h.substring(1, end));
    }
    int colon = h.indexOf(':');
    return normalise(colon < 0 ? h : h.substring(0, colon));
  }

  private static String normalise(String host) {
    String h = host.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }
}
