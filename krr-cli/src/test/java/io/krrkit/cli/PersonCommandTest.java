package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.core.IntegrationType;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.client.RegisteredClient;
import io.krrkit.local.internal.krr.RegisterEntry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code krr person}: the CLI's loopback login, with the login page driven by a plain HTTP client
 * in place of the browser (GET the authorize URL, post the person choice, follow the redirect to
 * the CLI's loopback server).
 */
class PersonCommandTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static KrrLocal krr;
  private static String clientId;
  private static String pid;

  @BeforeAll
  static void startEmulator() {
    krr = KrrLocal.builder().port(0).ephemeral().seedPersons(5).build().start();
    clientId = registerNativeClient();
    // The first active person the log-in page offers (the population is computed, not stored).
    pid = Internals.of(krr).persons.active(null, 1).get(0);
  }

  @AfterAll
  static void stopEmulator() {
    krr.close();
  }

  @Test
  void showLogsInThroughTheLoopbackRedirectAndPrintsTheOwnRecord() throws Exception {
    Login login = start("person", "show");

    int callback = login.completeAs(pid, UnaryOperator.identity());
    CliRun run = login.finish();

    assertThat(callback).isEqualTo(200);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"personidentifikator\":\"" + pid + "\"");
  }

  @Test
  void setLanguageChangesTheRegister() throws Exception {
    Login login = start("person", "set-language", "nn");

    login.completeAs(pid, UnaryOperator.identity());
    CliRun run = login.finish();

    assertThat(run.exitCode()).as(run.err()).isZero();
    RegisterEntry entry =
        Internals.of(krr).register().find(Personidentifikator.of(pid)).orElseThrow();
    assertThat(entry.spraak()).isEqualTo("nn");
  }

  @Test
  void refusesARedirectWhoseStateDoesNotMatch() throws Exception {
    Login login = start("person", "show");

    login.completeAs(pid, location -> location.replaceAll("state=[^&]*", "state=forged"));
    CliRun run = login.finish();

    assertThat(run.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR.code);
    assertThat(run.err()).contains("state does not match");
  }

  @Test
  void reportsAnUnknownClientWithoutWaitingForTheTimeout() throws Exception {
    Login login = start("person", "show", "--client-id", "no-such-client");

    HttpResponse<String> page =
        HTTP.send(get(login.authorizeUrl()), HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("no active client");
    CliRun run = login.answerWithError("invalid_client");
    assertThat(run.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR.code);
    assertThat(run.err()).contains("ID-porten refused the login: invalid_client");
  }

  private static Login start(String... command) throws InterruptedException {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of("--url", krr.baseUrl(), "--no-browser", "--timeout", "20"));
    if (!args.contains("--client-id")) {
      args.addAll(List.of("--client-id", clientId));
    }
    LineQueue errLines = new LineQueue();
    StringWriter out = new StringWriter();
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                Krr.run(
                    new PrintWriter(out, true),
                    new PrintWriter(errLines, true),
                    args.toArray(String[]::new)));
    String url = errLines.awaitLineStartingWith("http", 20);
    return new Login(url, exit, out, errLines);
  }

  /** A running {@code krr person} command waiting for its login. */
  private record Login(
      String authorizeUrl, CompletableFuture<Integer> exit, StringWriter out, LineQueue err) {
    /** Chooses {@code person} on the login page and sends the browser on to the CLI. */
    int completeAs(String person, UnaryOperator<String> tamper) throws Exception {
      HttpResponse<String> page =
          HTTP.send(get(authorizeUrl), HttpResponse.BodyHandlers.ofString());
      assertThat(page.body()).contains("data-pid=\"" + person + "\"");
      String form = URI.create(authorizeUrl).getRawQuery() + "&pid=" + person;
      HttpResponse<String> chosen =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(authorizeUrl.substring(0, authorizeUrl.indexOf('?'))))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String location = chosen.headers().firstValue("Location").orElseThrow();
      assertThat(location).startsWith("http://127.0.0.1:");
      return HTTP.send(get(tamper.apply(location)), HttpResponse.BodyHandlers.ofString())
          .statusCode();
    }

    CliRun finish() throws Exception {
      int code = exit.get(30, TimeUnit.SECONDS);
      return new CliRun(code, out.toString(), err.text());
    }

    /** Sends the CLI's loopback server an error answer, as ID-porten would, and waits. */
    CliRun answerWithError(String error) throws Exception {
      Map<String, String> params = queryOf(URI.create(authorizeUrl).getRawQuery());
      String callback =
          params.get("redirect_uri") + "?error=" + error + "&state=" + encode(params.get("state"));
      HTTP.send(get(callback), HttpResponse.BodyHandlers.discarding());
      return finish();
    }
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).GET().build();
  }

  private static String registerNativeClient() {
    String id = UUID.randomUUID().toString();
    Instant now = krr.clock().instant();
    Set<Scope> scopes = new LinkedHashSet<>(Scope.parseList(PersonCommand.SCOPES));
    Internals.of(krr)
        .clients()
        .save(
            new RegisteredClient(
                id,
                KrrLocal.DEFAULT_ORG,
                null,
                IntegrationType.API_KLIENT,
                "krr person test",
                null,
                null,
                "native",
                "none",
                List.of("authorization_code"),
                scopes,
                List.of("http://127.0.0.1/callback"),
                List.of(),
                0,
                0,
                0,
                "ONETIME",
                false,
                null,
                true,
                now,
                now));
    return id;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static Map<String, String> queryOf(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      params.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  /** A writer that hands complete lines to the test as they are printed. */
  private static final class LineQueue extends Writer {
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder all = new StringBuilder();
    private final StringBuilder current = new StringBuilder();

    @Override
    public synchronized void write(char[] buf, int off, int len) {
      for (int i = off; i < off + len; i++) {
        all.append(buf[i]);
        if (buf[i] == '\n') {
          lines.add(current.toString().strip());
          current.setLength(0);
        } else {
          current.append(buf[i]);
        }
      }
    }

    String awaitLineStartingWith(String prefix, int seconds) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (System.nanoTime() < deadline) {
        String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (line != null && line.startsWith(prefix)) {
          return line;
        }
      }
      throw new AssertionError(
          "the command printed no line starting with " + prefix + ": " + text());
    }

    synchronized String text() {
      return all.toString();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
