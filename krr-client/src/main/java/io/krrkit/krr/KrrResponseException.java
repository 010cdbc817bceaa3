package io.krrkit.krr;

/**
 * KRR answered 200, but with something the client cannot use: a body that is not a {@code personer}
 * answer, or persons that do not match the identifiers asked for (too few, too many, or identifiers
 * nobody asked for). Nothing of such an answer is returned, because a mismatched answer could
 * attach one person's contact information to another.
 */
public final class KrrResponseException extends KrrException {
  private static final long serialVersionUID = 1L;

  KrrResponseException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  KrrResponseException rethrownInCaller() {
    return new KrrResponseException(getMessage(), getCause());
  }
}
