package io.krrkit.local.internal.idporten;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A pushed authorization request (RFC 9126) as stored, by the hash of its {@code request_uri}.
 *
 * @param parameters the authorization request as pushed
 */
public record PushedRequest(
    String requestHash, String clientId, Map<String, String> parameters, Instant expires) {
  public PushedRequest {
    Objects.requireNonNull(requestHash, "requestHash == null");
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(expires, "expires == null");
    parameters = Map.copyOf(parameters);
  }
}
