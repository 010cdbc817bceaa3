package io.krrkit.local.internal.admin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.krrkit.local.internal.http.Json;
import io.krrkit.local.internal.http.RequestBody;
import io.krrkit.local.internal.signing.SigningKeyStatus;
import io.krrkit.local.internal.signing.SigningKeys;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Operator API for the emulator's token signing keys: {@code GET /admin/signing-keys} lists the
 * published keys and their stages; {@code POST /admin/signing-keys/rotate} (optional body {@code
 * {"publication_delay":"PT60S"}}) publishes a new key at once, which signs after the delay (default
 * 60 s), while the current key stays published until its tokens have expired.
 */
public final class SigningKeyAdminRoutes {
  private static final ObjectMapper JSON = Json.plain();
  private final SigningKeys signingKeys;

  /** Serves Maskinporten's signing keys. */
  public SigningKeyAdminRoutes(SigningKeys signingKeys) {
    this.signingKeys = signingKeys;
  }

  /** Adds the routes under {@code /admin/signing-keys}. */
  public void register(RoutesConfig routes) {
    routes.get("/admin/signing-keys", this::list);
    routes.post("/admin/signing-keys/rotate", this::rotate);
  }

  private void list(Context ctx) {
    ctx.json(Map.of("keys", render(signingKeys.status())));
  }

  private void rotate(Context ctx) {
    Duration delay;
    try {
      delay = publicationDelay(RequestBody.text(ctx));
    } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
      AdminErrors.badRequest(
          ctx,
          "body must be empty or {\"publication_delay\": \"<positive ISO-8601 duration, e.g."
              + " PT60S>\"}");
      return;
    }
    SigningKeyStatus next = signingKeys.rotate(delay);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("rotated_to", render(next));
    body.put("keys", render(signingKeys.status()));
    ctx.status(201).json(body);
  }

  private static Duration publicationDelay(String body) throws IOException {
    if (body == null || body.isBlank()) {
      return SigningKeys.DEFAULT_PUBLICATION_DELAY;
    }
    JsonNode json = JSON.readTree(body);
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("not an object");
    }
    JsonNode delay = json.get("publication_delay");
    if (delay == null) {
      return SigningKeys.DEFAULT_PUBLICATION_DELAY;
    }
    Duration parsed = Duration.parse(delay.asText(""));
    if (parsed.isNegative() || parsed.isZero()) {
      throw new IllegalArgumentException("not positive");
    }
    return parsed;
  }

  private static List<Map<String, Object>> render(List<SigningKeyStatus> keys) {
    return keys.stream().map(SigningKeyAdminRoutes::render).toList();
  }

  private static Map<String, Object> render(SigningKeyStatus key) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kid", key.kid());
    json.put("generation", key.generation());
    json.put("stage", key.stage().name().toLowerCase(Locale.ROOT));
    json.put("activates", text(key.activates()));
    json.put("signs_until", text(key.signsUntil()));
    json.put("published_until", text(key.publishedUntil()));
    return json;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
