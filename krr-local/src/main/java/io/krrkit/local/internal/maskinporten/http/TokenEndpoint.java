package io.krrkit.local.internal.maskinporten.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.krrkit.local.internal.http.RequestNote;
import io.krrkit.local.internal.maskinporten.FormBody;
import io.krrkit.local.internal.maskinporten.IssuedToken;
import io.krrkit.local.internal.maskinporten.TokenError;
import io.krrkit.local.internal.maskinporten.TokenRequest;
import io.krrkit.local.internal.maskinporten.TokenRequestException;
import io.krrkit.local.internal.maskinporten.TokenService;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST {issuer}token}: reads the form, asks {@link TokenService}, writes {@code
 * {access_token, token_type, expires_in, scope}}. Refusals go to {@link TokenErrorRenderer}.
 */
final class TokenEndpoint {
  /** Largest token request body read; a grant is a few KB, x5c chains included. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private final TokenService tokens;
  private final ObjectMapper json;

  TokenEndpoint(TokenService tokens, ObjectMapper json) {
    this.tokens = tokens;
    this.json = json;
  }

  void handle(Context ctx) throws Exception {
    FormBody form =
        FormBody.read(ctx.header("Content-Type"), ctx.bodyInputStream(), MAX_BODY_BYTES);
    IssuedToken token =
        tokens.issue(
            new TokenRequest(required(form, "grant_type"), form.single("assertion")),
            (clientId, scope) -> RequestNote.of(ctx).client(clientId).scope(scope));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", token.accessToken());
    body.put("token_type", "Bearer");
    body.put("expires_in", token.expiresIn());
    body.put("scope", token.scope());
    ctx.header("Cache-Control", "no-store")
        .header("Pragma", "no-cache")
        .contentType(ContentType.APPLICATION_JSON)
        .result(json.writeValueAsString(body));
  }

  private static String required(FormBody form, String name) {
    String value = form.single(name);
    if (value == null) {
      throw TokenRequestException.of(TokenError.INVALID_PARAMETER, name + " is missing");
    }
    return value;
  }
}
