package io.krrkit.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Fails {@code krr serve} at once when its port is taken, before the store is opened, instead of
 * after seconds of start-up. The emulator binds the port itself afterwards; a port taken in between
 * still fails there.
 */
final class PortCheck {
  private PortCheck() {}

  static void free(String host, int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw new CliErrors.Failure(
          ExitCode.PORT_IN_USE,
          "port "
              + port
              + " on "
              + host
              + " is taken (another krr serve?): stop it, or choose a free port with --port N"
              + " (0 = any) and give later commands --url http://localhost:N or a profile");
    }
  }
}
