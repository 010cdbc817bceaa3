package io.krrkit.local.internal.krr;

/** The version of the lookup API a request came in on; they differ in how unknown persons show. */
public enum ApiVersion {
  /** {@code /rest/v1/personer}: every unknown person is answered as {@code IKKE_REGISTRERT}. */
  V1,
  /**
   * {@code /rest/v2/personer}: unknown persons are left out unless the request sets {@code
   * inkluderIkkeRegistrerte}.
   */
  V2
}
