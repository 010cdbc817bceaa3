package io.krrkit.cli;

import io.krrkit.krr.KrrInvalidInputException;
import io.krrkit.krr.KrrTransportException;
import io.krrkit.local.DamagedStoreException;
import io.krrkit.maskinporten.MaskinportenConfigException;
import io.krrkit.maskinporten.MaskinportenTransportException;
import io.krrkit.selfservice.SelfServiceConfigException;
import io.krrkit.selfservice.SelfServiceTransportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns failures into one clear line on stderr and an {@link ExitCode}; never a stack trace (set
 * {@code KRR_DEBUG=1} to see one). Library messages are already masked.
 */
final class CliErrors {
  private CliErrors() {}

  static int exitCode(Throwable t) {
    return classify(t).code;
  }

  static int handle(Exception e, CommandLine cli, ParseResult parsed) {
    ExitCode code = classify(e);
    cli.getErr().println("krr: " + message(e));
    if (code == ExitCode.UNREACHABLE) {
      cli.getErr()
          .println(
              "If the service runs elsewhere, give its address: --url URL (env KRR_LOCAL_URL) for"
                  + " krr-local, --env test|prod for Digdir's; 'krr init' keeps it in a profile.");
    }
    if (System.getenv("KRR_DEBUG") != null) {
      e.printStackTrace(cli.getErr());
    }
    return code.code;
  }

  static int handleUsage(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    cli.getErr().println("krr: " + e.getMessage());
    if (e instanceof UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()) {
      cli.getErr()
          .println("Did you mean: " + String.join(" or ", unmatched.getSuggestions()) + "?");
    }
    cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help'.");
    return ExitCode.USAGE.code;
  }

  /** Thrown by commands for a failure whose exit code they know. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final ExitCode code;

    Failure(ExitCode code, String message) {
      super(message);
      this.code = code;
    }
  }

  static ExitCode classify(Throwable t) {
    Throwable root = unwrap(t);
    if (root instanceof Failure f) {
      return f.code;
    }
    if (root instanceof DamagedStoreException) {
      return ExitCode.STORE_DAMAGED;
    }
    if (root.getCause() instanceof java.net.BindException) {
      return ExitCode.PORT_IN_USE;
    }
    if (root instanceof MaskinportenTransportException
        || root instanceof KrrTransportException
        || root instanceof SelfServiceTransportException
        || root instanceof ConnectException
        || root instanceof HttpTimeoutException) {
      return ExitCode.UNREACHABLE;
    }
    if (root instanceof KrrInvalidInputException
        || root instanceof MaskinportenConfigException
        || root instanceof SelfServiceConfigException) {
      return ExitCode.USAGE;
    }
    if (root instanceof IOException || root instanceof UncheckedIOException) {
      return ExitCode.IO_ERROR;
    }
    if (root instanceof IllegalArgumentException) {
      return ExitCode.USAGE;
    }
    return ExitCode.SERVICE_ERROR;
  }

  private static String message(Throwable t) {
    Throwable root = unwrap(t);
    String m = root.getMessage();
    if (root instanceof ConnectException) {
      return "could not connect" + (m == null ? "" : ": " + m) + " (is the service running?)";
    }
    if (root instanceof java.nio.file.NoSuchFileException f) {
      return "no such file: " + f.getFile();
    }
    if (root instanceof java.nio.file.AccessDeniedException f) {
      return "permission denied: " + f.getFile();
    }
    return m == null ? root.getClass().getSimpleName() : m;
  }

  private static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof java.util.concurrent.CompletionException
            || c instanceof java.util.concurrent.ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }
}
