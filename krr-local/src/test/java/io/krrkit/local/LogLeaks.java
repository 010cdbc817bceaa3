package io.krrkit.local;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import io.krrkit.core.Personidentifikator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Logback appender (on the root logger in {@code logback-test.xml}) that reads every log line of
 * the test run, with the messages of its exceptions, for what must never be logged: JWTs, private
 * JWK members, valid 11-digit identity numbers, e-mail addresses, cookies and CSRF tokens. Each
 * offending line is kept (and appended to {@code target/log-leaks.txt}); {@link LogLeakCheck} fails
 * the test class during which it was logged.
 */
public final class LogLeaks extends AppenderBase<ILoggingEvent> {
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+");
  private static final Pattern PRIVATE_JWK = Pattern.compile("\"(d|p|q|dp|dq|qi)\"\\s*:");
  private static final Pattern ELEVEN_DIGITS = Pattern.compile("(?<!\\d)\\d{11}(?!\\d)");

  /** A trace id (TraceId): 32 random hex digits, which may hold an 11-digit run by chance. */
  private static final Pattern TRACE_ID = Pattern.compile("(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])");

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  private static final Pattern COOKIE =
      Pattern.compile("(?i)(set-cookie|\\bcookie\\s*[:=]|krr_web=)");
  private static final Pattern CSRF =
      Pattern.compile("(?i)csrf[\"']?\\s*[=:]\\s*[\"']?[A-Za-z0-9_-]{16,}");

  private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
  private static final List<String> LINES = new CopyOnWriteArrayList<>();
  private static final int KEPT_LINES = 20_000;

  /** What is wrong with {@code line}, or empty when it may be logged. */
  public static Optional<String> problem(String line) {
    if (JWT.matcher(line).find()) {
      return Optional.of("a JWT");
    }
    if (PRIVATE_JWK.matcher(line).find()) {
      return Optional.of("a private JWK member");
    }
    Matcher digits = ELEVEN_DIGITS.matcher(TRACE_ID.matcher(line).replaceAll("<trace-id>"));
    while (digits.find()) {
      if (Personidentifikator.isValid(digits.group())) {
        return Optional.of("an unmasked identity number");
      }
    }
    if (EMAIL.matcher(line).find()) {
      return Optional.of("an e-mail address");
    }
    if (COOKIE.matcher(line).find()) {
      return Optional.of("a cookie");
    }
    if (CSRF.matcher(line).find()) {
      return Optional.of("a CSRF token");
    }
    return Optional.empty();
  }

  /** The offending lines logged since the last {@link #drain()}, emptying the list. */
  public static List<String> drain() {
    List<String> found = new ArrayList<>(LEAKS);
    LEAKS.removeAll(found);
    return found;
  }

  /** Every line logged so far (the newest {@value #KEPT_LINES}), for tests of the log itself. */
  public static List<String> lines() {
    return List.copyOf(LINES);
  }

  @Override
  protected void append(ILoggingEvent event) {
    String line = render(event);
    LINES.add(line);
    if (LINES.size() > KEPT_LINES) {
      LINES.remove(0);
    }
    problem(line)
        .ifPresent(
            what -> {
              String leak = what + " in: " + line;
              LEAKS.add(leak);
              record(leak);
            });
  }

  private static String render(ILoggingEvent event) {
    StringBuilder line =
        new StringBuilder(event.getLevel().toString())
            .append(' ')
            .append(event.getLoggerName())
            .append(" - ")
            .append(event.getFormattedMessage());
    for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
    }
    return line.toString();
  }

  private static synchronized void record(String leak) {
    try {
      Path file = Path.of("target", "log-leaks.txt");
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          leak + System.lineSeparator(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
