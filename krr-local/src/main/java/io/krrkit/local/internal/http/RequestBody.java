package io.krrkit.local.internal.http;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a request's media type and body without Jetty's help where Jetty throws: {@code
 * ctx.contentType()} and {@code ctx.body()} fail on a charset the JVM does not know ({@code
 * charset=nope}) and {@code ctx.formParamMap()} on a broken multipart body. JSON and forms are
 * UTF-8 here whatever the header says (RFC 8259 §8.1; HTML forms as the emulator serves them), so a
 * wrong label cannot break a read. Callers turn {@link Unreadable} into their service's refusal.
 */
public final class RequestBody {
  /** The form media type the OAuth2 endpoints take (RFC 6749 §4.1.3). */
  public static final String FORM = "application/x-www-form-urlencoded";

  private RequestBody() {}

  /** The body cannot be read as what the endpoint takes; the message says what to send. */
  public static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The media type of {@code Content-Type} (before any {@code ;}), lower case, or {@code ""} when
   * there is none; never throws, whatever the parameters hold.
   */
  public static String mediaType(Context ctx) {
    return mediaType(ctx.header("Content-Type"));
  }

  /** As {@link #mediaType(Context)}, of a header value. */
  public static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  /** The body as UTF-8 text, whatever charset the header names. */
  public static String text(Context ctx) {
    return new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
  }

  /**
   * The parameters of an {@code application/x-www-form-urlencoded} body, decoded as UTF-8, in
   * order; each name to all its values.
   *
   * @throws Unreadable when the body is another media type or not valid percent-encoding
   */
  public static Map<String, List<String>> form(Context ctx) {
    return form(mediaType(ctx), ctx.bodyAsBytes());
  }

  /** As {@link #form(Context)}, of a media type and body. */
  public static Map<String, List<String>> form(String mediaType, byte[] body) {
    if (!FORM.equals(mediaType)) {
      throw new Unreadable("send the parameters as " + FORM);
    }
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new Unreadable("the form body is not valid percent-encoding");
    }
  }
}
