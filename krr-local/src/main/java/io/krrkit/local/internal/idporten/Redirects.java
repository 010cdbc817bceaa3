package io.krrkit.local.internal.idporten;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** Builds redirect URIs with query parameters added to what the registered URI already holds. */
final class Redirects {
  private Redirects() {}

  static String withQuery(String uri, Map<String, String> params) {
    StringJoiner query = new StringJoiner("&");
    params.forEach(
        (name, value) -> {
          if (value != null) {
            query.add(encode(name) + "=" + encode(value));
          }
        });
    if (query.length() == 0) {
      return uri;
    }
    return uri + (uri.contains("?") ? "&" : "?") + query;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
