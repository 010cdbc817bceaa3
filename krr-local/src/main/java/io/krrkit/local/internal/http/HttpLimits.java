package io.krrkit.local.internal.http;

import io.javalin.config.JavalinConfig;

/**
 * The limits every request meets before a route runs, so that no client can take the server's
 * memory or threads: the body size (413), the header size (431), and read time-outs that cut off
 * slow or stalled bodies (408) and idle connections. Each refusal is answered by {@link ErrorPath}
 * in the shape of the service the path belongs to. JSON limits (depth, string length) are in {@link
 * Json}.
 */
public final class HttpLimits {
  /** Largest request line plus headers, in bytes (a JWT in {@code Authorization} fits easily). */
  public static final int MAX_HEADER_BYTES = 16 * 1024;

  /** A connection that sends or reads nothing for this long is closed, in milliseconds. */
  public static final long IDLE_TIMEOUT_MILLIS = 15_000;

  /**
   * Slowest accepted request body, in bytes per second: a body that trickles in more slowly (one
   * byte every few seconds, to hold a thread) is cut off with 408.
   */
  public static final long MIN_REQUEST_BYTES_PER_SECOND = 512;

  private HttpLimits() {}

  /** Applies the limits, with bodies of at most {@code maxRequestBytes}. */
  public static void apply(JavalinConfig config, long maxRequestBytes) {
    config.http.maxRequestSize = maxRequestBytes;
    config.jetty.modifyHttpConfiguration(
        http -> {
          http.setRequestHeaderSize(MAX_HEADER_BYTES);
          http.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
          http.setMinRequestDataRate(MIN_REQUEST_BYTES_PER_SECOND);
        });
  }
}
