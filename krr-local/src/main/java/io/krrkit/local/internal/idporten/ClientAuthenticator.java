package io.krrkit.local.internal.idporten;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.IntegrationType;
import io.krrkit.local.internal.client.ClientKey;
import io.krrkit.local.internal.client.ClientKeyRepository;
import io.krrkit.local.internal.client.ClientRepository;
import io.krrkit.local.internal.client.RegisteredClient;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Authenticates the client at the token endpoint: {@code private_key_jwt} (a client assertion
 * signed with one of the client's registered keys, {@code aud} the issuer or the token endpoint) or
 * {@code none} for clients registered so (native apps, which prove possession with PKCE instead).
 * Client secrets are refused: krr-local registers no secrets.
 */
public final class ClientAuthenticator {
  static final String JWT_BEARER_ASSERTION =
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  static final String NONE = "none";
  static final String PRIVATE_KEY_JWT = "private_key_jwt";
  private static final Duration SKEW = Duration.ofSeconds(10);

  private final ClientRepository clients;
  private final ClientKeyRepository keys;
  private final List<String> audiences;

  public ClientAuthenticator(ClientRepository clients, ClientKeyRepository keys, String issuer) {
    this.clients = clients;
    this.keys = keys;
    this.audiences = List.of(issuer, issuer + "/token");
  }

  /** The client behind a token request, with the method it used. */
  record Authenticated(RegisteredClient client, String method) {}

  Authenticated authenticate(Map<String, String> form, String authorizationHeader, Instant now) {
    boolean basic =
        authorizationHeader != null && authorizationHeader.regionMatches(true, 0, "basic ", 0, 6);
    if (basic || form.containsKey("client_secret")) {
      throw OidcException.invalidClient(
          "client secrets are not supported by krr-local; authenticate with private_key_jwt, or"
              + " register a native app with token_endpoint_auth_method none");
    }
    String assertion = form.get("client_assertion");
    if (assertion != null) {
      return new Authenticated(byAssertion(form, assertion, now), PRIVATE_KEY_JWT);
    }
    String clientId = form.get("client_id");
    if (clientId == null) {
      throw OidcException.invalidClient(
          "send client_id (public clients) or client_assertion (private_key_jwt)");
    }
    RegisteredClient client = client(clientId);
    if (!NONE.equals(client.tokenEndpointAuthMethod())) {
      throw OidcException.invalidClient(
          "the client is registered with "
              + client.tokenEndpointAuthMethod()
              + "; send client_assertion_type and client_assertion");
    }
    return new Authenticated(client, NONE);
  }

  /** The active login client {@code clientId}; invalid_client otherwise. */
  RegisteredClient client(String clientId) {
    RegisteredClient client =
        clients
            .findById(clientId)
            .filter(RegisteredClient::active)
            .orElseThrow(
                () -> OidcException.invalidClient("no active client with this client_id here"));
    if (client.integrationType() != IntegrationType.API_KLIENT
        && client.integrationType() != IntegrationType.IDPORTEN) {
      throw OidcException.unauthorizedClient(
          "the client's integration_type is "
              + client.integrationType().wireName()
              + "; ID-porten logins need api_klient or idporten");
    }
    return client;
  }

  private RegisteredClient byAssertion(Map<String, String> form, String assertion, Instant now) {
    if (!JWT_BEARER_ASSERTION.equals(form.get("client_assertion_type"))) {
      throw OidcException.invalidClient("client_assertion_type must be " + JWT_BEARER_ASSERTION);
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(assertion);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw OidcException.invalidClient("client_assertion is not a signed JWT");
    }
    String clientId = claims.getIssuer();
    if (clientId == null
        || !clientId.equals(claims.getSubject())
        || (form.containsKey("client_id") && !clientId.equals(form.get("client_id")))) {
      throw OidcException.invalidClient("client_assertion needs iss = sub = the client_id");
    }
    RegisteredClient client = client(clientId);
    checkClaims(claims, now);
    verify(jwt, client, now);
    return client;
  }

  private void checkClaims(JWTClaimsSet claims, Instant now) {
    // aud may hold a JSON null; List.contains(null) on an immutable list throws.
    if (claims.getAudience().stream().noneMatch(a -> a != null && audiences.contains(a))) {
      throw OidcException.invalidClient("client_assertion aud must be " + audiences.get(0));
    }
    Date exp = claims.getExpirationTime();
    if (exp == null || exp.toInstant().plus(SKEW).isBefore(now)) {
      throw OidcException.invalidClient("client_assertion has expired or has no exp");
    }
  }

  private void verify(SignedJWT jwt, RegisteredClient client, Instant now) {
    String kid = jwt.getHeader().getKeyID();
    ClientKey key =
        keys.findByClient(client.clientId()).stream()
            .filter(k -> k.kid().equals(kid) && !k.isExpired(now))
            .findFirst()
            .orElseThrow(
                () ->
                    OidcException.invalidClient(
                        "client_assertion kid is not an unexpired key of the client"));
    boolean valid;
    try {
      valid = jwt.verify(new RSASSAVerifier(RSAKey.parse(key.publicJwk())));
    } catch (ParseException | JOSEException e) {
      valid = false;
    }
    if (!valid) {
      throw OidcException.invalidClient("client_assertion signature does not verify");
    }
  }
}
