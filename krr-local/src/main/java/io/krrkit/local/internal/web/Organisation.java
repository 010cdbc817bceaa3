package io.krrkit.local.internal.web;

import io.krrkit.core.OrgNumber;
import java.util.Objects;

/**
 * An organisation a test person may act for on the web page.
 *
 * @param number its organisation number
 * @param name its name, or {@code null} when only the number is known
 */
public record Organisation(OrgNumber number, String name) {
  /** Checks that there is a number. */
  public Organisation {
    Objects.requireNonNull(number, "number == null");
  }

  /** "Name (123456789)", or the number alone. */
  public String label() {
    return name == null ? number.value() : name + " (" + number.value() + ")";
  }
}
