package io.krrkit.local.internal.idporten;

import com.nimbusds.jwt.JWTClaimsSet;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.client.RegisteredClient;
import io.krrkit.local.internal.signing.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints ID-porten's tokens with the emulator's ID-porten key: the ID token ({@code iss, aud, sub,
 * pid, acr, amr, auth_time, nonce, sid, iat, exp, jti}) and the self-contained access token ({@code
 * iss, client_id, sub, pid, scope, acr, consumer, iat, exp, jti}, header {@code typ: at+jwt}).
 */
public final class TokenMinter {
  /** The level a log-in gives unless {@code acr_values} asks for more. */
  public static final String ACR = Acr.SUBSTANTIAL;

  /** Access token header type, which tells access tokens from ID tokens. */
  static final String ACCESS_TOKEN_TYPE = "at+jwt";

  static final Duration ID_TOKEN_LIFETIME = Duration.ofSeconds(120);

  private final String issuer;
  private final SigningKeys key;

  public TokenMinter(String issuer, SigningKeys key) {
    this.issuer = issuer;
    this.key = key;
  }

  String idToken(RegisteredClient client, Grant grant, String nonce, Instant now) {
    Instant iat = now.truncatedTo(ChronoUnit.SECONDS);
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(client.clientId())
            .subject(pairwiseSubject(client.clientId(), grant.pid().value()))
            .claim("pid", grant.pid().value())
            .claim("acr", grant.acr())
            .claim("amr", List.of("TestID"))
            .claim("auth_time", grant.authTime().getEpochSecond())
            .claim("locale", "nb")
            .issueTime(Date.from(iat))
            .expirationTime(Date.from(iat.plus(ID_TOKEN_LIFETIME)))
            .jwtID(UUID.randomUUID().toString());
    if (nonce != null) {
      claims.claim("nonce", nonce);
    }
    if (grant.sid() != null) {
      claims.claim("sid", grant.sid());
    }
    return key.sign(claims.build());
  }

  String accessToken(
      RegisteredClient client, Grant grant, Duration lifetime, Instant now, String jti) {
    Instant iat = now.truncatedTo(ChronoUnit.SECONDS);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .claim("client_id", client.clientId())
            .subject(pairwiseSubject(client.clientId(), grant.pid().value()))
            .claim("pid", grant.pid().value())
            .claim("scope", Scope.join(grant.scopes().stream().sorted().toList()))
            .claim("acr", grant.acr())
            .claim(
                "consumer",
                Map.of("authority", "iso6523-actorid-upis", "ID", client.orgNumber().iso6523()))
            .audience("unspecified")
            .issueTime(Date.from(iat))
            .expirationTime(Date.from(iat.plus(lifetime)))
            .jwtID(jti)
            .build();
    return key.sign(claims, ACCESS_TOKEN_TYPE);
  }

  /** A token this ID-porten signed: its claims and whether it is an access token. */
  record Verified(JWTClaimsSet claims, boolean accessToken) {}

  /**
   * {@code jwt} if this ID-porten signed it with a published key and issued it; expiry is not
   * checked (a logout's {@code id_token_hint} may have expired, introspection answers it).
   */
  java.util.Optional<Verified> verifyOwn(String jwt) {
    try {
      com.nimbusds.jwt.SignedJWT parsed = com.nimbusds.jwt.SignedJWT.parse(jwt);
      String kid = parsed.getHeader().getKeyID();
      java.util.Optional<com.nimbusds.jose.jwk.RSAKey> published =
          kid == null ? java.util.Optional.empty() : key.publishedKey(kid);
      if (published.isEmpty()
          || !parsed.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(published.get()))) {
        return java.util.Optional.empty();
      }
      JWTClaimsSet claims = parsed.getJWTClaimsSet();
      if (!issuer.equals(claims.getIssuer())) {
        return java.util.Optional.empty();
      }
      boolean accessToken =
          new com.nimbusds.jose.JOSEObjectType(ACCESS_TOKEN_TYPE)
              .equals(parsed.getHeader().getType());
      return java.util.Optional.of(new Verified(claims, accessToken));
    } catch (java.text.ParseException | com.nimbusds.jose.JOSEException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  /** The pairwise {@code sub}: stable per client and person, different across clients. */
  public static String pairwiseSubject(String clientId, String pid) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("krr-local:" + clientId + ":" + pid).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
