package io.krrkit.bench.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over a plain socket: sends the bytes of a {@link RawRequest} as they
 * are (java.net.http refuses many of the broken requests worth sending) and reads one answer,
 * framed by {@code Content-Length}, chunked encoding or the connection closing.
 */
final class RawHttp {
  /** One answer; {@code status} is -1 when none came (connection closed, timed out). */
  record Response(int status, Map<String, String> headers, byte[] body, long nanos) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final String host;
  private final int port;
  private final int timeoutMillis;

  RawHttp(String host, int port, int timeoutMillis) {
    this.host = host;
    this.port = port;
    this.timeoutMillis = timeoutMillis;
  }

  Response send(RawRequest request) throws IOException {
    long start = System.nanoTime();
    try (Socket socket = new Socket(host, port)) {
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request.toBytes(host + ":" + port));
        out.flush();
      } catch (IOException e) {
        // The server may answer (413, 431) and close before the whole request is written.
      }
      InputStream in = socket.getInputStream();
      try {
        return read(in, start);
      } catch (SocketTimeoutException e) {
        return new Response(-1, Map.of(), new byte[0], System.nanoTime() - start);
      }
    }
  }

  private static Response read(InputStream in, long start) throws IOException {
    String statusLine = line(in);
    while (statusLine != null && statusLine.startsWith("HTTP/1.1 100")) {
      // Expect: 100-continue: skip the interim answer and its blank line.
      for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {}
      statusLine = line(in);
    }
    if (statusLine == null) {
      return new Response(-1, Map.of(), new byte[0], System.nanoTime() - start);
    }
    String[] parts = statusLine.split(" ", 3);
    int status = parts.length > 1 ? parseInt(parts[1]) : -1;
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.putIfAbsent(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
    }
    byte[] body;
    String length = headers.get("content-length");
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = chunked(in);
    } else if (length != null) {
      body = in.readNBytes(parseInt(length));
    } else {
      body = in.readAllBytes();
    }
    return new Response(status, headers, body, System.nanoTime() - start);
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line(in);
      if (size == null) {
        return body.toByteArray();
      }
      int semicolon = size.indexOf(';');
      int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (n == 0) {
        line(in);
        return body.toByteArray();
      }
      body.writeBytes(in.readNBytes(n));
      line(in);
    }
  }

  /** One line without its CRLF, or {@code null} at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        break;
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    if (b == -1 && line.size() == 0) {
      return null;
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  private static int parseInt(String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
