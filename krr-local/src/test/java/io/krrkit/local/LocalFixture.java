package io.krrkit.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.JwtGrantRules;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.Internals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The one shared test fixture of krr-local: a started emulator (free port, in-memory store, few
 * persons), an {@link HttpClient}, clients registered straight into the store with fresh RSA keys,
 * and JWT grants and access tokens from the real token endpoint.
 *
 * <pre>{@code
 * static LocalFixture fx = LocalFixture.start();          // in @BeforeAll; fx.close() in @AfterAll
 * TestClient c = fx.client().scopes(Scope.KRR_KONTAKTINFORMASJON_READ).register();
 * String token = fx.accessToken(c);                       // via POST {issuer}token
 * Answer a = fx.token(fx.sign(fx.header(c), fx.claims(c).audience("wrong"), c.privateKey()));
 * }</pre>
 *
 * Tests that move {@code krrLocal().clock()} set it back afterwards.
 */
public final class LocalFixture implements AutoCloseable {
  private static final String JWT_BEARER = JwtGrantRules.GRANT_TYPE;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KrrLocal krrLocal;
  private final HttpClient http = HttpClient.newHttpClient();

  private LocalFixture(KrrLocal krrLocal) {
    this.krrLocal = krrLocal;
  }

  /** An emulator with an empty register. */
  public static LocalFixture start() {
    return start(0);
  }

  /** An emulator with a synthetic population of {@code persons} (computed: any size is quick). */
  public static LocalFixture start(int persons) {
    return start(KrrLocal.builder().port(0).ephemeral().seedPersons(persons));
  }

  /** An emulator configured by {@code builder} (for shared stores, fixed clocks, ...). */
  public static LocalFixture start(KrrLocal.Builder builder) {
    return new LocalFixture(builder.build().start());
  }

  /** The running emulator. */
  public KrrLocal krrLocal() {
    return krrLocal;
  }

  /** A plain JDK HTTP client. */
  public HttpClient http() {
    return http;
  }

  /** {@code {base}/maskinporten/}. */
  public String issuer() {
    return krrLocal.maskinportenIssuer();
  }

  /** Starts registering a client: Maskinporten type, org 310000027, active, one fresh key. */
  public ClientSetup client() {
    return new ClientSetup();
  }

  /** Registers a default client with {@code scopes}. */
  public TestClient registerClient(Scope... scopes) {
    return client().scopes(scopes).register();
  }

  /** Header of a grant: RS256 and the client's {@code kid}. */
  public JWSHeader.Builder header(TestClient client) {
    return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(client.kid());
  }

