package io.krrkit.local.internal.maskinporten;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} request body, read with a size cap. Anything else
 * (another content type, a body over the cap, broken percent-encoding) is MP-011.
 */
public final class FormBody {
  private static final String FORM = "application/x-www-form-urlencoded";

  private final Map<String, List<String>> params;

  private FormBody(Map<String, List<String>> params) {
    this.params = params;
  }

  /** Reads at most {@code maxBytes} of {@code body} and decodes it as UTF-8 form parameters. */
  public static FormBody read(String contentType, InputStream body, int maxBytes) {
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
      throw invalid("Content-Type must be " + FORM);
    }
    byte[] bytes = readCapped(body, maxBytes);
    return new FormBody(decode(new String(bytes, StandardCharsets.UTF_8)));
  }

  /**
   * The single value of {@code name}, or {@code null} when absent; a repeated parameter is MP-011
   * (RFC 6749 §3.2).
   */
  public String single(String name) {
    List<String> values = params.getOrDefault(name, List.of());
    if (values.size() > 1) {
      throw invalid(name + " is repeated, send it once");
    }
    return values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
  }

  private static byte[] readCapped(InputStream body, int maxBytes) {
    try {
      byte[] bytes = body.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw invalid("the request body is larger than " + maxBytes / 1024 + " KB");
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the token request body failed", e);
    }
  }

  private static Map<String, List<String>> decode(String body) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.computeIfAbsent(urlDecode(name), k -> new ArrayList<>()).add(urlDecode(value));
    }
    return params;
  }

  private static String urlDecode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid("the form body is not valid percent-encoding");
    }
  }

  private static TokenRequestException invalid(String detail) {
    return TokenRequestException.of(TokenError.INVALID_PARAMETER, detail);
  }
}
