package io.krrkit.bench.fuzz;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Valid requests of every service, made fresh on each call where the service spends what it gets (a
 * grant's {@code jti}, an authorization code): the table the fuzzer draws from.
 */
final class Seeds {
  /** One kind of valid request. */
  record Seed(String service, String what, Maker maker) {}

  /** Makes one valid request; may talk to the emulator first (log-in, a fresh code). */
  interface Maker {
    RawRequest make() throws Exception;
  }

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  private static final String PID = KnownPersons.ACTIVE.value();

  private final Setup setup;
  private final RawHttp http;
  private final Mutator mutator;
  private final Random random;
  private final String org;
  private String cookie;
  private String csrf;

  Seeds(Setup setup, RawHttp http, Mutator mutator, Random random) {
    this.setup = setup;
    this.http = http;
    this.mutator = mutator;
    this.random = random;
    this.org = setup.krr.bootstrap().orgno();
  }

  List<Seed> all(boolean operatorApi) throws Exception {
    logIn();
    List<Seed> seeds = new ArrayList<>();
    maskinporten(seeds);
    selfService(seeds);
    krr(seeds);
    idporten(seeds);
    web(seeds);
    if (operatorApi) {
      admin(seeds);
    }
    return seeds;
  }

  // --- Maskinporten ---

  private void maskinporten(List<Seed> seeds) {
    String token = path(setup.krr.maskinportenIssuer()) + "token";
    seeds.add(
        new Seed(
            "maskinporten",
            "POST /token",
            () ->
                form(
                    "maskinporten",
                    "POST /token",
                    "POST",
                    token,
                    Map.of("grant_type", JWT_BEARER, "assertion", grant(false)))));
    seeds.add(
        new Seed(
            "maskinporten",
            "POST /token (claims mutated, signed)",
            () ->
                form(
                    "maskinporten",
                    "POST /token",
                    "POST",
                    token,
                    Map.of("grant_type", JWT_BEARER, "assertion", grant(true)))));
    String base = path(setup.krr.maskinportenIssuer());
    seeds.add(get("maskinporten", base + ".well-known/oauth-authorization-server", null));
    seeds.add(get("maskinporten", base + "jwk", null));
    seeds.add(get("maskinporten", base + "errors/MP-011", null));
  }

  /** A grant of the KRR client; {@code mutated}: its claims changed by the mutator, then signed. */
  private String grant(boolean mutated) throws JOSEException {
    long now = Instant.now().getEpochSecond();
    String claims =
        "{\"aud\":\""
            + setup.krr.maskinportenIssuer()
            + "\",\"iss\":\""
            + setup.krrClientId
            + "\",\"scope\":\"krr:global/kontaktinformasjon.read\",\"iat\":"
            + now
            + ",\"exp\":"
            + (now + 60)
            + ",\"jti\":\""
            + UUID.randomUUID()
            + "\""
            + (random.nextInt(4) == 0 ? ",\"resource\":[\"https://api.example.no/\"]" : "")
            + "}";
    return sign(setup.krrKey, mutated ? mutator.mutateJson(claims) : claims);
  }

  private static String sign(RSAKey key, String payload) throws JOSEException {
    JWSObject jws =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
            new Payload(payload));
    jws.sign(new RSASSASigner(key));
    return jws.serialize();
  }

  // --- self-service API ---

  private void selfService(List<Seed> seeds) throws Exception {
    String api = path(setup.krr.selfServiceUrl()) + "/api/v1";
    String client = api + "/clients/" + setup.clientId;
    String maskinportenClient =
        "{\"integration_type\":\"maskinporten\",\"client_name\":\"fuzz\",\"description\":\"a"
            + " fuzzed client\",\"scopes\":[\"idporten:dcr.read\"],"
            + "\"token_endpoint_auth_method\":\"private_key_jwt\",\"grant_types\":[\""
            + JWT_BEARER
            + "\"],\"access_token_lifetime\":120,\"client_uri\":\"https://fuzz.example/\"}";
    String loginClient =
        "{\"integration_type\":\"api_klient\",\"application_type\":\"web\",\"client_name\":"
            + "\"fuzz web\",\"redirect_uris\":[\"https://fuzz.example/cb\"],"
            + "\"post_logout_redirect_uris\":[\"https://fuzz.example/\"],\"scopes\":[\"openid\","
            + "\"profile\"],\"refresh_token_usage\":\"ONETIME\",\"refresh_token_lifetime\":600,"
            + "\"code_challenge_method\":\"S256\",\"sso_disabled\":false}";
    seeds.add(json("POST /clients", "POST", api + "/clients", maskinportenClient));
    seeds.add(json("POST /clients (login)", "POST", api + "/clients", loginClient));
    seeds.add(json("POST /clients (null)", "POST", api + "/clients", "null"));
    seeds.add(json("PUT /clients/{id}", "PUT", client, maskinportenClient));
    seeds.add(selfServiceGet("GET /clients/{id}", client));
    seeds.add(selfServiceGet("GET /clients", api + "/clients"));
    String jwks = Setup.jwks(Setup.key("fuzz"));
    seeds.add(json("POST /clients/{id}/jwks", "POST", client + "/jwks", jwks));
    seeds.add(json("PUT /clients/{id}/jwks", "PUT", client + "/jwks", jwks));
    seeds.add(
        json(
            "POST /clients/{id}/onbehalfof",
            "POST",
            client + "/onbehalfof",
            "{\"onbehalfof\":\"kunde-1\",\"orgno\":\"991825827\",\"name\":\"Kunde AS\","
                + "\"description\":\"fuzz\",\"client_uri\":\"https://kunde.example/\"}"));
    seeds.add(
        json(
            "POST /scopes",
            "POST",
            api + "/scopes",
            "{\"prefix\":\"fuzz\",\"subscope\":\"api\",\"description\":\"Fuzz API\","
                + "\"long_description\":\"x\",\"visibility\":\"PUBLIC\",\"token_type\":"
                + "\"SELF_CONTAINED\",\"at_max_age\":120,\"allowed_integration_types\":"
                + "[\"maskinporten\"],\"accessible_for_all\":false,\"requires_user_consent\":false}"));
    seeds.add(
        json(
            "PUT /scopes",
            "PUT",
            api + "/scopes?scope=fuzz:api",
            "{\"description\":\"Fuzz API, changed\",\"active\":true}"));
    seeds.add(
        json(
            "PUT /scopes/access/{orgno}",
            "PUT",
            api + "/scopes/access/991825827?scope=fuzz:api",
            ""));
    seeds.add(
        selfServiceGet(
            "GET /scopes/all",
            api + "/scopes/all?accessible_for_all=false&integration_type=maskinporten"));
    seeds.add(selfServiceGet("GET /scopes/access", api + "/scopes/access?scope=fuzz:api"));
  }

  private Seed json(String what, String method, String target, String body) {
    return new Seed(
        "selfservice",
        what,
        () ->
            RawRequest.of("selfservice", what, method, target)
                .header("Authorization", "Bearer " + setup.selfServiceToken())
                .header("Content-Type", "application/json")
                .withBody(body));
  }

  private Seed selfServiceGet(String what, String target) {
    return new Seed(
        "selfservice",
        what,
        () ->
            RawRequest.of("selfservice", what, "GET", target)
                .header("Authorization", "Bearer " + setup.selfServiceToken())
                .header("Accept", "application/json"));
  }

  // --- KRR ---

  private void krr(List<Seed> seeds) {
    String base = path(setup.krr.kontaktregisteretUrl());
    String ids =
        "[\""
            + PID
            + "\",\""
            + KnownPersons.RESERVED.value()
            + "\",\""
            + KnownPersons.NOT_REGISTERED.value()
            + "\"]";
    seeds.add(
        krrPost(
            "POST /rest/v1/personer",
            base + "/rest/v1/personer",
            "{\"personidentifikatorer\":" + ids + "}"));
    seeds.add(
        krrPost(
            "POST /rest/v2/personer",
            base + "/rest/v2/personer",
            "{\"personidentifikatorer\":" + ids + ",\"inkluderIkkeRegistrerte\":true}"));
    seeds.add(
        krrPost(
            "POST /rest/v2/krr/hentEndringer",
            base + "/rest/v2/krr/hentEndringer",
            "{\"fraEndringsId\":0}"));
  }

  private Seed krrPost(String what, String target, String body) {
    return new Seed(
        "krr",
        what,
        () ->
            RawRequest.of("krr", what, "POST", target)
                .header("Authorization", "Bearer " + setup.krrToken())
                .header("Content-Type", "application/json")
                .withBody(body));
  }

  // --- ID-porten ---

  private void idporten(List<Seed> seeds) {
    String base = path(setup.krr.idportenIssuer());
    seeds.add(
        new Seed(
            "idporten",
            "GET /authorize",
            () ->
                RawRequest.of(
                    "idporten",
                    "GET /authorize",
                    "GET",
                    base + "/authorize?" + encode(authorizeParams(challenge(verifier()))))));
    seeds.add(
        new Seed(
            "idporten",
            "POST /authorize (log-in)",
            () -> {
              Map<String, String> p = authorizeParams(challenge(verifier()));
              p.put("pid", PID);
              return form("idporten", "POST /authorize", "POST", base + "/authorize", p);
            }));
    seeds.add(new Seed("idporten", "POST /token", () -> idportenToken(base, false)));
    seeds.add(
        new Seed("idporten", "POST /token (client_assertion)", () -> idportenToken(base, true)));
    seeds.add(get("idporten", base + "/.well-known/openid-configuration", null));
    seeds.add(
        new Seed(
            "idporten",
            "GET /userinfo",
            () ->
                RawRequest.of("idporten", "GET /userinfo", "GET", base + "/userinfo")
                    .header("Authorization", "Bearer a.b.c")));
  }

  private Map<String, String> authorizeParams(String challenge) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", setup.nativeClientId);
    p.put("redirect_uri", Setup.REDIRECT);
    p.put("scope", "openid profile");
    p.put("state", "s-" + random.nextInt(1000));
    p.put("nonce", "n-" + random.nextInt(1000));
    p.put("code_challenge", challenge);
    p.put("code_challenge_method", "S256");
    p.put("ui_locales", "nb");
    return p;
  }

  /** A token request for a fresh code: logs the test person in first. */
  private RawRequest idportenToken(String base, boolean assertion) throws Exception {
    String verifier = verifier();
    Map<String, String> login = authorizeParams(challenge(verifier));
    login.put("pid", PID);
    RawHttp.Response answer =
        http.send(form("idporten", "login", "POST", base + "/authorize", login));
    String location = answer.header("Location");
    Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location == null ? "" : location);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("grant_type", "authorization_code");
    p.put(
        "code",
        code.find() ? java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8) : "none");
    p.put("redirect_uri", Setup.REDIRECT);
    p.put("code_verifier", verifier);
    p.put("client_id", setup.nativeClientId);
    if (assertion) {
      long now = Instant.now().getEpochSecond();
      String claims =
          "{\"iss\":\""
              + setup.nativeClientId
              + "\",\"sub\":\""
              + setup.nativeClientId
              + "\",\"aud\":\""
              + setup.krr.idportenIssuer()
              + "\",\"iat\":"
              + now
              + ",\"exp\":"
              + (now + 60)
              + ",\"jti\":\""
              + UUID.randomUUID()
              + "\"}";
      p.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
      p.put("client_assertion", sign(setup.krrKey, mutator.mutateJson(claims)));
    }
    return form("idporten", "POST /token", "POST", base + "/token", p);
  }

  private String verifier() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String challenge(String verifier) throws NoSuchAlgorithmException {
    byte[] hash =
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
  }

  // --- web page ---

  private void logIn() throws IOException {
    RawHttp.Response page = http.send(RawRequest.of("web", "GET /logg-inn", "GET", "/logg-inn"));
    cookie = cookie(page);
    String token = csrf(page);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("csrf", token);
    p.put("person", PID);
    p.put("org", org);
    RawHttp.Response signedIn =
        http.send(form("web", "POST /logg-inn", "POST", "/logg-inn", p).header("Cookie", cookie));
    cookie = cookie(signedIn);
    RawHttp.Response list =
        http.send(RawRequest.of("web", "GET", "GET", "/integrasjoner").header("Cookie", cookie));
    csrf = csrf(list);
    if (list.status() != 200 || csrf == null) {
      throw new IllegalStateException("web log-in failed: " + list.status());
    }
  }

  private void web(List<Seed> seeds) throws Exception {
    String client = "/integrasjoner/" + setup.clientId;
    seeds.add(webForm("POST /logg-inn", "/logg-inn", Map.of("person", PID, "org", org)));
    seeds.add(
        webForm(
            "POST /organisasjoner",
            "/organisasjoner",
            Map.of("org_name", "Fuzz AS", "org_number", "991825827")));
    seeds.add(webForm("POST /organisasjon", "/organisasjon", Map.of("org", org)));
    Map<String, String> integration = new LinkedHashMap<>();
    integration.put("integration_type", "maskinporten");
    integration.put("client_name", "fuzz web form");
    integration.put("description", "made by the fuzzer");
    integration.put("scopes", "idporten:dcr.read");
    integration.put("redirect_uris", "");
    seeds.add(webForm("POST /integrasjoner", "/integrasjoner", integration));
    seeds.add(webForm("POST /integrasjoner/{id}/endre", client + "/endre", integration));
    seeds.add(
        webForm(
            "POST /integrasjoner/{id}/paa-vegne-av",
            client + "/paa-vegne-av",
            Map.of(
                "onbehalfof",
                "kunde-2",
                "orgno",
                "991825827",
                "name",
                "Kunde",
                "description",
                "x",
                "client_uri",
                "https://kunde.example/")));
    Map<String, String> scope = new LinkedHashMap<>();
    scope.put("prefix", "fuzz");
    scope.put("subscope", "web");
    scope.put("description", "Fuzz web scope");
    scope.put("long_description", "");
    scope.put("visibility", "PUBLIC");
    scope.put("at_max_age", "120");
    scope.put("accessible_for_all", "true");
    seeds.add(webForm("POST /scopes", "/scopes", scope));
    seeds.add(
        webForm(
            "POST /scopes/tilgang",
            "/scopes/tilgang?scope=fuzz:web",
            Map.of("consumer_orgno", "991825827")));
    RSAKey key = Setup.key("fuzz-web");
    String jwk = key.toPublicJWK().toJSONString();
    String pem = pem(key);
    seeds.add(
        new Seed(
            "web",
            "POST /integrasjoner/{id}/nokler (multipart)",
            () ->
                multipart(
                    client + "/nokler",
                    random.nextBoolean()
                        ? Map.of("kid", "", "key", jwk)
                        : Map.of("kid", "fuzz-" + random.nextInt(1000)),
                    random.nextBoolean() ? pem : null)));
    seeds.add(webGet("GET /integrasjoner/{id}/nokler", client + "/nokler?erstatt=x"));
    seeds.add(webGet("GET /scopes/scope", "/scopes/scope?scope=fuzz:web"));
    seeds.add(webGet("GET /logg-inn?q=", "/logg-inn?q=0181"));
  }

  private Seed webForm(String what, String target, Map<String, String> fields) {
    return new Seed(
        "web",
        what,
        () -> {
          Map<String, String> p = new LinkedHashMap<>();
          p.put("csrf", csrf);
          p.putAll(fields);
          return form("web", what, "POST", target, p).header("Cookie", cookie);
        });
  }

  private Seed webGet(String what, String target) {
    return new Seed(
        "web",
        what,
        () ->
            RawRequest.of("web", what, "GET", target)
                .header("Cookie", cookie)
                .header("Accept", "text/html"));
  }

  private RawRequest multipart(String target, Map<String, String> fields, String file) {
    String boundary = "----fuzz" + Long.toHexString(random.nextLong());
    StringBuilder body = new StringBuilder();
    Map<String, String> all = new LinkedHashMap<>();
    all.put("csrf", csrf);
    all.putAll(fields);
    all.forEach(
        (name, value) ->
            body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
    if (file != null) {
      body.append("--")
          .append(boundary)
          .append("\r\nContent-Disposition: form-data; name=\"key_file\"; filename=\"key.pem\"\r\n")
          .append("Content-Type: application/x-pem-file\r\n\r\n")
          .append(file)
          .append("\r\n");
    }
    body.append("--").append(boundary).append("--\r\n");
    return RawRequest.of("web", "POST /nokler", "POST", target)
        .header("Cookie", cookie)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .withBody(body.toString());
  }

  private static String pem(RSAKey key) throws JOSEException {
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.toPublicKey().getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
  }

  // --- operator API ---

  private void admin(List<Seed> seeds) {
    String person =
        "{\"reservasjon\":\"NEI\",\"status\":\"AKTIV\",\"varslingsstatus\":\"KAN_VARSLES\","
            + "\"kontaktinformasjon\":{\"epostadresse\":\"kari@example.com\","
            + "\"epostadresse_oppdatert\":\"2024-06-10T21:00:01+02\",\"mobiltelefonnummer\":"
            + "\"+4799999999\",\"mobiltelefonnummer_oppdatert\":\"2024-06-10T21:00:01+02\"},"
            + "\"spraak\":\"nb\",\"spraak_oppdatert\":\"2024-06-10T21:00:01+02\"}";
    String id = "/admin/persons/" + KnownPersons.EMAIL_ONLY.value();
    seeds.add(adminJson("PUT /admin/persons/{id}", "PUT", id, person));
    seeds.add(
        adminJson(
            "PATCH /admin/persons/{id}",
            "PATCH",
            id,
            "{\"spraak\":\"en\",\"kontaktinformasjon\":{\"mobiltelefonnummer\":null}}"));
    seeds.add(adminJson("GET /admin/persons/{id}", "GET", id, ""));
    seeds.add(adminJson("PUT /admin/clock", "PUT", "/admin/clock", "{\"offset\":\"PT0S\"}"));
    seeds.add(
        adminJson(
            "POST /admin/scopes",
            "POST",
            "/admin/scopes",
            "{\"name\":\"fuzz:admin\",\"description\":\"Fuzz\",\"accessible_for_all\":false,\"at_max_age\":60,\"allowed_integration_types\":[\"maskinporten\"]}"));
    seeds.add(
        adminJson(
            "PUT /admin/access",
            "PUT",
            "/admin/access",
            "{\"scope\":\"fuzz:admin\",\"orgno\":\"991825827\"}"));
    seeds.add(
        adminJson(
            "DELETE /admin/access",
            "DELETE",
            "/admin/access?scope=fuzz:admin&orgno=991825827",
            ""));
    seeds.add(
        adminJson(
            "POST /admin/delegations",
            "POST",
            "/admin/delegations",
            "{\"consumer_orgno\":\"991825827\",\"supplier_orgno\":\""
                + org
                + "\",\"scope\":\"fuzz:admin\"}"));
    seeds.add(
        adminJson(
            "POST /admin/certificates",
            "POST",
            "/admin/certificates",
            "{\"orgno\":\"991825827\",\"password\":\"pw\",\"name\":\"Fuzz AS\"}"));
  }

  private Seed adminJson(String what, String method, String target, String body) {
    return new Seed(
        "admin",
        what,
        () ->
            RawRequest.of("admin", what, method, target)
                .header("Content-Type", "application/json")
                .withBody(body));
  }

  // --- shared ---

  private Seed get(String service, String target, String accept) {
    return new Seed(
        service,
        "GET " + target,
        () -> {
          RawRequest r = RawRequest.of(service, "GET " + target, "GET", target);
          return accept == null ? r : r.header("Accept", accept);
        });
  }

  private static RawRequest form(
      String service, String what, String method, String target, Map<String, String> params) {
    return RawRequest.of(service, what, method, target)
        .header("Content-Type", FORM)
        .withBody(encode(params));
  }

  private static String encode(Map<String, String> params) {
    StringBuilder s = new StringBuilder();
    params.forEach(
        (k, v) -> {
          if (s.length() > 0) {
            s.append('&');
          }
          s.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    return s.toString();
  }

  private static String path(String url) {
    return URI.create(url).getRawPath();
  }

  private static String cookie(RawHttp.Response answer) {
    String set = answer.header("Set-Cookie");
    if (set == null) {
      throw new IllegalStateException("no session cookie: " + answer.status());
    }
    return set.substring(0, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
  }

  private static String csrf(RawHttp.Response page) {
    Matcher m = CSRF.matcher(page.text());
    return m.find() ? m.group(1) : null;
  }
}
