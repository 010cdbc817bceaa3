package io.krrkit.krr;

/**
 * Version of KRR's lookup endpoint. The versions differ in how they answer persons the register
 * does not know.
 */
public enum ApiVersion {
  /**
   * {@code /rest/v1/personer}: answers every unknown person with an {@code IKKE_REGISTRERT} entry.
   */
  V1("v1"),
  /**
   * {@code /rest/v2/personer}: leaves unknown persons out unless {@code inkluderIkkeRegistrerte} is
   * true. {@link KrrClient} fills the gaps with the entry v1 gives ({@code status=IKKE_REGISTRERT,
   * reservasjon=NEI, varslingsstatus=KAN_IKKE_VARSLES}), so results look the same for both
   * versions.
   */
  V2("v2");

  private final String pathSegment;

  ApiVersion(String pathSegment) {
    this.pathSegment = pathSegment;
  }

  /** The path segment, {@code v1} or {@code v2}. */
  public String pathSegment() {
    return pathSegment;
  }
}
