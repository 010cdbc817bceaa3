package io.krrkit.bench.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 request as bytes on the wire, so a mutation can break anything a client could send:
 * the request target, a header, the body. {@code Content-Length} is computed from the body unless a
 * mutation set its own; every request closes its connection.
 *
 * @param service the emulated service the request belongs to, for the counts
 * @param what what the request is, e.g. {@code POST /clients}
 */
record RawRequest(
    String service, String what, String method, String target, List<Header> headers, byte[] body) {

  /** One header line; {@code name} and {@code value} go on the wire as they are. */
  record Header(String name, String value) {}

  RawRequest {
    headers = List.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }

  static RawRequest of(String service, String what, String method, String target) {
    return new RawRequest(service, what, method, target, List.of(), new byte[0]);
  }

  RawRequest header(String name, String value) {
    List<Header> more = new ArrayList<>(headers);
    more.add(new Header(name, value));
    return new RawRequest(service, what, method, target, more, body);
  }

  RawRequest withHeaders(List<Header> replaced) {
    return new RawRequest(service, what, method, target, replaced, body);
  }

  RawRequest withTarget(String replaced) {
    return new RawRequest(service, what, method, replaced, headers, body);
  }

  RawRequest withBody(byte[] replaced) {
    return new RawRequest(service, what, method, target, headers, replaced);
  }

  RawRequest withBody(String replaced) {
    return withBody(replaced.getBytes(StandardCharsets.UTF_8));
  }

  /** The first value of header {@code name} (any case), or {@code null}. */
  String headerValue(String name) {
    return headers.stream()
        .filter(h -> h.name().equalsIgnoreCase(name))
        .map(Header::value)
        .findFirst()
        .orElse(null);
  }

  /** The request with every {@code name} header replaced by one with {@code value}. */
  RawRequest replaceHeader(String name, String value) {
    List<Header> replaced = new ArrayList<>();
    boolean done = false;
    for (Header h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        if (!done && value != null) {
          replaced.add(new Header(h.name(), value));
        }
        done = true;
      } else {
        replaced.add(h);
      }
    }
    if (!done && value != null) {
      replaced.add(new Header(name, value));
    }
    return withHeaders(replaced);
  }

  /** The bytes to send to {@code hostAndPort}. */
  byte[] toBytes(String hostAndPort) {
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    boolean host = false;
    boolean length = false;
    for (Header h : headers) {
      String lower = h.name().toLowerCase(Locale.ROOT);
      host |= lower.equals("host");
      length |= lower.equals("content-length") || lower.equals("transfer-encoding");
      head.append(h.name()).append(": ").append(h.value()).append("\r\n");
    }
    if (!host) {
      head.append("Host: ").append(hostAndPort).append("\r\n");
    }
    if (!length && (body.length > 0 || !method.equals("GET"))) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
    out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** A short description for a finding: method, target (cut) and the first header names. */
  String describe() {
    String t = target.length() > 120 ? target.substring(0, 120) + "…" : target;
    return method + " " + t;
  }
}
