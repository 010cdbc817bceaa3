package io.krrkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Waits for krr-local to be ready, for scripts that start it in the background: for its bootstrap
 * file to appear ({@code krr serve --bootstrap-out} writes it once the server answers), and for
 * {@code GET /ready} to answer 200. Polls every {@value #POLL_MILLIS} ms up to a deadline.
 */
final class Readiness {
  static final long POLL_MILLIS = 100;

  private Readiness() {}

  /**
   * Returns once {@code file} exists, telling {@code err} once that it waits; throws {@link
   * CliErrors.Failure} (unreachable) when it does not appear within {@code timeout}.
   */
  static void awaitFile(Path file, Duration timeout, PrintWriter err) throws InterruptedException {
    if (Files.exists(file)) {
      return;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    if (!timeout.isZero()) {
      err.println(
          "krr: waiting up to "
              + describe(timeout)
              + " for "
              + file
              + " (krr serve --bootstrap-out)");
      err.flush();
    }
    while (!Files.exists(file)) {
      if (System.nanoTime() - deadline >= 0) {
        throw new CliErrors.Failure(
            ExitCode.UNREACHABLE,
            file
                + " does not exist"
                + (timeout.isZero() ? "" : " after " + describe(timeout))
                + "; start the emulator with 'krr serve --bootstrap-out "
                + file
                + "' (it writes the file once it is ready)");
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /**
   * Returns once {@code base}{@code /ready} answers 200; throws {@link CliErrors.Failure}
   * (unreachable) when it does not within {@code timeout}, with the last answer or error.
   */
  static void awaitReady(String base, Duration timeout) throws InterruptedException {
    awaitReady(base, timeout, timeout);
  }

  /** As {@link #awaitReady(String, Duration)}, naming {@code told} (the whole wait) on failure. */
  static void awaitReady(String base, Duration timeout, Duration told) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/ready")).timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    String last;
    do {
      try {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
          return;
        }
        last = "answered " + answer.statusCode();
      } catch (IOException e) {
        last = "could not be reached (" + e.getClass().getSimpleName() + ")";
      }
      Thread.sleep(POLL_MILLIS);
    } while (System.nanoTime() - deadline < 0);
    throw new CliErrors.Failure(
        ExitCode.UNREACHABLE, base + "/ready " + last + "; not ready after " + describe(told));
  }

  /**
   * A duration as people write it: {@code 30s}, {@code 2m}, {@code 500ms}, plain seconds ({@code
   * 30}) or ISO-8601 ({@code PT30S}).
   *
   * @throws CliErrors.Failure (usage) when it is none of these, or negative
   */
  static Duration parse(String text, String option) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      Duration d;
      if (t.startsWith("pt") || t.startsWith("p")) {
        d = Duration.parse(t.toUpperCase(Locale.ROOT));
      } else if (t.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      } else if (t.endsWith("s")) {
        d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("m")) {
        d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
      } else {
        d = Duration.ofSeconds(Long.parseLong(t));
      }
      if (d.isNegative()) {
        throw new NumberFormatException("negative");
      }
      return d;
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new CliErrors.Failure(
          ExitCode.USAGE, option + " must be a duration such as 30s, 2m, 500ms or PT30S");
    }
  }

  private static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
