package io.krrkit.local.internal.certificate;

import io.krrkit.core.OrgNumber;
import java.util.Objects;

/**
 * What a test enterprise certificate is issued for.
 *
 * @param orgNumber the organisation, written into {@code SERIALNUMBER} and {@code
 *     organizationIdentifier}
 * @param name {@code O} and {@code CN}; {@code null} gives {@code "TEST VIRKSOMHET <orgno>"}
 */
public record EnterpriseCertificateRequest(OrgNumber orgNumber, String name) {
  /** Longest name X.520 allows in {@code CN}. */
  public static final int MAX_NAME_LENGTH = 64;

  /** Defaults the name and checks its length and characters. */
  public EnterpriseCertificateRequest {
    Objects.requireNonNull(orgNumber, "orgNumber == null");
    name = name == null || name.isBlank() ? "TEST VIRKSOMHET " + orgNumber.value() : name.strip();
    if (name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "name must be at most " + MAX_NAME_LENGTH + " characters, was " + name.length());
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("name must not contain control characters");
    }
  }
}
