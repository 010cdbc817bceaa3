package io.krrkit.cli;

import java.awt.Desktop;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code krr person show|set-language}: the user-driven KRR API. The person logs in with ID-porten
 * in the system browser (a loopback redirect to this process, PKCE S256), then the command reads
 * their own record or sets their language with the resulting access token.
 */
@Command(
    name = "person",
    mixinStandardHelpOptions = true,
    description = {
      "Your own KRR record, after logging in with ID-porten in the browser.",
      "Register an api_klient (application_type native, redirect URI http://127.0.0.1/callback)",
      "with the krr:user scopes first and pass its client_id with --client-id."
    },
    subcommands = {PersonCommand.Show.class, PersonCommand.SetLanguage.class})
final class PersonCommand {
  static final String SCOPES =
      "openid profile krr:user/kontaktinformasjon.read krr:user/digitalpost.read"
          + " krr:user/spraak.write";

  private static final Set<String> LANGUAGES = Set.of("nb", "nn", "en", "se");

  /** The options of every {@code person} subcommand. */
  static final class Login {
    @Mixin Target target;

    @Option(
        names = "--client-id",
        required = true,
        defaultValue = "${env:KRR_PERSON_CLIENT_ID}",
        description = "client_id of your native api_klient (env KRR_PERSON_CLIENT_ID).")
    String clientId;

    @Option(
        names = "--no-browser",
        description = "Print the login URL instead of opening the system browser.")
    boolean noBrowser;

    @Option(
        names = "--timeout",
        defaultValue = "300",
        description = "Seconds to wait for the login (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    String idportenIssuer() {
      return switch (target.env) {
        case local -> target.localBase(null) + "/idporten";
        case test -> "https://test.idporten.no";
        case prod -> "https://idporten.no";
      };
    }

    URI personUri() {
      return URI.create(target.krr(null).baseUri() + "/rest/v1/person");
    }

    /** Logs in and returns the access token. */
    String accessToken(HttpClient http, PrintWriter err) throws IOException, InterruptedException {
      Consumer<URI> browser = noBrowser ? printTo(err) : systemBrowser(err);
      return new LoopbackLogin(
              http, idportenIssuer(), clientId, SCOPES, Duration.ofSeconds(timeoutSeconds))
          .accessToken(browser);
    }

    private static Consumer<URI> printTo(PrintWriter err) {
      return uri -> {
        err.println("Open this URL in a browser to log in:");
        err.println(uri);
        err.flush();
      };
    }

    private static Consumer<URI> systemBrowser(PrintWriter err) {
      return uri -> {
        if (Desktop.isDesktopSupported()
            && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
          try {
            Desktop.getDesktop().browse(uri);
            err.println("Log in in the browser window that opened.");
            return;
          } catch (IOException | UnsupportedOperationException e) {
            err.println("Could not open a browser (" + e.getMessage() + ").");
          }
        }
        printTo(err).accept(uri);
      };
    }
  }

  /** {@code krr person show}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Logs in and prints your own record (JSON, or a signed JWS with --jose).")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Login login;

    @Option(names = "--jose", description = "Ask for the signed answer (application/jose).")
    boolean jose;

    @Override
    public Integer call() throws Exception {
      HttpClient http = HttpClient.newHttpClient();
      String token = login.accessToken(http, spec.commandLine().getErr());
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(login.personUri())
                  .header("Authorization", "Bearer " + token)
                  .header("Accept", jose ? "application/jose" : "application/json")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      requireOk(answer, 200);
      spec.commandLine().getOut().println(answer.body());
      return ExitCode.OK.code;
    }
  }

  /** {@code krr person set-language LANG}. */
  @Command(
      name = "set-language",
      mixinStandardHelpOptions = true,
      description = "Logs in and sets your preferred language in KRR (nb, nn, en or se).")
  static final class SetLanguage implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Login login;

    @Parameters(paramLabel = "LANG", description = "nb, nn, en or se.")
    String language;

    @Override
    public Integer call() throws Exception {
      if (!LANGUAGES.contains(language)) {
        throw new CliErrors.Failure(ExitCode.USAGE, "LANG must be one of nb, nn, en, se");
      }
      HttpClient http = HttpClient.newHttpClient();
      String token = login.accessToken(http, spec.commandLine().getErr());
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(login.personUri())
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .method(
                      "PATCH",
                      HttpRequest.BodyPublishers.ofString("{\"spraak\":\"" + language + "\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      requireOk(answer, 204);
      spec.commandLine().getOut().println("Language set to " + language + ".");
      return ExitCode.OK.code;
    }
  }

  private static void requireOk(HttpResponse<String> answer, int expected) {
    if (answer.statusCode() != expected && answer.statusCode() != 200) {
      throw new CliErrors.Failure(
          ExitCode.SERVICE_ERROR,
          "KRR answered HTTP " + answer.statusCode() + ": " + answer.body());
    }
  }
}
