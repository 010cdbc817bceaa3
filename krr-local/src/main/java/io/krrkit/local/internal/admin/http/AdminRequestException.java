package io.krrkit.local.internal.admin.http;

/**
 * An operator API request the emulator cannot take; answered 400 {@code invalid_request} with the
 * message, which says what to send and never holds an identity number.
 */
final class AdminRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  AdminRequestException(String description) {
    super(description);
  }
}
