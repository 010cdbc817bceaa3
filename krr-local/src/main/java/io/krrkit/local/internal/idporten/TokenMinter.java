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
 * pid, acr, amr, auth_time, nonce, iat, exp, jti}) and the self-contained access token ({@code iss,
 * client_id, sub, pid, scope, acr, consumer, iat, exp, jti}, header {@code typ: at+jwt}).
 */
public final class TokenMinter {
  /** The only level the test login gives. */
  public static final String ACR = "idporten-loa-substantial";

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
            .claim("acr", ACR)
            .claim("amr", List.of("TestID"))
            .claim("auth_time", grant.authTime().getEpochSecond())
            .claim("locale", "nb")
            .issueTime(Date.from(iat))
            .expirationTime(Date.from(iat.plus(ID_TOKEN_LIFETIME)))
            .jwtID(UUID.randomUUID().toString());
    if (nonce != null) {
      claims.claim("nonce", nonce);
    }
    return key.sign(claims.build());
  }

  String accessToken(RegisteredClient client, Grant grant, Duration lifetime, Instant now) {
    Instant iat = now.truncatedTo(ChronoUnit.SECONDS);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .claim("client_id", client.clientId())
            .subject(pairwiseSubject(client.clientId(), grant.pid().value()))
            .claim("pid", grant.pid().value())
            .claim("scope", Scope.join(grant.scopes().stream().sorted().toList()))
            .claim("acr", ACR)
            .claim(
                "consumer",
                Map.of("authority", "iso6523-actorid-upis", "ID", client.orgNumber().iso6523()))
            .audience("unspecified")
            .issueTime(Date.from(iat))
            .expirationTime(Date.from(iat.plus(lifetime)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    return key.sign(claims, ACCESS_TOKEN_TYPE);
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
