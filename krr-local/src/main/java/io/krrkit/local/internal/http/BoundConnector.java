package io.krrkit.local.internal.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.Objects;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A Jetty connector on a socket bound before the server is built. The emulator needs its port
 * before it builds its services (the port is in every issuer), so it binds first and hands the
 * bound socket to Jetty: port 0 is chosen by the operating system and kept, with no window in which
 * another process can take it.
 */
public final class BoundConnector extends ServerConnector {
  private final ServerSocketChannel channel;

  /** A connector for {@code server} accepting on {@code channel}, which is already bound. */
  public BoundConnector(Server server, HttpConfiguration http, ServerSocketChannel channel) {
    super(server, new HttpConnectionFactory(http));
    this.channel = Objects.requireNonNull(channel, "channel == null");
    setHost(((InetSocketAddress) localAddress(channel)).getHostString());
    setPort(channel.socket().getLocalPort());
    setIdleTimeout(HttpLimits.IDLE_TIMEOUT_MILLIS);
  }

  /**
   * Binds {@code host:port} (0: any free port).
   *
   * @throws IllegalStateException when the address is taken or cannot be bound, saying which
   */
  public static ServerSocketChannel bind(String host, int port) {
    ServerSocketChannel channel = null;
    try {
      channel = ServerSocketChannel.open();
      channel.socket().setReuseAddress(true);
      channel.bind(new InetSocketAddress(host, port), 1024);
      return channel;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new IllegalStateException(
          "cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")", e);
    }
  }

  /** Closes {@code channel}, ignoring a failure (used when a start is abandoned). */
  public static void closeQuietly(ServerSocketChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Nothing more to release.
      }
    }
  }

  @Override
  protected ServerSocketChannel openAcceptChannel() {
    return channel;
  }

  private static java.net.SocketAddress localAddress(ServerSocketChannel channel) {
    try {
      return channel.getLocalAddress();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
