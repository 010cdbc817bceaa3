package io.krrkit.maskinporten;

/**
 * The client, grant or token request was set up wrongly (missing scope, lifetime over 120 s, a
 * signing key without {@code kid}, …). The message names the setting and what to change.
 */
public final class MaskinportenConfigException extends MaskinportenException {
  private static final long serialVersionUID = 1L;

  /** An error with a message that names the setting and says what to change. */
  public MaskinportenConfigException(String message) {
    super(message, null);
  }

  private MaskinportenConfigException(MaskinportenConfigException original) {
    super(original.getMessage(), original);
  }

  @Override
  MaskinportenException rethrownInCaller() {
    return new MaskinportenConfigException(this);
  }
}
