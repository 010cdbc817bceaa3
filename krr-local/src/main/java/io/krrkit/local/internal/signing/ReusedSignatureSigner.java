package io.krrkit.local.internal.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Set;

/**
 * RS256 with one {@link Signature} per thread, initialised with the key once, for the emulator's
 * own tokens. Nimbus' {@code RSASSASigner} looks the algorithm up and initialises a new {@code
 * Signature} for every token; {@link Signature#sign()} leaves the object as {@code initSign} left
 * it, so it can sign the next input as it is. RS256 (PKCS #1 v1.5) is deterministic: the tokens are
 * the same bytes either signer makes.
 */
final class ReusedSignatureSigner implements JWSSigner {
  private static final String JCA_NAME = "SHA256withRSA";

  private final PrivateKey key;
  private final JCAContext jca = new JCAContext();
  private final ThreadLocal<Signature> signatures = ThreadLocal.withInitial(this::initialised);

  /**
   * Signs with {@code key}; fails now, not on the first token, when the JDK cannot use it.
   *
   * @throws JOSEException when {@code key} is not a usable RSA private key
   */
  ReusedSignatureSigner(PrivateKey key) throws JOSEException {
    this.key = key;
    try {
      newSignature();
    } catch (GeneralSecurityException e) {
      throw new JOSEException("the RSA private key is not usable for RS256", e);
    }
  }

  @Override
  public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
    if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
      throw new JOSEException("this signer makes RS256 only, not " + header.getAlgorithm());
    }
    Signature signature = signatures.get();
    try {
      signature.update(signingInput);
      return Base64URL.encode(signature.sign());
    } catch (GeneralSecurityException | RuntimeException e) {
      signatures.remove(); // its state is unknown now: the next call starts from a new one
      throw new JOSEException("RS256 signing failed", e);
    }
  }

  @Override
  public Set<JWSAlgorithm> supportedJWSAlgorithms() {
    return Set.of(JWSAlgorithm.RS256);
  }

  @Override
  public JCAContext getJCAContext() {
    return jca;
  }

  private Signature initialised() {
    try {
      return newSignature();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the RSA private key was usable and is not now", e);
    }
  }

  private Signature newSignature() throws GeneralSecurityException {
    Signature signature = Signature.getInstance(JCA_NAME);
    signature.initSign(key);
    return signature;
  }
}
