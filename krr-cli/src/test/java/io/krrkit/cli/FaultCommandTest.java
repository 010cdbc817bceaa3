package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.Scope;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.LocalFixture.TestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code krr admin fault} against krr-local's operator API: each subcommand, every kind of rule
 * taking effect on the endpoint it names, the table and the JSON, and a rule that cannot apply
 * refused in one line naming the field, with nothing added.
 */
class FaultCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final OperatorCli cli = new OperatorCli();

  @BeforeEach
  void clear() {
    CliRun cleared = cli.run("admin", "fault", "clear");
    assertThat(cleared.exitCode()).as(cleared.err()).isZero();
    assertThat(cleared.out()).contains("fault rules cleared");
    cli.fx().krrLocal().clock().setOffset(Duration.ZERO);
  }

  @Test
  void addsAStatusRuleThatTheEndpointAnswersThenListsShowsAndRemovesIt() throws Exception {
    TestClient client = cli.fx().registerClient(Scope.KRR_KONTAKTINFORMASJON_READ);
    CliRun added =
        cli.run(
            "admin",
            "fault",
            "add",
            "--endpoint",
            "token",
            "--status",
            "503",
            "--retry-after",
            "0",
            "--times",
            "1");
    assertThat(added.exitCode()).as(added.err()).isZero();
    String id = field(added.out(), "id");
    assertThat(field(added.out(), "status")).isEqualTo("503");
    assertThat(field(added.out(), "remaining")).isEqualTo("1");

    Answer faulted = cli.fx().token(cli.fx().grant(client));
    assertThat(faulted.status()).isEqualTo(503);
    assertThat(faulted.response().headers().firstValue("Retry-After")).hasValue("0");
    assertThat(cli.fx().token(cli.fx().grant(client)).status()).isEqualTo(200);

    String[] table = ok("admin", "fault", "list").split("\n");
    assertThat(table[0])
        .startsWith("ID")
        .contains("ENDPOINT", "FAULT", "LATENCY", "WHEN", "APPLIED", "REMAINING");
    assertThat(table[1]).contains(id, "token", "503 retry_after=0", "times=1");
    assertThat(table[1].split("\\s+")).endsWith("1", "0");
    CliRun shown = cli.run("admin", "fault", "show", id);
    assertThat(shown.out()).contains("applied:").contains("exhausted:").contains("true");
    JsonNode json = JSON.readTree(ok("admin", "fault", "show", id, "--json"));
    assertThat(json.get("applied").asInt()).isEqualTo(1);

    assertThat(ok("admin", "fault", "remove", id)).contains("removed " + id);
    assertThat(ok("admin", "fault", "list")).contains("no fault rules");
    CliRun gone = cli.run("admin", "fault", "show", id);
    CliRun removedTwice = cli.run("admin", "fault", "remove", id);
    assertThat(gone.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR.code);
    assertThat(gone.err().strip())
        .isEqualTo("krr: GET /admin/faults/" + id + ": no fault rule " + id);
    assertThat(removedTwice.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR.code);
    assertThat(removedTwice.err()).contains("no fault rule " + id);
  }

  @Test
  void aScriptedSequenceAppliesOneStepPerRequestThenEnds() throws Exception {
    JsonNode rule =
        add("--endpoint", "jwks", "--sequence", "503,429,pass,500", "--retry-after", "0");
    assertThat(rule.get("sequence").toString()).isEqualTo("[503,429,\"pass\",500]");

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      statuses.add(cli.fx().get(cli.fx().issuer() + "jwk").status());
    }

    assertThat(statuses).containsExactly(503, 429, 200, 500, 200);
    assertThat(ok("admin", "fault", "list")).contains("503,429,pass,500", "4", "0");
  }

  @Test
  void connectionFaultsResetOrHoldTheRequest() {
    JsonNode reset = add("--endpoint", "jwks", "--connection", "reset");
    assertThatThrownBy(() -> freshGet(cli.fx().issuer() + "jwk")).isInstanceOf(IOException.class);
    assertThat(reset.get("connection").asText()).isEqualTo("reset");
    assertThat(ok("admin", "fault", "remove", reset.get("id").asText())).contains("removed");

    // No --times: the JDK sends a GET whose connection dropped once more, on a new connection.
    JsonNode held = add("--endpoint", "metadata", "--connection", "no_answer", "--hold", "PT0.2S");
    assertThat(held.get("hold").asText()).isEqualTo("PT0.2S");
    assertThatThrownBy(() -> freshGet(cli.fx().issuer() + ".well-known/oauth-authorization-server"))
        .isInstanceOf(IOException.class);
    assertThat(ok("admin", "fault", "list")).contains("no_answer hold=PT0.2S");
  }

  @Test
  void latencyWithJitterDelaysTheRealAnswer() {
    JsonNode rule = add("--endpoint", "jwks", "--latency", "PT0.3S", "--jitter", "PT0.1S");

    long started = System.nanoTime();
    assertThat(cli.fx().get(cli.fx().issuer() + "jwk").status()).isEqualTo(200);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(rule.get("latency").asText()).isEqualTo("PT0.3S");
    assertThat(ok("admin", "fault", "list")).contains("PT0.3S+PT0.1S", "always");
  }

  @Test
  void aSeededProbabilityAndAnOutageWindowAreTheApisFields() {
    JsonNode chance =
        add("--endpoint", "selfservice", "--status", "500", "--probability", "0.5", "--seed", "42");
    Instant now = cli.fx().krrLocal().clock().instant();
    JsonNode window =
        add(
            "--endpoint",
            "krr_lookup",
            "--status",
            "503",
            "--from",
            now.plusSeconds(60).toString(),
            "--until",
            now.plusSeconds(120).toString());

    assertThat(chance.get("probability").asDouble()).isEqualTo(0.5);
    assertThat(chance.get("seed").asLong()).isEqualTo(42);
    assertThat(window.get("from").asText()).isEqualTo(now.plusSeconds(60).toString());
    String list = ok("admin", "fault", "list");
    assertThat(list).contains("probability=0.5 seed=42").contains("from=" + now.plusSeconds(60));
    JsonNode rules = json("admin", "fault", "list", "--json").get("rules");
    assertThat(rules).hasSize(2);
    assertThat(rules.get(1).get("until").asText()).isEqualTo(now.plusSeconds(120).toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--endpoint altinn --status 503|endpoint altinn is unknown; one of token, jwks",
        "--endpoint token --status 600|status must be",
        "--endpoint token --sequence 503,boom|sequence[1] must be",
        "--endpoint token --times 0 --status 503|times must be at least 1, was 0",
        "--endpoint token --latency 5s|latency must be an ISO-8601 duration",
        "--endpoint token --status 503 --probability 2|probability must be from 0 to 1",
        "--endpoint token --status 503 --from yesterday|from must be an ISO-8601 instant",
        "--endpoint token --connection unplug|connection must be \"reset\" or \"no_answer\"",
        "--endpoint token --retry-after 3|retry_after goes only with a status",
        "--endpoint token|a rule needs status, connection, latency or sequence"
      })
  void aRuleThatCannotApplyIsOneLineNamingTheFieldAndNothingIsAdded(String args, String message) {
    List<String> all = new ArrayList<>(List.of("admin", "fault", "add"));
    all.addAll(List.of(args.split(" ")));

    CliRun refused = cli.run(all.toArray(String[]::new));

    assertThat(refused.exitCode()).isEqualTo(ExitCode.SERVICE_ERROR.code);
    assertThat(refused.err()).startsWith("krr: POST /admin/faults: ").contains(message);
    assertThat(refused.err().strip()).doesNotContain("\n").doesNotContain("Exception");
    assertThat(json("admin", "fault", "list", "--json").get("rules")).isEmpty();
  }

  @Test
  void aValueOfTheWrongTypeIsAUsageErrorBeforeAnyCall() {
    CliRun refused = cli.run("admin", "fault", "add", "--endpoint", "token", "--status", "often");
    CliRun noEndpoint = cli.run("admin", "fault", "add", "--status", "503");

    assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(refused.err()).contains("--status").contains("often");
    assertThat(noEndpoint.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(noEndpoint.err()).contains("--endpoint");
    assertThat(json("admin", "fault", "list", "--json").get("rules")).isEmpty();
  }

  @Test
  void clearRemovesEveryRule() {
    add("--endpoint", "token", "--status", "500");
    add("--endpoint", "idporten", "--status", "429");
    assertThat(json("admin", "fault", "list", "--json").get("rules")).hasSize(2);

    assertThat(ok("admin", "fault", "clear")).contains("fault rules cleared");

    assertThat(json("admin", "fault", "list", "--json").get("rules")).isEmpty();
    assertThat(cli.fx().get(cli.fx().issuer() + "jwk").status()).isEqualTo(200);
  }

  /** A GET on a client of its own, so no pooled connection of the fixture's is dropped. */
  private static int freshGet(String url) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return client
        .send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static JsonNode add(String... options) {
    List<String> all = new ArrayList<>(List.of("admin", "fault", "add"));
    all.addAll(List.of(options));
    all.add("--json");
    return json(all.toArray(String[]::new));
  }

  private static String field(String shown, String name) {
    for (String line : shown.split("\n")) {
      if (line.startsWith(name + ":")) {
        return line.substring(name.length() + 1).strip();
      }
    }
    throw new AssertionError("no " + name + " in " + shown);
  }

  private static JsonNode json(String... args) {
    try {
      return JSON.readTree(ok(args));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String ok(String... args) {
    CliRun ran = cli.run(args);
    assertThat(ran.exitCode()).as(String.join(" ", args) + ": " + ran.err()).isZero();
    return ran.out();
  }
}
