package io.krrkit.maskinporten.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JWKS cache over HTTP, against a JDK {@link HttpServer} standing in for an issuer, since the
 * faults here (counting fetches, an issuer that fails or lies) are not what the emulator does.
 */
class HttpJwksSourceTest {
  private final ValidatorFixture fx = new ValidatorFixture();
  private final AtomicInteger jwksFetches = new AtomicInteger();
  private final AtomicReference<JWKSet> served = new AtomicReference<>();
  private final AtomicInteger failWith = new AtomicInteger();
  private final AtomicReference<String> metadataIssuer = new AtomicReference<>();
  private HttpServer server;
  private String issuer;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/mp/";
    metadataIssuer.set(issuer);
    served.set(fx.jwks());
    server.createContext("/mp/.well-known/oauth-authorization-server", this::metadata);
    server.createContext("/mp/jwk", this::jwks);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void cachesTheKeysAndRefetchesAnUnknownKidAtMostOncePerInterval() {
    MaskinportenTokenValidator validator = overHttp();
    RSAKey rotated = ValidatorFixture.newKey("issuer-key-2");
    String oldToken = fx.sign(claims());
    String newToken = ValidatorFixture.sign(claims(), rotated);
    String bogus = ValidatorFixture.sign(claims(), ValidatorFixture.newKey("x"));

    validator.validate(oldToken);
    validator.validate(oldToken);
    assertThat(jwksFetches).hasValue(1);

    served.set(new JWKSet(java.util.List.of(fx.key.toPublicJWK(), rotated.toPublicJWK())));
    fx.clock.advance(Duration.ofSeconds(31));
    assertThat(validator.validate(newToken).clientId()).isNotBlank();
    assertThat(jwksFetches).hasValue(2);

    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> validator.validate(bogus))
          .isInstanceOf(TokenRejectedException.class);
    }
    assertThat(jwksFetches).hasValue(2);
  }

  @Test
  void keepsTheLastGoodKeysWhenARefetchFails() {
    MaskinportenTokenValidator validator = overHttp();
    String token = fx.sign(claims());
    validator.validate(token);

    failWith.set(503);
    fx.clock.advance(Duration.ofMinutes(16)); // past jwksMaxAge
    String later = fx.sign(claims());

    assertThat(validator.validate(later).clientId()).isNotBlank();
    assertThat(jwksFetches).hasValue(2);
  }

  @Test
  void failsAsUnavailableWhenNoKeysWereEverFetched() {
    failWith.set(500);
    String token = fx.sign(claims());

    assertThatThrownBy(() -> overHttp().validate(token))
        .isInstanceOf(KeysUnavailableException.class)
        .hasMessageContaining("try again later")
        .hasMessageNotContaining(token);
  }

  @Test
  void refusesMetadataThatNamesAnotherIssuer() {
    metadataIssuer.set("https://evil.example/");
    String token = fx.sign(claims());

    assertThatThrownBy(() -> overHttp().validate(token))
        .isInstanceOf(KeysUnavailableException.class)
        .hasMessageContaining("another issuer");
    assertThat(jwksFetches).hasValue(0);
  }

  @Test
  void findsTheMetadataAtTheRfc8414Location() {
    server.removeContext("/mp/.well-known/oauth-authorization-server");
    server.createContext("/.well-known/oauth-authorization-server/mp", this::metadata);

    assertThat(overHttp().validate(fx.sign(claims())).clientId()).isNotBlank();
  }

  @Test
  void findsTheMetadataAtTheOpenIdLocation() {
    server.removeContext("/mp/.well-known/oauth-authorization-server");
    server.createContext("/mp/.well-known/openid-configuration", this::metadata);

    assertThat(overHttp().validate(fx.sign(claims())).clientId()).isNotBlank();
  }

  @Test
  void namesEveryLocationTriedWhenNoneHasMetadata() {
    server.removeContext("/mp/.well-known/oauth-authorization-server");
    String root = issuer.substring(0, issuer.length() - "mp/".length());

    assertThatThrownBy(() -> overHttp().validate(fx.sign(claims())))
        .isInstanceOf(KeysUnavailableException.class)
        .hasMessageContaining(root + "mp/.well-known/oauth-authorization-server (HTTP 404)")
        .hasMessageContaining(root + ".well-known/oauth-authorization-server/mp (HTTP 404)")
        .hasMessageContaining(root + "mp/.well-known/openid-configuration (HTTP 404)");
  }

  @Test
  void takesMetadataAndTokensNamingTheIssuerWithoutItsTrailingSlash() {
    String withoutSlash = issuer.substring(0, issuer.length() - 1);
    metadataIssuer.set(withoutSlash);

    MaskinportenTokenValidator validator =
        MaskinportenTokenValidator.builder().issuer(withoutSlash).clock(fx.clock).build();

    assertThat(validator.validate(fx.sign(claims().issuer(withoutSlash))).clientId()).isNotBlank();
    assertThat(validator.validate(fx.sign(claims())).clientId()).isNotBlank();
  }

  private com.nimbusds.jwt.JWTClaimsSet.Builder claims() {
    return fx.claims("acme:orders.read").issuer(issuer);
  }

  private MaskinportenTokenValidator overHttp() {
    return MaskinportenTokenValidator.builder().issuer(issuer).clock(fx.clock).build();
  }

  private void metadata(HttpExchange exchange) throws IOException {
    respond(
        exchange,
        200,
        "{\"issuer\":\"" + metadataIssuer.get() + "\",\"jwks_uri\":\"" + issuer + "jwk\"}");
  }

  private void jwks(HttpExchange exchange) throws IOException {
    jwksFetches.incrementAndGet();
    if (failWith.get() != 0) {
      respond(exchange, failWith.get(), "{}");
      return;
    }
    respond(exchange, 200, served.get().toString(true));
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
