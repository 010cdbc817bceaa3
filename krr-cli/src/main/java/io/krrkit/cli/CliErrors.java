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
    if (System.getenv("KRR_DEBUG") != null) {
      e.printStackTrace(cli.getErr());
    }
    return code.code;
  }

  static int handleUsage(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    cli.getErr().println("krr: " + e.getMessage());
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
