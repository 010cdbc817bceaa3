package io.krrkit.local.internal.idporten;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.Scope;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the emulator's ID-porten over HTTP for the tests, as a browser and a client would: a thin
 * layer on {@link LocalFixture} (clients come through the self-service API), not a second fixture.
 */
public final class LoginFlow {
  /** The scopes of the user-driven KRR API. */
  public static final String KRR_USER_SCOPES =
      "openid profile krr:user/kontaktinformasjon.read krr:user/digitalpost.read"
          + " krr:user/spraak.write";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern LISTED = Pattern.compile("data-pid=\"(\\d{11})\"");

  private final LocalFixture fx;
  private final String idporten;
  private final String dcrToken;

  /** Calls as the fixture's default organisation, with a self-service token. */
  public LoginFlow(LocalFixture fx) {
    this(fx, fx.krrLocal().idportenIssuer());
  }

  /** Calls ID-porten at {@code idportenUrl} (one node of several on a store). */
  public LoginFlow(LocalFixture fx, String idportenUrl) {
    this.fx = fx;
    this.idporten = idportenUrl;
    this.dcrToken = fx.accessToken(Scope.DCR_READ, Scope.DCR_WRITE, Scope.DCR_MODIFY);
  }

  /** A client the tests log in to. {@code key} is null for a native (public) client. */
  public record Client(String clientId, String redirectUri, RSAKey key) {}

  /** Registers a native {@code api_klient} (auth method none) through self-service. */
  public Client registerNative(String redirectUri) {
    ObjectNode body = client("native", redirectUri);
    return new Client(create(body), redirectUri, null);
  }

  /** Registers a web {@code api_klient} with private_key_jwt and refresh tokens, and its key. */
  public Client registerWeb(String redirectUri, String refreshTokenUsage) {
    ObjectNode body = client("web", redirectUri);
    body.put("token_endpoint_auth_method", "private_key_jwt");
    body.put("refresh_token_usage", refreshTokenUsage);
    body.putArray("grant_types").add("authorization_code").add("refresh_token");
    String clientId = create(body);
    RSAKey key = newKey();
    ObjectNode jwks = JSON.createObjectNode();
    jwks.putArray("keys").add(parse(key.toPublicJWK().toJSONString()));
    Answer answer = selfService("/clients/" + clientId + "/jwks", jwks);
    if (answer.status() != 200) {
      throw new AssertionError("key upload refused: " + answer.body());
    }
    return new Client(clientId, redirectUri, key);
  }

  /** A client registered with a client secret method, and the secret shown at creation. */
  public record SecretClient(Client client, String secret) {}

  /** Registers a web {@code api_klient} with {@code method} (a client_secret_* one). */
  public SecretClient registerWithSecret(String redirectUri, String method) {
    ObjectNode body = client("web", redirectUri);
    body.put("token_endpoint_auth_method", method);
    body.putArray("grant_types").add("authorization_code").add("refresh_token");
    Answer answer = selfService("/clients", body);
    if (answer.status() != 200) {
      throw new AssertionError("create refused: " + answer.body());
    }
    return new SecretClient(
        new Client(answer.json().get("client_id").asText(), redirectUri, null),
        answer.json().path("client_secret").asText(null));
  }

  /** POSTs {@code body} to the self-service API path {@code path} (under /api/v1). */
  public Answer selfServicePost(String path, ObjectNode body) {
    return selfService(path, body);
  }

