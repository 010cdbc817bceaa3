package io.krrkit.local.internal.http;

import java.util.regex.Pattern;

/**
 * Makes text from outside (a request path, an exception's stack trace) safe for a log line:
 * identity numbers (11 digits) are masked as {@code 2009****012}, e-mail addresses and JWTs
 * replaced.
 */
public final class LogSafe {
  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*");
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
  private static final Pattern ELEVEN_DIGITS =
      Pattern.compile("(?<!\\d)(\\d{4})\\d{4}(\\d{3})(?!\\d)");
  private static final Pattern ANY_ELEVEN_DIGITS = Pattern.compile("(?<!\\d)\\d{11}(?!\\d)");

  private LogSafe() {}

  /** {@code text} with identity numbers masked and e-mail addresses and JWTs removed. */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = JWT.matcher(text).replaceAll("<jwt>");
    masked = EMAIL.matcher(masked).replaceAll("<e-mail>");
    return ELEVEN_DIGITS.matcher(masked).replaceAll("$1****$2");
  }

  /**
   * {@code text} with identity numbers hidden entirely ({@code ***********}), e-mail addresses and
   * JWTs removed, for what is kept rather than logged (the request journal). Cheap when the text
   * holds none of them.
   */
  public static String maskAll(String text) {
    if (text == null || !mayHoldPersonalData(text)) {
      return text;
    }
    String masked = JWT.matcher(text).replaceAll("<jwt>");
    masked = EMAIL.matcher(masked).replaceAll("<e-mail>");
    return ANY_ELEVEN_DIGITS.matcher(masked).replaceAll("***********");
  }

  private static boolean mayHoldPersonalData(String text) {
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '@') {
        return true;
      }
      digits = c >= '0' && c <= '9' ? digits + 1 : 0;
      if (digits >= 11) {
        return true;
      }
    }
    return text.contains("eyJ");
  }

  /**
   * The stack trace of {@code t} for a log line: each throwable's class and frames, messages
   * masked. A store failure's cause is left out: database messages quote the values of the
   * statement.
   */
  public static String stackTrace(Throwable t) {
    StringBuilder out = new StringBuilder();
    Throwable current = t;
    for (int depth = 0; current != null && depth < 8; depth++) {
      out.append(depth == 0 ? "" : "Caused by: ").append(current.getClass().getName());
      if (current.getMessage() != null) {
        out.append(": ").append(mask(current.getMessage()));
      }
      out.append('\n');
      StackTraceElement[] frames = current.getStackTrace();
      for (int i = 0; i < Math.min(frames.length, 40); i++) {
        out.append("\tat ").append(frames[i]).append('\n');
      }
      if (current instanceof io.krrkit.local.internal.store.StoreException) {
        break;
      }
      current = current.getCause() == current ? null : current.getCause();
    }
    return out.toString();
  }
}
