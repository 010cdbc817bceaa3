package io.krrkit.bench.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Mutates a valid request: its JSON, form or multipart body by structure, its bytes, its query and
 * path, its headers. Each call applies one to three mutations and names them, so a finding can be
 * read (and replayed with the same seed).
 */
final class Mutator {
  private static final String HOLE = "@@fuzz-hole@@";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Random random;

  Mutator(Random random) {
    this.random = random;
  }

  /** {@code seed} changed by one to three mutations; their names are added to {@code applied}. */
  RawRequest mutate(RawRequest seed, List<String> applied) {
    RawRequest request = seed;
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      request = once(request, applied);
    }
    return withinBody(request);
  }

  /**
   * A declared Content-Length beyond the body becomes the body's length: the server would wait for
   * bytes that never come (as any server does), and that is the client's fault, not a finding.
   */
  private static RawRequest withinBody(RawRequest r) {
    String declared = r.headerValue("Content-Length");
    if (declared != null
        && declared.matches("[0-9]{1,9}")
        && Integer.parseInt(declared) > r.body().length) {
      return r.replaceHeader("Content-Length", String.valueOf(r.body().length));
    }
    return r;
  }

  private RawRequest once(RawRequest r, List<String> applied) {
    String type = contentType(r);
    int roll = random.nextInt(100);
    if (roll < 40 && r.body().length > 0) {
      if (type.contains("json") && parses(r.body())) {
        applied.add("json");
        return r.withBody(mutateJson(new String(r.body(), StandardCharsets.UTF_8)));
      }
      if (type.startsWith("application/x-www-form-urlencoded")) {
        applied.add("form");
        return r.withBody(pairs(new String(r.body(), StandardCharsets.UTF_8), "&"));
      }
      if (type.startsWith("multipart/")) {
        applied.add("multipart");
        return multipart(r);
      }
    }
    if (roll < 52) {
      applied.add("bytes");
      return r.withBody(bytes(r.body()));
    }
    if (roll < 57) {
      applied.add("body");
      return r.withBody(pick(Specials.JSON));
    }
    if (roll < 70) {
      applied.add("query");
      return r.withTarget(target(r.target()));
    }
    if (roll < 78) {
      applied.add("content-type");
      return r.replaceHeader("Content-Type", pick(Specials.CONTENT_TYPES));
    }
    if (roll < 86) {
      applied.add("authorization");
      return authorization(r);
    }
    applied.add("header");
    return header(r);
  }

  // --- JSON ---

  /** A JSON document with one value replaced, removed, repeated or added. */
  String mutateJson(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return body;
    }
    if (!root.isContainerNode() || random.nextInt(10) == 0) {
      return pick(Specials.JSON);
    }
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode container = containers.get(random.nextInt(containers.size()));
    String splice = random.nextInt(4) == 0 ? tweakedString(container) : pick(Specials.JSON);
    if (container instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      int op = random.nextInt(5);
      if (op == 0 && !names.isEmpty()) {
        object.remove(names.get(random.nextInt(names.size())));
        return write(root);
      }
      if (op == 1 && !names.isEmpty()) {
        // A repeated member: the second one wins or is refused, never a crash.
        String name = names.get(random.nextInt(names.size()));
        object.put(HOLE, "");
        return write(root).replace("\"" + HOLE + "\":\"\"", "\"" + name + "\":" + splice);
      }
      String name =
          names.isEmpty() || op == 2
              ? pick(List.of("", "x", "personidentifikator", "keys", "scope", "null"))
              : names.get(random.nextInt(names.size()));
      object.put(name, HOLE);
    } else {
      ArrayNode array = (ArrayNode) container;
      if (array.isEmpty() || random.nextBoolean()) {
        array.add(HOLE);
      } else {
        array.set(random.nextInt(array.size()), TextNode.valueOf(HOLE));
      }
    }
    return write(root).replace("\"" + HOLE + "\"", splice);
  }

  private String tweakedString(JsonNode container) {
    for (Iterator<JsonNode> it = container.elements(); it.hasNext(); ) {
      JsonNode value = it.next();
      if (value.isTextual() && !value.textValue().isEmpty()) {
        try {
          return JSON.writeValueAsString(tweak(value.textValue()));
        } catch (JsonProcessingException e) {
          break;
        }
      }
    }
    return pick(Specials.JSON);
  }

  private static void collect(JsonNode node, List<JsonNode> containers) {
    if (node.isContainerNode()) {
      containers.add(node);
      node.elements().forEachRemaining(child -> collect(child, containers));
    }
  }

  private static boolean parses(byte[] body) {
    try {
      JSON.readTree(body);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static String write(JsonNode root) {
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- forms and queries (name=value pairs) ---

  private String pairs(String encoded, String separator) {
    List<String> pairs = new ArrayList<>(Arrays.asList(encoded.split(separator, -1)));
    int i = random.nextInt(pairs.size());
    String pair = pairs.get(i);
    int eq = pair.indexOf('=');
    String name = eq < 0 ? pair : pair.substring(0, eq);
    switch (random.nextInt(8)) {
      case 0 -> pairs.remove(i);
      case 1 -> pairs.add(random.nextInt(pairs.size() + 1), pair);
      case 2 ->
          pairs.set(i, name + "=" + pick(List.of("%", "%zz", "%C0", "%u00e6", "%E6", "+%", "%0")));
      case 3 -> pairs.set(i, name + "=" + pick(Specials.TEXT));
      case 4 -> pairs.add(pick(List.of("", "=", "=x", "%zz=1", "x", "&&", "a=b=c")));
      case 5 -> pairs.set(i, name + "=" + tweak(eq < 0 ? "" : pair.substring(eq + 1)));
      default ->
          pairs.set(i, name + "=" + URLEncoder.encode(pick(Specials.TEXT), StandardCharsets.UTF_8));
    }
    return String.join(separator, pairs);
  }

  /** {@code target} mutated; CR and LF stay percent-encoded, as they would end the request line. */
  private String target(String target) {
    return mutatedTarget(target).replace("\r", "%0D").replace("\n", "%0A");
  }

  private String mutatedTarget(String target) {
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String query = q < 0 ? "" : target.substring(q + 1);
    if (!query.isEmpty() && random.nextInt(3) > 0) {
      return path + "?" + pairs(query, "&");
    }
    List<String> segments = new ArrayList<>(Arrays.asList(path.split("/", -1)));
    int i = 1 + random.nextInt(Math.max(1, segments.size() - 1));
    if (i >= segments.size()) {
      i = segments.size() - 1;
    }
    String special =
        pick(
            List.of(
                "%", "%zz", "%00", "%2F", "..", "%2e%2e", ";x=1", "", "a".repeat(5000), "%C0%AF"));
    String replaced =
        random.nextBoolean()
            ? special
            : URLEncoder.encode(pick(Specials.TEXT), StandardCharsets.UTF_8);
    segments.set(i, random.nextBoolean() ? replaced : segments.get(i) + replaced);
    return String.join("/", segments) + (query.isEmpty() ? "" : "?" + query);
  }

  // --- multipart ---

  private RawRequest multipart(RawRequest r) {
    String type = r.headerValue("Content-Type");
    String boundary = type.substring(type.indexOf("boundary=") + 9);
    String body = new String(r.body(), StandardCharsets.ISO_8859_1);
    String changed;
    switch (random.nextInt(10)) {
      case 0 -> changed = body.replace("--" + boundary + "--", "");
      case 1 -> {
        return r.replaceHeader("Content-Type", "multipart/form-data; boundary=" + tweak(boundary));
      }
      case 2 ->
          changed =
              body.replaceFirst(
                  "name=\"[^\"]*\"",
                  pick(List.of("", "name=", "name=\"", "filename=\"x\"", "name=\"\u0000\"")));
      case 3 -> changed = body.replaceFirst("\r\n\r\n", "\r\n");
      case 4 ->
          changed =
              body.replaceFirst(
                  "Content-Disposition: ",
                  "Content-Disposition: "
                      + pick(List.of("", "attachment; ", "form-data; form-data; ", "\u00e6; ")));
      case 5 ->
          changed =
              body.replaceFirst(
                  "\r\n\r\n", "\r\nContent-Type: " + pick(Specials.CONTENT_TYPES) + "\r\n\r\n");
      case 6 -> changed = body.substring(0, random.nextInt(body.length()));
      case 7 -> changed = body.replace("\r\n", "\n");
      case 8 -> {
        int end = body.indexOf("--" + boundary + "--");
        String part =
            "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + pick(List.of("key_file", "_charset_", "csrf", "kid", "x"))
                + "\"; filename=\""
                + pick(List.of("a.pem", "", "..\\..\\x", "\u00e6.pem"))
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                + pick(Specials.TEXT)
                + "\r\n";
        changed = end < 0 ? body + part : body.substring(0, end) + part + body.substring(end);
      }
      default -> {
        byte[] bytes = bytes(r.body());
        return r.withBody(bytes);
      }
    }
    return r.withBody(changed.getBytes(StandardCharsets.ISO_8859_1));
  }

  // --- bytes ---

  private byte[] bytes(byte[] body) {
    byte[] b = body.length == 0 ? "x".getBytes(StandardCharsets.UTF_8) : body.clone();
    int at = random.nextInt(b.length);
    switch (random.nextInt(6)) {
      case 0 -> {
        b[at] ^= (byte) (1 << random.nextInt(8));
        return b;
      }
      case 1 -> {
        return splice(b, at, at, new byte[] {(byte) random.nextInt(256)});
      }
      case 2 -> {
        int end = Math.min(b.length, at + 1 + random.nextInt(64));
        return splice(b, at, end, new byte[0]);
      }
      case 3 -> {
        return Arrays.copyOf(b, at);
      }
      case 4 -> {
        int end = Math.min(b.length, at + 1 + random.nextInt(256));
        byte[] part = Arrays.copyOfRange(b, at, end);
        return splice(b, at, at, part);
      }
      default -> {
        return splice(b, at, at, pick(Specials.TEXT).getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
    byte[] out = new byte[b.length - (to - from) + insert.length];
    System.arraycopy(b, 0, out, 0, from);
    System.arraycopy(insert, 0, out, from, insert.length);
    System.arraycopy(b, to, out, from + insert.length, b.length - to);
    return out;
  }

  /** A string with one character flipped, dropped, doubled or cut off. */
  private String tweak(String text) {
    if (text.isEmpty()) {
      return pick(Specials.TEXT);
    }
    StringBuilder s = new StringBuilder(text);
    int at = random.nextInt(s.length());
    switch (random.nextInt(4)) {
      case 0 -> s.setCharAt(at, (char) (s.charAt(at) ^ (1 << random.nextInt(7))));
      case 1 -> s.deleteCharAt(at);
      case 2 -> s.insert(at, s.charAt(at));
      default -> s.setLength(at);
    }
    return s.toString();
  }

  // --- headers ---

  private RawRequest authorization(RawRequest r) {
    String current = r.headerValue("Authorization");
    if (current != null && random.nextBoolean()) {
      return r.replaceHeader("Authorization", tweak(current));
    }
    if (random.nextInt(4) == 0) {
      return r.replaceHeader("Authorization", null);
    }
    return r.replaceHeader("Authorization", pick(Specials.AUTHORIZATION));
  }

  private RawRequest header(RawRequest r) {
    switch (random.nextInt(8)) {
      case 0 -> {
        String cookie = r.headerValue("Cookie");
        return r.replaceHeader(
            "Cookie", cookie == null ? pick(Specials.HEADER_VALUES) : tweak(cookie));
      }
      case 1 -> {
        // Never more than the body holds: the server would wait for bytes that never come.
        String length = pick(List.of("-1", "abc", "0", "1", "99999999999999999999"));
        return r.header(
            "Content-Length", length.equals("1") && r.body().length == 0 ? "0" : length);
      }
      case 2 -> {
        return r.header("Transfer-Encoding", pick(List.of("gzip", "identity", "x")));
      }
      case 3 -> {
        List<RawRequest.Header> doubled = new ArrayList<>(r.headers());
        if (!doubled.isEmpty()) {
          doubled.add(doubled.get(random.nextInt(doubled.size())));
        }
        return r.withHeaders(doubled);
      }
      case 4 -> {
        return r.header(
            pick(List.of("X Bad", "", "\u00e6", "X-\u0000", ":", "Content-Type ")), "x");
      }
      default -> {
        return r.replaceHeader(pick(Specials.HEADER_NAMES), pick(Specials.HEADER_VALUES));
      }
    }
  }

  private static String contentType(RawRequest r) {
    String type = r.headerValue("Content-Type");
    return type == null ? "" : type.toLowerCase(Locale.ROOT);
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
