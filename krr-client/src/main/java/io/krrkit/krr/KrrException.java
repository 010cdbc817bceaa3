package io.krrkit.krr;

/**
 * Every failure of {@link KrrClient}. Messages say what went wrong and what to do, and never
 * contain an identity number or a token.
 *
 * <ul>
 *   <li>{@link KrrInvalidInputException}: identifiers refused before anything was sent;
 *   <li>{@link KrrHttpException}: KRR answered with an error status;
 *   <li>{@link KrrResponseException}: KRR answered 200 with something the client cannot use;
 *   <li>{@link KrrTransportException}: KRR could not be reached;
 *   <li>{@link KrrTokenException}: the {@link AccessTokenSource} gave no token.
 * </ul>
 */
public abstract sealed class KrrException extends RuntimeException
    permits KrrInvalidInputException,
        KrrHttpException,
        KrrResponseException,
        KrrTransportException,
        KrrTokenException {
  private static final long serialVersionUID = 1L;

  KrrException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The same failure again, to throw in the thread that waited for an asynchronous lookup so its
   * stack trace shows the caller; message, fields and cause stay as they were.
   */
  abstract KrrException rethrownInCaller();
}
