package io.krrkit.krr;

import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import io.krrkit.maskinporten.TokenRequest;
import java.util.Objects;

/**
 * Tokens from a {@link MaskinportenClient}, which caches them and refreshes ahead of expiry; a 401
 * from KRR drops the cached token.
 */
final class MaskinportenTokenSource implements AccessTokenSource {
  private final MaskinportenClient maskinporten;
  private final TokenRequest request;

  MaskinportenTokenSource(MaskinportenClient maskinporten, TokenRequest request) {
    this.maskinporten = Objects.requireNonNull(maskinporten, "maskinporten == null");
    this.request = Objects.requireNonNull(request, "request == null");
  }

  @Override
  public String accessToken() {
    return maskinporten.getToken(request).value();
  }

  @Override
  public void invalidate(String token) {
    maskinporten.invalidate(request);
  }

  /**
   * Refuses a Maskinporten of the other Digdir environment: KRR accepts tokens from the matching
   * issuer only. Custom environments (the emulator) are not checked.
   */
  void requireMatching(KrrEnvironment krr) {
    MaskinportenEnvironment mp = maskinporten.environment();
    boolean mismatch =
        (krr.equals(KrrEnvironment.TEST) && mp.equals(MaskinportenEnvironment.PRODUCTION))
            || (krr.isProduction() && mp.equals(MaskinportenEnvironment.TEST));
    if (mismatch) {
      throw new IllegalStateException(
          "KRR "
              + krr.name()
              + " accepts tokens only from the matching Maskinporten, not from "
              + mp.issuer()
              + "; use the Maskinporten environment of the same name");
    }
  }

  @Override
  public String toString() {
    return "MaskinportenTokenSource[" + maskinporten + ", scopes=" + request.scopes() + "]";
  }
}