  /**
   * Claims of a valid grant on the emulator's clock: {@code aud} = issuer, {@code iss} = client id,
   * {@code iat} = now, {@code exp} = now + 120 s, a fresh {@code jti}, and the client's scopes.
   */
  public JWTClaimsSet.Builder claims(TestClient client) {
    Instant now = krrLocal.clock().instant();
    return new JWTClaimsSet.Builder()
        .audience(issuer())
        .issuer(client.clientId())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(120)))
        .jwtID(UUID.randomUUID().toString())
        .claim("scope", Scope.join(client.scopes()));
  }

  /** Signs a grant made of {@code header} and {@code claims} with {@code key} (RS*). */
  public String sign(JWSHeader.Builder header, JWTClaimsSet.Builder claims, RSAKey key) {
    SignedJWT jwt = new SignedJWT(header.build(), claims.build());
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign the test grant", e);
    }
    return jwt.serialize();
  }

  /** A valid grant for all of the client's scopes. */
  public String grant(TestClient client) {
    return sign(header(client), claims(client), client.privateKey());
  }

  /** POSTs {@code grant_type=jwt-bearer&assertion=...} to {@code {issuer}token}. */
  public Answer token(String assertion) {
    return postForm(
        issuer() + "token", "grant_type=" + encode(JWT_BEARER) + "&assertion=" + encode(assertion));
  }

  /** An access token for all of the client's scopes, from the token endpoint. */
  public String accessToken(TestClient client) {
    Answer answer = token(grant(client));
    if (answer.status() != 200) {
      throw new IllegalStateException("token request failed: " + answer.body());
    }
    return answer.json().get("access_token").asText();
  }

  /** An access token for a fresh default client with {@code scopes}. */
  public String accessToken(Scope... scopes) {
    return accessToken(registerClient(scopes));
  }

  /** POSTs a form body to {@code url}. */
  public Answer postForm(String url, String formBody) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(formBody)));
  }

  /** POSTs a JSON body to {@code url} with {@code accessToken} as its bearer token. */
  public Answer postJson(String url, String accessToken, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + accessToken)
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** GETs {@code url}. */
  public Answer get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  /** Sends any request; the answer's JSON is parsed when the body is JSON. */
  public Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), parse(response.body()), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** URL-encodes a form value. */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    krrLocal.close();
  }

  private static JsonNode parse(String body) {
    try {
      return body.isEmpty() ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null; // not JSON: tests look at body()
    }
  }

  private static RSAKey newKey() {
    try {
      return new RSAKeyGenerator(2048)
          .keyID(UUID.randomUUID().toString())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a test key", e);
    }
  }

  /**
   * A client registered in the store.
   *
   * @param privateKey the key pair whose public half is registered ({@code null} without key)
   */
  public record TestClient(
      String clientId, String kid, RSAKey privateKey, OrgNumber org, Set<Scope> scopes) {
    /** Keeps the scopes in registration order. */
    public TestClient {
      scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
    }

    /** Leaves the private key out. */
    @Override
    public String toString() {
      return "TestClient[clientId=" + clientId + ", kid=" + kid + ", scopes=" + scopes + "]";
    }
  }

  /**
   * An HTTP answer.
   *
   * @param json the parsed body, or {@code null} when it is not JSON
   */
  public record Answer(int status, String body, JsonNode json, HttpResponse<String> response) {}

  /** Options of a client to register; unset ones keep the defaults of {@link #client()}. */
  public final class ClientSetup {
    private IntegrationType type = IntegrationType.MASKINPORTEN;
    private OrgNumber org = KrrLocal.DEFAULT_ORG;
    private final Set<Scope> scopes = new LinkedHashSet<>();
    private boolean active = true;
    private boolean withKey = true;
    private Duration keyLife = Duration.ofDays(365);

    private ClientSetup() {}

    /** Integration type; default {@code maskinporten}. */
    public ClientSetup type(IntegrationType type) {
      this.type = type;
      return this;
    }

    /** Owner; default {@link KrrLocal#DEFAULT_ORG}. */
    public ClientSetup org(OrgNumber org) {
      this.org = org;
      return this;
    }

    /** Scopes registered on the client. */
    public ClientSetup scopes(Scope... scopes) {
      this.scopes.addAll(List.of(scopes));
      return this;
    }

    /** Registers the client as inactive. */
    public ClientSetup inactive() {
      this.active = false;
      return this;
    }

    /** Registers no key (grants then need x5c). */
    public ClientSetup withoutKey() {
      this.withKey = false;
      return this;
    }

    /** The key expires this long after now on the emulator's clock (negative: expired). */
    public ClientSetup keyLife(Duration life) {
      this.keyLife = life;
      return this;
    }

    /**
     * Puts the client and its key straight into the store, the way every test module does ({@link
     * Controls#putClient}, as krr-junit's {@code TestClients}).
     */
    public TestClient register() {
      String clientId = UUID.randomUUID().toString();
      Controls controls = krrLocal.controls();
      controls.putClient(
          ClientSpec.jwtBearer(clientId, org, type.wireName(), scopes)
              .named("test client " + clientId));
      if (!active) {
        Internals.of(krrLocal)
            .clients()
            .save(Internals.of(krrLocal).clients().findById(clientId).orElseThrow().deactivated());
      }
      if (!withKey) {
        return new TestClient(clientId, null, null, org, scopes);
      }
      RSAKey key = newKey();
      controls.replaceKeys(clientId, List.of(key), keyLife);
      return new TestClient(clientId, key.getKeyID(), key, org, scopes);
    }
  }
}
