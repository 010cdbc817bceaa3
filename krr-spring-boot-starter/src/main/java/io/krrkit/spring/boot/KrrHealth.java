package io.krrkit.spring.boot;

import io.krrkit.core.Scope;
import io.krrkit.maskinporten.AccessToken;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenErrorException;
import io.krrkit.maskinporten.MaskinportenException;
import io.krrkit.maskinporten.TokenRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code krr} health check, shared by the Boot 3 and Boot 4 indicators: whether the client gets
 * a token for its scopes. A cached token answers without a request, so a health probe does not call
 * Maskinporten each time. The details name the issuer, client and error code, never the token.
 */
final class KrrHealth {
  private final MaskinportenClient maskinporten;
  private final TokenRequest request;

  KrrHealth(MaskinportenClient maskinporten, TokenRequest request) {
    this.maskinporten = maskinporten;
    this.request = request;
  }

  /** Up or down, with details. */
  record Result(boolean up, Map<String, Object> details) {}

  Result check() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("issuer", maskinporten.environment().issuer());
    details.put("clientId", maskinporten.clientId());
    details.put(
        "scopes", request.scopes().stream().map(Scope::value).collect(Collectors.joining(" ")));
    try {
      AccessToken token = maskinporten.getToken(request);
      details.put("tokenExpiresAt", token.expiresAt().toString());
      return new Result(true, details);
    } catch (MaskinportenException e) {
      details.put("error", e.getClass().getSimpleName());
      if (e instanceof MaskinportenErrorException error) {
        details.put("code", error.code().orElse(error.error()));
      }
      details.put("message", e.getMessage());
      return new Result(false, details);
    }
  }
}
