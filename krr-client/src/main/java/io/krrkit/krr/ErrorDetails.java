package io.krrkit.krr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.Masking;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code error} and {@code error_description} of a KRR error answer, read from the JSON body or
 * else from the {@code WWW-Authenticate} header. Identity numbers in them are masked and long texts
 * cut, since they end up in exception messages.
 */
record ErrorDetails(String error, String description) {
  private static final int MAX_LENGTH = 300;
  private static final Pattern ELEVEN_DIGITS = Pattern.compile("(?<!\\d)\\d{11}(?!\\d)");

  static ErrorDetails read(HttpResponse<ResponseBody> response, ObjectMapper mapper) {
    ErrorDetails fromBody = fromBody(response.body().bytes(), mapper);
    ErrorDetails details =
        fromBody.error != null
            ? fromBody
            : fromHeader(response.headers().firstValue("WWW-Authenticate").orElse(""));
    return new ErrorDetails(clean(details.error), clean(details.description));
  }

  private static ErrorDetails fromBody(byte[] body, ObjectMapper mapper) {
    try {
      JsonNode json = mapper.readTree(body);
      if (json != null && json.isObject()) {
        return new ErrorDetails(text(json, "error"), text(json, "error_description"));
      }
    } catch (IOException e) {
      // Not JSON (a proxy's HTML page, say): fall back to the header.
    }
    return new ErrorDetails(null, null);
  }

  private static ErrorDetails fromHeader(String wwwAuthenticate) {
    return new ErrorDetails(
        param(wwwAuthenticate, "error"), param(wwwAuthenticate, "error_description"));
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value != null && value.isValueNode() ? value.asText() : null;
  }

  private static String param(String header, String name) {
    Matcher m = Pattern.compile("(?:^|[\\s,])" + name + "=\"([^\"]*)\"").matcher(header);
    return m.find() ? m.group(1) : null;
  }

  private static String clean(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String masked = ELEVEN_DIGITS.matcher(text).replaceAll(m -> Masking.identifier(m.group()));
    return masked.length() <= MAX_LENGTH ? masked : masked.substring(0, MAX_LENGTH) + "…";
  }
}
