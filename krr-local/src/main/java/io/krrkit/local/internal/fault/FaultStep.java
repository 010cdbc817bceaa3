package io.krrkit.local.internal.fault;

/**
 * What one faulted request meets: an HTTP status (400–599 as an error in the service's own shape,
 * 2xx the real answer, any other a bare answer), a reset connection, or no answer at all.
 *
 * @param kind what happens
 * @param status for {@link Kind#STATUS} the status, 200–599, else 0
 * @param retryAfterSeconds the {@code Retry-After} to send with the status, or {@code null}: then
 *     429 and 503 carry {@value #DEFAULT_RETRY_AFTER_SECONDS}, other statuses none
 */
public record FaultStep(Kind kind, int status, Integer retryAfterSeconds) {
  /** Seconds of {@code Retry-After} on a 429 or 503 that does not say. */
  public static final int DEFAULT_RETRY_AFTER_SECONDS = 1;

  /** Longest {@code Retry-After}: a day. */
  public static final int MAX_RETRY_AFTER_SECONDS = 86_400;

  /** What a faulted request meets. */
  public enum Kind {
    /** An HTTP status. */
    STATUS,
    /** The connection is reset (TCP RST) before any answer. */
    RESET,
    /** Nothing: the request is held until the client gives up or the hold ends. */
    NO_ANSWER,
    /** The real answer (only latency applies). */
    PASS
  }

  /** Checks the fields, naming the operator API's field in each refusal. */
  public FaultStep {
    if (kind == null) {
      throw new IllegalArgumentException("kind == null");
    }
    if (kind == Kind.STATUS && (status < 200 || status > 599)) {
      throw new IllegalArgumentException(
          "status must be from 200 to 599 (a 1xx is no final answer), was " + status);
    }
    if (kind != Kind.STATUS && status != 0) {
      throw new IllegalArgumentException("status goes only with a status fault");
    }
    if (retryAfterSeconds != null) {
      if (kind != Kind.STATUS || !takesRetryAfter(status)) {
        throw new IllegalArgumentException("retry_after goes only with a status from 300");
      }
      if (retryAfterSeconds < 0 || retryAfterSeconds > MAX_RETRY_AFTER_SECONDS) {
        throw new IllegalArgumentException(
            "retry_after must be from 0 to "
                + MAX_RETRY_AFTER_SECONDS
                + " seconds, was "
                + retryAfterSeconds);
      }
    }
  }

  /** True when an answer with {@code status} may carry a {@code Retry-After} (from 300). */
  public static boolean takesRetryAfter(int status) {
    return status >= 300;
  }

  /** True when this step answers a status that may carry a {@code Retry-After}. */
  public boolean takesRetryAfter() {
    return kind == Kind.STATUS && takesRetryAfter(status);
  }

  /** An answer with {@code status}. */
  public static FaultStep status(int status) {
    return new FaultStep(Kind.STATUS, status, null);
  }

  /** The connection reset. */
  public static FaultStep reset() {
    return new FaultStep(Kind.RESET, 0, null);
  }

  /** No answer. */
  public static FaultStep noAnswer() {
    return new FaultStep(Kind.NO_ANSWER, 0, null);
  }

  /** The real answer. */
  public static FaultStep pass() {
    return new FaultStep(Kind.PASS, 0, null);
  }

  /** True when the real endpoint answers (a pass, or a 2xx status). */
  public boolean passes() {
    return kind == Kind.PASS || (kind == Kind.STATUS && status >= 200 && status <= 299);
  }

  /** The {@code Retry-After} seconds to send, or -1 for none. */
  public int retryAfter() {
    if (retryAfterSeconds != null) {
      return retryAfterSeconds;
    }
    return status == 429 || status == 503 ? DEFAULT_RETRY_AFTER_SECONDS : -1;
  }

  /** The step as the operator API writes it in a sequence: the status, or the kind's name. */
  public Object wireValue() {
    return switch (kind) {
      case STATUS -> status;
      case RESET -> "reset";
      case NO_ANSWER -> "no_answer";
      case PASS -> "pass";
    };
  }
}
