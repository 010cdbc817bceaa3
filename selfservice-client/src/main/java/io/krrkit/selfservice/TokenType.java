package io.krrkit.selfservice;

/** The kind of access token an API expects for a scope ({@code token_type}). */
public enum TokenType {
  /** A signed JWT the API validates itself (the default). */
  SELF_CONTAINED,
  /** A reference the API looks up with token introspection. */
  OPAQUE
}