  /** Redeems a code with the given form extras and {@code Authorization} header (or null). */
  public Answer redeemWith(
      Client client, String code, String verifier, Map<String, String> extra, String header) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", client.redirectUri());
    form.put("code_verifier", verifier);
    form.putAll(extra);
    return postForm(idporten + "/token", form, header);
  }

  /** POSTs {@code form} to {@code url} with an optional {@code Authorization} header. */
  public Answer postForm(String url, Map<String, String> form, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(query(form)));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return fx.send(request);
  }

  /** The {@code Authorization: Basic} value for {@code clientId} and {@code secret}. */
  public static String basic(String clientId, String secret) {
    String pair = LocalFixture.encode(clientId) + ":" + LocalFixture.encode(secret);
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /** The client assertion form parameters (private_key_jwt) for {@code client}, {@code aud}. */
  public Map<String, String> assertion(Client client) {
    return withAssertion(client, new LinkedHashMap<>());
  }

  /** ID-porten's issuer as this flow calls it. */
  public String issuer() {
    return idporten;
  }

  /** A browser with ID-porten's SSO cookie: logs in, comes back for SSO, logs out. */
  public final class Browser {
    private String cookie;

    /** GET {@code url} with the session cookie, if any. */
    public Answer get(String url) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
      if (cookie != null) {
        request.header("Cookie", "KRR_IDPORTEN_SSO=" + cookie);
      }
      return remember(fx.send(request));
    }

    /** POST {@code form} to {@code url} with the session cookie, if any. */
    public Answer post(String url, Map<String, String> form) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(query(form)));
      if (cookie != null) {
        request.header("Cookie", "KRR_IDPORTEN_SSO=" + cookie);
      }
      return remember(fx.send(request));
    }

    /** Chooses {@code pid} on the login page of {@code authorizeUrl}. */
    public Answer login(String authorizeUrl, String pid) {
      Map<String, String> form = queryOf(URI.create(authorizeUrl).getRawQuery());
      form.put("pid", pid);
      return post(idporten + "/authorize", form);
    }

    /** Chooses {@code pid} on the login page {@code page} (its hidden fields posted back). */
    public Answer loginOnPage(String page, String pid) {
      Map<String, String> form = hiddenFields(page);
      form.put("pid", pid);
      return post(idporten + "/authorize", form);
    }

    /** The session cookie's value, or null. */
    public String cookie() {
      return cookie;
    }

    private Answer remember(Answer answer) {
      answer
          .response()
          .headers()
          .allValues("Set-Cookie")
          .forEach(
              c -> {
                if (c.startsWith("KRR_IDPORTEN_SSO=")) {
                  String value = c.substring("KRR_IDPORTEN_SSO=".length(), c.indexOf(';'));
                  cookie = value.isEmpty() ? null : value;
                }
              });
      return answer;
    }
  }

  private static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

  /**
   * The hidden fields of the login page's person form, as a browser would post them back (the
   * authorization request, resolved from a pushed one).
   */
  public static Map<String, String> hiddenFields(String page) {
    int start = page.indexOf("<form id=\"persons\"");
    String form = page.substring(start, page.indexOf("</form>", start));
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m = HIDDEN.matcher(form);
    while (m.find()) {
      fields.put(unescape(m.group(1)), unescape(m.group(2)));
    }
    return fields;
  }

  private static String unescape(String html) {
    return html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  /** A new browser without cookies. */
  public Browser browser() {
    return new Browser();
  }

  /** A browser holding the SSO cookie {@code cookie}. */
  public Browser browserWithCookie(String cookie) {
    Browser browser = new Browser();
    browser.cookie = cookie;
    return browser;
  }

  /** The authorize URL for {@code client} with {@code extra} parameters added. */
  public String authorizeUrl(Client client, String verifier, Map<String, String> extra) {
    StringBuilder url = new StringBuilder(authorizeUrl(client, "s-1", "n-1", verifier));
    Map<String, String> sorted = new java.util.TreeMap<>(extra);
    sorted.forEach((k, v) -> url.append('&').append(k).append('=').append(LocalFixture.encode(v)));
    return url.toString();
  }

  /** Registers a web client with private_key_jwt and {@code body}'s fields added. */
  public Client registerWeb(String redirectUri, Map<String, Object> fields) {
    ObjectNode body = client("web", redirectUri);
    body.put("token_endpoint_auth_method", "private_key_jwt");
    body.putArray("grant_types").add("authorization_code").add("refresh_token");
    fields.forEach((k, v) -> body.set(k, JSON.valueToTree(v)));
    String clientId = create(body);
    RSAKey key = newKey();
    ObjectNode jwks = JSON.createObjectNode();
    jwks.putArray("keys").add(parse(key.toPublicJWK().toJSONString()));
    Answer answer = selfService("/clients/" + clientId + "/jwks", jwks);
    if (answer.status() != 200) {
      throw new AssertionError("key upload refused: " + answer.body());
    }
    return new Client(clientId, redirectUri, key);
  }

  /** A fresh PKCE verifier (43 characters). */
  public static String verifier() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The authorize URL with every parameter a good client sends; null values are left out. */
  public String authorizeUrl(Client client, String state, String nonce, String verifier) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", client.clientId());
    p.put("redirect_uri", client.redirectUri());
    p.put("scope", KRR_USER_SCOPES);
    p.put("state", state);
    p.put("nonce", nonce);
    if (verifier != null) {
      p.put("code_challenge", Pkce.challengeOf(verifier));
      p.put("code_challenge_method", "S256");
    }
    return idporten + "/authorize?" + query(p);
  }

  /** The identity numbers the login page lists for {@code client}, in order. */
  public List<String> listedPersons(Client client) {
    String page = fx.get(authorizeUrl(client, "s", "n", verifier())).body();
    List<String> pids = new ArrayList<>();
    Matcher m = LISTED.matcher(page);
    while (m.find()) {
      pids.add(m.group(1));
    }
    if (pids.isEmpty()) {
      throw new AssertionError("no test person listed");
    }
    return pids;
  }

  /** Chooses {@code pid} on the login page of {@code authorizeUrl}; the answer is the redirect. */
  public Answer login(String authorizeUrl, String pid) {
    Map<String, String> form = queryOf(URI.create(authorizeUrl).getRawQuery());
    form.put("pid", pid);
    return fx.postForm(idporten + "/authorize", query(form));
  }

  /** Logs {@code pid} in to {@code client} with PKCE and returns the code. */
  public String code(Client client, String pid, String verifier) {
    Answer answer = login(authorizeUrl(client, "s-1", "n-1", verifier), pid);
    return param(answer, "code");
  }

  /** Redeems a code as a public client (auth method none). */
  public Answer redeem(Client client, String code, String verifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", client.redirectUri());
    form.put("client_id", client.clientId());
    form.put("code_verifier", verifier);
    return token(form);
  }

  /** Redeems a code with a client assertion (private_key_jwt). */
  public Answer redeemSigned(Client client, String code, String verifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", client.redirectUri());
    form.put("code_verifier", verifier);
    return token(withAssertion(client, form));
  }

  /** Uses a refresh token with a client assertion. */
  public Answer refresh(Client client, String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    return token(withAssertion(client, form));
  }

  /** POSTs a form to the token endpoint. */
  public Answer token(Map<String, String> form) {
    return fx.postForm(idporten + "/token", query(form));
  }

  /** An access token for {@code pid} from a native client's full login. */
  public String accessToken(Client client, String pid) {
    String verifier = verifier();
    Answer answer = redeem(client, code(client, pid, verifier), verifier);
    if (answer.status() != 200) {
      throw new AssertionError("token request refused: " + answer.body());
    }
    return answer.json().get("access_token").asText();
  }

  /** A query parameter of the redirect in {@code answer}'s Location header. */
  public static String param(Answer answer, String name) {
    String location = answer.response().headers().firstValue("Location").orElseThrow();
    return queryOf(URI.create(location).getRawQuery()).get(name);
  }

  /** Decodes a query string. */
  public static Map<String, String> queryOf(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
    }
    return params;
  }

  /** The claims of a JWT, unverified. */
  public static JWTClaimsSet claims(String jwt) {
    try {
      return SignedJWT.parse(jwt).getJWTClaimsSet();
    } catch (java.text.ParseException e) {
      throw new AssertionError("not a JWT", e);
    }
  }

  private Map<String, String> withAssertion(Client client, Map<String, String> form) {
    Instant now = fx.krrLocal().clock().instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(client.clientId())
            .subject(client.clientId())
            .audience(fx.krrLocal().idportenIssuer())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(60)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(client.key().getKeyID()).build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(client.key()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    form.put("client_assertion", jwt.serialize());
    return form;
  }

  private ObjectNode client(String applicationType, String redirectUri) {
    ObjectNode body = JSON.createObjectNode();
    body.put("integration_type", "api_klient");
    body.put("application_type", applicationType);
    body.put("client_name", "test " + applicationType + " app");
    body.putArray("redirect_uris").add(redirectUri);
    ArrayNode scopes = body.putArray("scopes");
    List.of(KRR_USER_SCOPES.split(" ")).forEach(scopes::add);
    return body;
  }

  private String create(ObjectNode body) {
    Answer answer = selfService("/clients", body);
    if (answer.status() != 200) {
      throw new AssertionError("create refused: " + answer.body());
    }
    return answer.json().get("client_id").asText();
  }

  private Answer selfService(String path, ObjectNode body) {
    try {
      return fx.send(
          HttpRequest.newBuilder(URI.create(fx.krrLocal().selfServiceUrl() + "/api/v1" + path))
              .header("Authorization", "Bearer " + dcrToken)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode parse(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RSAKey newKey() {
    try {
      return new RSAKeyGenerator(2048)
          .keyID("test-" + UUID.randomUUID())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String query(Map<String, String> params) {
    StringJoiner query = new StringJoiner("&");
    params.forEach(
        (k, v) -> {
          if (v != null) {
            query.add(LocalFixture.encode(k) + "=" + LocalFixture.encode(v));
          }
        });
    return query.toString();
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
