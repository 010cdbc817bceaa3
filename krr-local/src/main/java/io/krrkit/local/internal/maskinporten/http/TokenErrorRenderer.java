package io.krrkit.local.internal.maskinporten.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.krrkit.local.internal.http.Failure;
import io.krrkit.local.internal.http.TraceId;
import io.krrkit.local.internal.maskinporten.TokenError;
import io.krrkit.local.internal.maskinporten.TokenRequestException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a refused token request as Maskinporten does: {@code {error, error_description: "<message>
 * (trace_id: <32 hex>)", error_uri: {issuer}errors/MP-xxx}}, and logs it once with the same trace
 * id so a user can find the request. Never logs the request itself.
 */
final class TokenErrorRenderer {
  private static final Logger log = LoggerFactory.getLogger(TokenErrorRenderer.class);

  private final String issuer;
  private final ObjectMapper json;

  TokenErrorRenderer(String issuer, ObjectMapper json) {
    this.issuer = issuer;
    this.json = json;
  }

  void render(TokenRequestException e, Context ctx) {
    TokenError error = e.error();
    String traceId = TraceId.of(ctx);
    log.info(
        "token request refused: {} {} {} (trace_id: {})",
        error.status(),
        error.code() == null ? error.error() : error.code(),
        e.description(),
        traceId);
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", error.error());
    body.put("error_description", e.description() + " (trace_id: " + traceId + ")");
    if (error.code() != null) {
      body.put("error_uri", issuer + "errors/" + error.code());
    }
    ctx.status(error.status())
        .header("Cache-Control", "no-store")
        .contentType(ContentType.APPLICATION_JSON)
        .result(write(body));
  }

  private String write(Map<String, String> body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings did not serialise", e);
    }
  }

  /** A failure that is no token refusal, in the same shape (without an MP code). */
  String render(Failure failure) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", failure.error());
    body.put("error_description", failure.description() + " (trace_id: " + failure.traceId() + ")");
    return write(body);
  }
}
