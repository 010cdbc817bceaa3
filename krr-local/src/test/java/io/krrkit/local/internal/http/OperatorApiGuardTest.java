package io.krrkit.local.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.RequiredTool;
import io.krrkit.local.internal.Internals;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator API is never open by accident: no start beyond loopback without a token, the token
 * on every call once set, and no cross-site or DNS-rebound request, answered in the operator API's
 * JSON error shape.
 */
class OperatorApiGuardTest {
  private static final String TOKEN = "test-operator-token-0123456789";
  private static LocalFixture open;
  private static LocalFixture guarded;

  @BeforeAll
  static void start() {
    open = LocalFixture.start(KrrLocal.builder().port(0).ephemeral().seedPersons(5).adminApi(true));
    guarded =
        LocalFixture.start(
            KrrLocal.builder()
                .port(0)
                .host("0.0.0.0")
                .ephemeral()
                .seedPersons(0)
                .adminApi(true)
                .operatorToken(TOKEN));
  }

  @AfterAll
  static void stop() {
    open.close();
    guarded.close();
  }

  @Test
  void refusesToServeTheOperatorApiBeyondLoopbackWithoutAToken() {
    assertThatThrownBy(() -> KrrLocal.builder().host("0.0.0.0").adminApi(true).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--operator-token")
        .hasMessageContaining("KRR_LOCAL_OPERATOR_TOKEN");
    assertThatThrownBy(() -> KrrLocal.builder().host("::").adminApi(true).build())
        .isInstanceOf(IllegalArgumentException.class);
    // Loopback, or beyond loopback without the operator API, is fine.
    KrrLocal.builder().host("localhost").adminApi(true).build();
    KrrLocal.builder().host("0.0.0.0").adminApi(false).build();
  }

  @Test
  void refusesATokenTooShortToBeSecret() {
    assertThatThrownBy(() -> KrrLocal.builder().operatorToken("secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16");
  }

  @Test
  void everyCallNeedsTheTokenOnceOneIsSet() {
    String clock = guarded.krrLocal().baseUrl() + "/admin/clock";

    Answer none = guarded.get(clock);
    Answer wrong = send(clock, "Bearer " + TOKEN.substring(1) + "x");
    Answer right = send(clock, "Bearer " + TOKEN);

    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json().path("error").asText()).isEqualTo("unauthorized");
    assertThat(none.json().path("error_description").asText()).contains("Authorization: Bearer");
    assertThat(none.response().headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain(TOKEN);
    assertThat(right.status()).isEqualTo(200);
    assertThat(right.json().has("offset")).isTrue();
  }

  @Test
  void aRemoteCallerWithTheTokenIsServedAndWithoutItRefused() {
    Optional<InetAddress> lan = nonLoopbackAddress();
    RequiredTool.require(lan.isPresent(), "no non-loopback IPv4 address on this machine");
    int port = URI.create(guarded.krrLocal().baseUrl()).getPort();
    String host = lan.get().getHostAddress() + ":" + port;

    RawHttp without = RawHttp.send(lan.get(), port, "GET /admin/clock", Map.of("Host", host), null);
    RawHttp with =
        RawHttp.send(
            lan.get(),
            port,
            "GET /admin/clock",
            Map.of("Host", host, "Authorization", "Bearer " + TOKEN),
            null);

    assertThat(without.status()).isEqualTo(401);
    assertThat(with.status()).as(with.body()).isEqualTo(200);
  }

  @Test
  void refusesAForeignHostHeaderAsDnsRebinding() {
    int port = URI.create(open.krrLocal().baseUrl()).getPort();
    InetAddress loopback = InetAddress.getLoopbackAddress();

    RawHttp rebound =
        RawHttp.send(
            loopback, port, "GET /admin/clock", Map.of("Host", "evil.example:" + port), null);
    RawHttp local =
        RawHttp.send(loopback, port, "GET /admin/clock", Map.of("Host", "localhost:" + port), null);
    RawHttp ip =
        RawHttp.send(loopback, port, "GET /admin/clock", Map.of("Host", "127.0.0.1:" + port), null);

    assertThat(rebound.status()).isEqualTo(403);
    assertThat(rebound.headers().get("content-type")).startsWith("application/json");
    assertThat(rebound.body()).contains("\"error\":\"forbidden\"").contains("--allowed-host");
    assertThat(local.status()).isEqualTo(200);
    assertThat(ip.status()).isEqualTo(200);
  }

  @Test
  void allowsAHostTheOperatorListed() {
    try (LocalFixture listed =
        LocalFixture.start(
            KrrLocal.builder()
                .port(0)
                .ephemeral()
                .seedPersons(0)
                .adminApi(true)
                .allowedHosts("krr-local.test"))) {
      int port = URI.create(listed.krrLocal().baseUrl()).getPort();
      RawHttp answer =
          RawHttp.send(
              InetAddress.getLoopbackAddress(),
              port,
              "GET /admin/clock",
              Map.of("Host", "krr-local.test:" + port),
              null);

      assertThat(answer.status()).isEqualTo(200);
    }
  }

  @Test
  void aCrossSiteTextPlainPostDoesNotReseedTheRegister() {
    long before = Internals.of(open.krrLocal()).register().count();

    Answer answer =
        open.send(
            HttpRequest.newBuilder(URI.create(open.krrLocal().baseUrl() + "/admin/persons/seed"))
                .header("Content-Type", "text/plain")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"count\": 1, \"seed\": 7}")));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().path("error").asText()).isEqualTo("forbidden");
    assertThat(answer.json().path("error_description").asText()).contains("Origin");
    assertThat(Internals.of(open.krrLocal()).register().count()).isEqualTo(before);
  }

  @Test
  void refusesAForeignOriginEvenWithTheToken() {
    Answer answer =
        guarded.send(
            HttpRequest.newBuilder(URI.create(guarded.krrLocal().baseUrl() + "/admin/clock"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Origin", "http://localhost:9999")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"offset\":\"P1D\"}")));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(guarded.krrLocal().clock().offset()).isEqualTo(Duration.ZERO);
  }

  @Test
  void servesItsOwnOriginAndRefusesSecFetchSiteCrossSite() {
    String base = open.krrLocal().baseUrl();
    Answer own =
        open.send(
            HttpRequest.newBuilder(URI.create(base + "/admin/clock")).header("Origin", base).GET());
    Answer crossSite =
        open.send(
            HttpRequest.newBuilder(URI.create(base + "/admin/clock"))
                .header("Sec-Fetch-Site", "cross-site")
                .GET());

    assertThat(own.status()).isEqualTo(200);
    assertThat(crossSite.status()).isEqualTo(403);
  }

  private static Answer send(String url, String authorization) {
    return guarded.send(
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).GET());
  }

  private static Optional<InetAddress> nonLoopbackAddress() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) {
          continue;
        }
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
            return Optional.of(a);
          }
        }
      }
    } catch (SocketException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
