package io.krrkit.maskinporten;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.JwtGrantRules;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A Maskinporten JWT grant (RFC 7523): the claims Maskinporten reads, validated when built, and
 * signed with a registered RSA key whose {@code kid} goes in the header, or with an enterprise
 * certificate ({@link EnterpriseCertificate}) whose chain goes in {@code x5c}.
 *
 * <pre>{@code
 * String assertion = JwtGrant.builder()
 *     .audience(MaskinportenEnvironment.TEST.issuer())   // aud
 *     .issuer(clientId)                                  // iss: your client_id
 *     .scope(Scope.KRR_KONTAKTINFORMASJON_READ)
 *     .build()
 *     .sign(rsaKey);                                     // RS256, kid from the key
 * }</pre>
 *
 * @param audience {@code aud}: the Maskinporten issuer, e.g. {@code https://test.maskinporten.no/}
 * @param issuer {@code iss}: the client_id
 * @param subject {@code sub}, or {@code null} to leave it out (the default): RFC 7523 §3 asks for
 *     it, as the client_id; Digdir's grant table does not list it
 * @param request {@code scope}, {@code resource}, {@code consumer_org}, {@code iss_onbehalfof} and
 *     {@code pid}
 * @param jwtId {@code jti}, single use
 * @param issuedAt {@code iat}, whole seconds
 * @param expiresAt {@code exp}, at most {@value #MAX_LIFETIME_SECONDS} s after {@code iat}
 */
public record JwtGrant(
    String audience,
    String issuer,
    String subject,
    TokenRequest request,
    String jwtId,
    Instant issuedAt,
    Instant expiresAt) {

  /** The longest grant Maskinporten accepts: {@code exp - iat <= 120}. */
  public static final long MAX_LIFETIME_SECONDS = JwtGrantRules.MAX_LIFETIME_SECONDS;

  private static final Set<JWSAlgorithm> ALGORITHMS =
      JwtGrantRules.SIGNING_ALGORITHMS.stream()
          .map(JWSAlgorithm::parse)
          .collect(Collectors.toUnmodifiableSet());

  /** Validates; throws {@link MaskinportenConfigException} saying what to change. */
  public JwtGrant {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(issuedAt, "issuedAt == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    requireText(audience, "aud (audience) is required: the Maskinporten issuer");
    requireText(issuer, "iss (issuer) is required: your client_id");
    if (subject != null) {
      requireText(subject, "sub must not be blank; leave it out, or set it to your client_id");
    }
    requireText(jwtId, "jti is required and must be unique per grant");
    checkLifetime(Duration.between(issuedAt, expiresAt));
  }

  /** A builder with a fresh {@code jti}, the system clock and a lifetime of 120 s. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code exp - iat}. */
  public Duration lifetime() {
    return Duration.between(issuedAt, expiresAt);
  }

  /** The claims as Nimbus will serialise them. */
  public JWTClaimsSet claims() {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .audience(audience)
            .issuer(issuer)
            .subject(subject)
            .issueTime(Date.from(issuedAt))
            .expirationTime(Date.from(expiresAt))
            .jwtID(jwtId)
            .claim(JwtGrantRules.SCOPE, Scope.join(request.scopes()));
    if (!request.resources().isEmpty()) {
      claims.claim(JwtGrantRules.RESOURCE, new ArrayList<>(request.resources()));
    }
    if (request.pid() != null) {
      claims.claim(JwtGrantRules.PID, request.pid().value());
    }
    if (request.consumerOrg() != null) {
      claims.claim(JwtGrantRules.CONSUMER_ORG, request.consumerOrg().value());
    }
    if (request.issOnBehalfOf() != null) {
      claims.claim(JwtGrantRules.ISS_ONBEHALFOF, request.issOnBehalfOf());
    }
    return claims.build();
  }

  /**
   * Signs with {@code key}: with the key's own {@code alg} when it is RS256, RS384 or RS512, else
   * RS256.
   *
   * @return the compact JWS, the {@code assertion} of the token request
   */
  public String sign(RSAKey key) {
    return sign(key, defaultAlgorithm(Objects.requireNonNull(key, "key == null")));
  }

  /** The key's own {@code alg} when Maskinporten accepts it, else RS256. */
  static JWSAlgorithm defaultAlgorithm(RSAKey key) {
    if (key.getAlgorithm() == null) {
      return JWSAlgorithm.RS256;
    }
    JWSAlgorithm own = JWSAlgorithm.parse(key.getAlgorithm().getName());
    return ALGORITHMS.contains(own) ? own : JWSAlgorithm.RS256;
  }

  /**
   * Signs with {@code key} and {@code algorithm} (RS256, RS384 or RS512); the header carries the
   * key's {@code kid} and no {@code typ}, as Digdir's examples.
   *
   * @return the compact JWS, the {@code assertion} of the token request
   */
  public String sign(RSAKey key, JWSAlgorithm algorithm) {
    requireSigningKey(key, algorithm);
    JWSHeader header = new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build();
    SignedJWT jwt = new SignedJWT(header, claims());
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException | IllegalArgumentException e) {
      // Nimbus messages name key sizes and formats, never key material.
      throw new MaskinportenConfigException(
          "could not sign the grant with key " + key.getKeyID() + ": " + e.getMessage());
    }
    return jwt.serialize();
  }

  /**
   * Signs with an enterprise certificate and RS256: the header carries the full chain in {@code
   * x5c} and no {@code kid}, as for clients without registered keys.
   *
   * @return the compact JWS, the {@code assertion} of the token request
   */
  public String sign(EnterpriseCertificate certificate) {
    return sign(certificate, JWSAlgorithm.RS256);
  }

  /**
   * Signs with an enterprise certificate and {@code algorithm} (RS256, RS384 or RS512); the header
   * carries {@code alg} and the chain in {@code x5c}, no {@code kid} and no {@code typ}.
   *
   * @return the compact JWS, the {@code assertion} of the token request
   */
  public String sign(EnterpriseCertificate certificate, JWSAlgorithm algorithm) {
    Objects.requireNonNull(certificate, "certificate == null");
    requireAlgorithm(algorithm);
    JWSHeader header = new JWSHeader.Builder(algorithm).x509CertChain(certificate.x5c()).build();
    SignedJWT jwt = new SignedJWT(header, claims());
    try {
      jwt.sign(new RSASSASigner(certificate.privateKey()));
    } catch (JOSEException | IllegalArgumentException e) {
      throw new MaskinportenConfigException(
          "could not sign the grant with " + certificate + ": " + e.getMessage());
    }
    return jwt.serialize();
  }

  private static void requireAlgorithm(JWSAlgorithm algorithm) {
    Objects.requireNonNull(algorithm, "algorithm == null");
    if (!ALGORITHMS.contains(algorithm)) {
      throw new MaskinportenConfigException(
          "Maskinporten accepts " + JwtGrantRules.signingAlgorithmsText() + ", not " + algorithm);
    }
  }

  /**
   * Checks that {@code key} can sign grants with {@code algorithm}: an RSA private key with a
   * {@code kid}.
   */
  static void requireSigningKey(RSAKey key, JWSAlgorithm algorithm) {
    Objects.requireNonNull(key, "key == null");
    requireAlgorithm(algorithm);
    if (!key.isPrivate()) {
      throw new MaskinportenConfigException(
          "the signing key is a public key; give the private RSA key whose public half is"
              + " registered on the client");
    }
    if (key.getKeyID() == null || key.getKeyID().isBlank()) {
      throw new MaskinportenConfigException(
          "the signing key has no kid; set the kid under which its public key is registered on"
              + " the client (RSAKey.Builder.keyID)");
    }
  }

  private static void checkLifetime(Duration lifetime) {
    if (!JwtGrantRules.isAllowedLifetime(lifetime)) {
      throw new MaskinportenConfigException(
          "grant lifetime (exp - iat) must be 1.."
              + MAX_LIFETIME_SECONDS
              + " s, was "
              + (lifetime.getNano() == 0
                  ? lifetime.getSeconds() + " s"
                  : lifetime.toMillis() + " ms")
              + "; Maskinporten answers MP-130 otherwise");
    }
  }

  private static void requireText(String value, String message) {
    if (value == null || value.isBlank()) {
      throw new MaskinportenConfigException(message);
    }
  }

  /** Builds a {@link JwtGrant}; {@link #build()} validates. Not thread-safe. */
  public static final class Builder {
    private final TokenRequest.Builder request = TokenRequest.builder();
    private String audience;
    private String issuer;
    private String subject;
    private Clock clock = Clock.systemUTC();
    private Duration lifetime = Duration.ofSeconds(MAX_LIFETIME_SECONDS);

    private Builder() {}

    /** {@code aud}: the Maskinporten issuer, e.g. {@code https://test.maskinporten.no/}. */
    public Builder audience(String audience) {
      this.audience = Objects.requireNonNull(audience, "audience == null");
      return this;
    }

    /** {@code iss}: your client_id (integration id). */
    public Builder issuer(String clientId) {
      this.issuer = Objects.requireNonNull(clientId, "clientId == null");
      return this;
    }

    /**
     * {@code sub}: RFC 7523 §3 requires it, as your client_id, for client authentication.
     * Maskinporten's grant table does not list it, so it is left out unless set; set it for
     * authorization servers that follow RFC 7523 to the letter.
     */
    public Builder subject(String subject) {
      this.subject = Objects.requireNonNull(subject, "subject == null");
      return this;
    }

    /** Adds a scope to {@code scope}. */
    public Builder scope(Scope scope) {
      request.scope(scope);
      return this;
    }

    /** Adds scopes to {@code scope}. */
    public Builder scopes(Collection<Scope> scopes) {
      request.scopes(scopes);
      return this;
    }

    /** Adds a value to the {@code resource} array. */
    public Builder resource(String resource) {
      request.resource(resource);
      return this;
    }

    /** Sets {@code consumer_org}; excludes {@code iss_onbehalfof}. */
    public Builder consumerOrg(OrgNumber org) {
      request.consumerOrg(org);
      return this;
    }

    /** Sets {@code iss_onbehalfof}; excludes {@code consumer_org}. */
    public Builder issOnBehalfOf(String onBehalfOf) {
      request.issOnBehalfOf(onBehalfOf);
      return this;
    }

    /** Sets {@code pid}. */
    public Builder pid(Personidentifikator pid) {
      request.pid(pid);
      return this;
    }

    /** Copies scopes and optional claims from a {@link TokenRequest}. */
    public Builder request(TokenRequest tokenRequest) {
      Objects.requireNonNull(tokenRequest, "tokenRequest == null");
      request.scopes(tokenRequest.scopes());
      tokenRequest.resources().forEach(request::resource);
      if (tokenRequest.consumerOrg() != null) {
        request.consumerOrg(tokenRequest.consumerOrg());
      }
      if (tokenRequest.issOnBehalfOf() != null) {
        request.issOnBehalfOf(tokenRequest.issOnBehalfOf());
      }
      if (tokenRequest.pid() != null) {
        request.pid(tokenRequest.pid());
      }
      return this;
    }

    /** The clock {@code iat} is read from. Default: system UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** {@code exp - iat}, whole seconds, at most 120 s. Default 120 s. */
    public Builder lifetime(Duration lifetime) {
      this.lifetime = Objects.requireNonNull(lifetime, "lifetime == null");
      return this;
    }

    /** Validates, sets {@code iat} from the clock and a fresh {@code jti}, and builds. */
    public JwtGrant build() {
      checkLifetime(lifetime);
      Instant iat = clock.instant().truncatedTo(ChronoUnit.SECONDS);
      return new JwtGrant(
          audience,
          issuer,
          subject,
          request.build(),
          UUID.randomUUID().toString(),
          iat,
          iat.plusSeconds(lifetime.getSeconds()));
    }

    /** Builds and signs with {@code key} in one step; see {@link JwtGrant#sign(RSAKey)}. */
    public String sign(RSAKey key) {
      return build().sign(key);
    }

    /**
     * Builds and signs with an enterprise certificate in one step; see {@link
     * JwtGrant#sign(EnterpriseCertificate)}.
     */
    public String sign(EnterpriseCertificate certificate) {
      return build().sign(certificate);
    }
  }
}
