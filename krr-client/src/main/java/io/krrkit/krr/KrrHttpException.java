package io.krrkit.krr;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * KRR answered with an error status (after retries, for 429 and 5xx). Carries the status and the
 * OAuth2-style {@code error} and {@code error_description} from the body or the {@code
 * WWW-Authenticate} header, with any identity number in them masked.
 */
public final class KrrHttpException extends KrrException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String error;
  private final String errorDescription;
  private final Duration retryAfter;

  KrrHttpException(
      URI uri,
      int status,
      String error,
      String errorDescription,
      Duration retryAfter,
      int attempts) {
    this(
        describe(uri, status, error, errorDescription, retryAfter, attempts),
        status,
        error,
        errorDescription,
        retryAfter);
  }

  private KrrHttpException(
      String message, int status, String error, String errorDescription, Duration retryAfter) {
    super(message, null);
    this.status = status;
    this.error = error;
    this.errorDescription = errorDescription;
    this.retryAfter = retryAfter;
  }

  @Override
  KrrHttpException rethrownInCaller() {
    return new KrrHttpException(getMessage(), status, error, errorDescription, retryAfter);
  }

  /** The HTTP status, e.g. 401. */
  public int status() {
    return status;
  }

  /** The {@code error} code, e.g. {@code invalid_token} or {@code insufficient_scope}, if given. */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /** The {@code error_description}, identity numbers masked, if given. */
  public Optional<String> errorDescription() {
    return Optional.ofNullable(errorDescription);
  }

  /** How long KRR asked the client to wait ({@code Retry-After}), if it did. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  private static String describe(
      URI uri, int status, String error, String description, Duration retryAfter, int attempts) {
    StringBuilder s = new StringBuilder("KRR answered ").append(status);
    if (error != null) {
      s.append(' ').append(error);
    }
    if (description != null) {
      s.append(": ").append(description);
    }
    s.append(" (POST ").append(uri);
    if (attempts > 1) {
      s.append(", ").append(attempts).append(" attempts");
    }
    s.append("). ").append(advice(status, retryAfter));
    return s.toString();
  }

  private static String advice(int status, Duration retryAfter) {
    if (retryAfter != null) {
      return "KRR asks to wait " + retryAfter.toSeconds() + " s; try again after that.";
    }
    return switch (status) {
      case 400 -> "KRR refused the request itself; check the identifiers and the request options.";
      case 401 ->
          "The access token was refused: use a fresh Maskinporten token from the environment"
              + " matching this KRR (test.maskinporten.no for TEST).";
      case 403 ->
          "The token lacks a KRR scope: ask Maskinporten for krr:global/kontaktinformasjon.read"
              + " and/or krr:global/digitalpost.read, granted to your client in self-service.";
      case 404 -> "No lookup service at this URL: check the KRR base URL and the API version.";
      case 429 -> "KRR is limiting the request rate: send fewer parallel batches or wait.";
      default ->
          status >= 500
              ? "KRR is failing or unavailable; try again later."
              : "Check the request and the KRR base URL.";
    };
  }
}
