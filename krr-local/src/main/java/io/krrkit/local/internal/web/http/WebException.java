package io.krrkit.local.internal.web.http;

/**
 * A request the web page refuses with an error page: the status and the text key of the
 * explanation. Handlers throw it; {@link WebRoutes} renders it.
 */
final class WebException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String messageKey;

  private WebException(int status, String messageKey) {
    super(messageKey);
    this.status = status;
    this.messageKey = messageKey;
  }

  /** 404: nothing there for this organisation (never says whether another has it). */
  static WebException notFound() {
    return new WebException(404, "error.notFound");
  }

  /** 400: the submitted form cannot be read (broken multipart, unknown charset, …). */
  static WebException badRequest() {
    return new WebException(400, "error.badRequest");
  }

  /** 403: the form's CSRF token is missing or wrong. */
  static WebException csrf() {
    return new WebException(403, "error.csrf");
  }

  int status() {
    return status;
  }

  String messageKey() {
    return messageKey;
  }
}
