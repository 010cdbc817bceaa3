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
import io.krrkit.local.internal.client.ClientSecrets;
import io.krrkit.local.internal.client.RegisteredClient;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Authenticates the client at the token, PAR, revocation and introspection endpoints with the
 * method it is registered with ({@code token_endpoint_auth_method}): {@code private_key_jwt} (a
 * client assertion signed with one of the client's registered keys, {@code aud} the issuer or the
 * endpoint), {@code client_secret_basic} (HTTP Basic, RFC 6749 §2.3.1), {@code client_secret_post}
 * ({@code client_id} and {@code client_secret} in the form) or {@code none} for clients registered
 * so (native apps, which prove possession with PKCE instead). One method per request.
 */
public final class ClientAuthenticator {
  static final String JWT_BEARER_ASSERTION =
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  static final String NONE = "none";
  static final String PRIVATE_KEY_JWT = "private_key_jwt";
  static final String CLIENT_SECRET_BASIC = "client_secret_basic";
  static final String CLIENT_SECRET_POST = "client_secret_post";
  private static final Duration SKEW = Duration.ofSeconds(10);

  private final ClientRepository clients;
  private final ClientKeyRepository keys;
  private final ClientSecrets secrets;
  private final List<String> audiences;

  public ClientAuthenticator(
      ClientRepository clients, ClientKeyRepository keys, ClientSecrets secrets, String issuer) {
    this.clients = clients;
    this.keys = keys;
    this.secrets = secrets;
    this.audiences =
        List.of(
            issuer, issuer + "/token", issuer + "/par", issuer + "/revoke", issuer + "/tokeninfo");
  }

  /** The client behind a token request, with the method it used. */
  record Authenticated(RegisteredClient client, String method) {}

  Authenticated authenticate(Map<String, String> form, String authorizationHeader, Instant now) {
    boolean basic = isBasic(authorizationHeader);
    String assertion = form.get("client_assertion");
    String postedSecret = form.get("client_secret");
    int methods = (basic ? 1 : 0) + (assertion != null ? 1 : 0) + (postedSecret != null ? 1 : 0);
    if (methods > 1) {
      throw OidcException.invalidRequest(
          "use one client authentication method per request (RFC 6749 §2.3): Basic, client_secret"
              + " or client_assertion");
    }
    if (basic) {
      String[] idAndSecret = basicCredentials(authorizationHeader);
      if (form.containsKey("client_id") && !idAndSecret[0].equals(form.get("client_id"))) {
        throw OidcException.invalidClient("client_id differs from the one in the Basic header");
      }
      return bySecret(idAndSecret[0], idAndSecret[1], CLIENT_SECRET_BASIC);
    }
    if (postedSecret != null) {
      String clientId = form.get("client_id");
      if (clientId == null) {
        throw OidcException.invalidClient("client_secret_post needs client_id with client_secret");
      }
      return bySecret(clientId, postedSecret, CLIENT_SECRET_POST);
    }
    if (assertion != null) {
      RegisteredClient client = byAssertion(form, assertion, now);
      requireMethod(client, PRIVATE_KEY_JWT);
      return new Authenticated(client, PRIVATE_KEY_JWT);
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
              + "; authenticate with it ("
              + howTo(client.tokenEndpointAuthMethod())
              + ")");
    }
    return new Authenticated(client, NONE);
  }

  static boolean isBasic(String authorizationHeader) {
    return authorizationHeader != null
        && authorizationHeader.regionMatches(true, 0, "basic ", 0, 6);
  }

  /** {client_id, secret} of a Basic header, each form-urlencoded first (RFC 6749 §2.3.1). */
  private static String[] basicCredentials(String header) {
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw OidcException.invalidClient("the Basic header is not base64 of client_id:secret");
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      throw OidcException.invalidClient("the Basic header is not base64 of client_id:secret");
    }
    try {
      return new String[] {
        URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
        URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
      };
    } catch (IllegalArgumentException e) {
      throw OidcException.invalidClient("the Basic header's client_id or secret is malformed");
    }
  }

  private Authenticated bySecret(String clientId, String secret, String method) {
    RegisteredClient client = client(clientId);
    requireMethod(client, method);
    switch (secrets.check(client.clientId(), secret)) {
      case VALID -> {
        return new Authenticated(client, method);
      }
      case EXPIRED ->
          throw OidcException.invalidClient(
              "the client_secret has expired (they live 360 days); generate a new one with POST"
                  + " /clients/{client_id}/secret");
      default -> throw OidcException.invalidClient("client authentication failed");
    }
  }

  private static void requireMethod(RegisteredClient client, String used) {
    String registered = client.tokenEndpointAuthMethod();
    if (!used.equals(registered)) {
      throw OidcException.invalidClient(
          "the client is registered with token_endpoint_auth_method "
              + registered
              + ", not "
              + used);
    }
  }

  /** The active client {@code clientId}, of any type, if there is one. */
  java.util.Optional<RegisteredClient> find(String clientId) {
    return clientId == null
        ? java.util.Optional.empty()
        : clients.findById(clientId).filter(RegisteredClient::active);
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

  private static String howTo(String method) {
    return switch (method) {
      case CLIENT_SECRET_BASIC -> "an Authorization: Basic header";
      case CLIENT_SECRET_POST -> "client_secret in the form";
      default -> "client_assertion_type and client_assertion";
    };
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
