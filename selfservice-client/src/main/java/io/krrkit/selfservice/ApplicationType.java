package io.krrkit.selfservice;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a client runs ({@code application_type}); Maskinporten and KRR clients are {@link #WEB}.
 */
public enum ApplicationType {
  /** A server-side application that can keep a key secret. */
  WEB("web"),
  /** An application installed on the user's device. */
  NATIVE("native"),
  /** A single-page application in the browser. */
  BROWSER("browser");

  private final String wireName;

  ApplicationType(String wireName) {
    this.wireName = wireName;
  }

  /** The name in the API, e.g. {@code web}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }
}
