package io.krrkit.local.internal.signing;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A service's published signing keys as a Nimbus {@link JWKSource}, so the emulator's resource
 * servers validate its tokens with the same validator API owners use, without an HTTP round trip. A
 * selector naming one {@code kid} is answered from the cache (reloading from the store once when
 * the key is unknown); any other selector sees every published key.
 */
public final class SigningKeySource implements JWKSource<SecurityContext> {
  private final SigningKeys signingKeys;

  public SigningKeySource(SigningKeys signingKeys) {
    this.signingKeys = signingKeys;
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) {
    Set<String> kids = selector.getMatcher().getKeyIDs();
    List<JWK> candidates = new ArrayList<>();
    if (kids != null && kids.size() == 1) {
      signingKeys.publishedKey(kids.iterator().next()).ifPresent(candidates::add);
    } else {
      candidates.addAll(signingKeys.published());
    }
    return selector.select(new JWKSet(candidates));
  }
}
