package io.krrkit.local.internal.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.krrkit.local.internal.client.KeyImportException.Problem;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads a public key the way people hold one — a JWK, a PEM public key ({@code -----BEGIN PUBLIC
 * KEY-----} or {@code RSA PUBLIC KEY}), an X.509 certificate in PEM or DER (kept as {@code x5c}) —
 * into the JWK {@link ClientRegistry#replaceKeys} takes, so the web page accepts what a user has at
 * hand. Only public RSA 2048 keys pass; a private key is refused and never shown back.
 *
 * <pre>{@code
 * ImportedKey key = KeyImport.fromText(pastedPem, "");   // kid: the RFC 7638 thumbprint
 * registry.replaceKeys(org, clientId, List.of(key.jwk()));
 * }</pre>
 *
 * Every refusal is a {@link KeyImportException} naming the problem and its form field.
 */
public final class KeyImport {
  /** Most bytes of text or file read: more than any public key or certificate chain needs. */
  public static final int MAX_INPUT = 64 * 1024;

  private static final Pattern KID = Pattern.compile("[A-Za-z0-9._-]{1,255}");
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9-]{1,16}");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=\\s]+");

  private KeyImport() {}

  /**
   * The key in pasted {@code text}: a JWK (or a JWK set of one key), PEM, or a base64 DER
   * certificate. A blank {@code kid} keeps the JWK's own or takes the RFC 7638 thumbprint.
   *
   * @throws KeyImportException when the text holds no usable public key, or {@code kid} is invalid
   */
  public static ImportedKey fromText(String text, String kid) {
    Objects.requireNonNull(text, "text == null");
    String given = checkKid(kid);
    String input = text.replace("\uFEFF", "").strip(); // a byte order mark from some editors
    if (input.isEmpty()) {
      throw new KeyImportException(Problem.EMPTY);
    }
    if (input.length() > MAX_INPUT) {
      throw new KeyImportException(Problem.TOO_LARGE);
    }
    if (input.startsWith("{")) {
      return fromJwk(input, given);
    }
    if (input.contains("-----BEGIN ")) {
      return fromFound(PemKeys.fromPem(input), given);
    }
    if (BASE64.matcher(input).matches()) {
      return fromFound(PemKeys.fromDer(new Base64(input.replaceAll("\\s", "")).decode()), given);
    }
    throw new KeyImportException(Problem.MALFORMED);
  }

  /**
   * The key in an uploaded file: anything {@link #fromText} reads, or a DER certificate or public
   * key.
   *
   * @throws KeyImportException when the file holds no usable public key, or {@code kid} is invalid
   */
  public static ImportedKey fromFile(byte[] content, String kid) {
    Objects.requireNonNull(content, "content == null");
    if (content.length > MAX_INPUT) {
      throw new KeyImportException(Problem.TOO_LARGE);
    }
    if (content.length == 0) {
      throw new KeyImportException(Problem.EMPTY);
    }
    if (content[0] == 0x30) { // an ASN.1 SEQUENCE: DER
      return fromFound(PemKeys.fromDer(content), checkKid(kid));
    }
    return fromText(new String(content, StandardCharsets.UTF_8), kid);
  }

  private static ImportedKey fromJwk(String json, String kid) {
    JWK jwk = parseJwk(json);
    if (jwk.isPrivate()) {
      throw new KeyImportException(Problem.PRIVATE_KEY);
    }
    if (!(jwk instanceof RSAKey rsa)) {
      throw new KeyImportException(Problem.NOT_RSA, jwk.getKeyType().getValue());
    }
    if (rsa.getAlgorithm() != null && !JWSAlgorithm.RS256.equals(rsa.getAlgorithm())) {
      throw new KeyImportException(Problem.WRONG_ALG);
    }
    if (rsa.getKeyUse() != null && !KeyUse.SIGNATURE.equals(rsa.getKeyUse())) {
      throw new KeyImportException(Problem.WRONG_USE);
    }
    ImportedKey key =
        build(
            publicKey(rsa),
            rsa.getX509CertChain() == null ? List.of() : rsa.getX509CertChain(),
            kid != null ? kid : checkKid(rsa.getKeyID()));
    return rsa.getExpirationTime() == null
        ? key
        : key.withExpiry(rsa.getExpirationTime().toInstant());
  }

  /** The one JWK in {@code json}; private members refuse it before anything else is looked at. */
  private static JWK parseJwk(String json) {
    Map<String, Object> members;
    try {
      members = JSONObjectUtils.parse(json);
      if (members.get("keys") instanceof List<?> keys) {
        if (keys.size() != 1) {
          throw new KeyImportException(Problem.NOT_ONE_KEY, String.valueOf(keys.size()));
        }
        members = JSONObjectUtils.getJSONObjectArray(members, "keys")[0];
      }
    } catch (ParseException | RuntimeException e) {
      if (e instanceof KeyImportException refused) {
        throw refused;
      }
      throw new KeyImportException(Problem.MALFORMED);
    }
    if (members.containsKey("d") || members.containsKey("k")) {
      throw new KeyImportException(Problem.PRIVATE_KEY);
    }
    try {
      return JWK.parse(members);
    } catch (ParseException | RuntimeException e) {
      throw new KeyImportException(Problem.MALFORMED);
    }
  }

  private static RSAPublicKey publicKey(RSAKey jwk) {
    try {
      return jwk.toRSAPublicKey();
    } catch (JOSEException | RuntimeException e) {
      throw new KeyImportException(Problem.MALFORMED);
    }
  }

  private static ImportedKey fromFound(PemKeys.Found found, String kid) {
    PublicKey key = found.key();
    if (!(key instanceof RSAPublicKey rsa)) {
      String type = key.getAlgorithm();
      throw new KeyImportException(
          Problem.NOT_RSA, SAFE_NAME.matcher(type).matches() ? type : "non-RSA");
    }
    return build(rsa, found.chain(), kid);
  }

  private static ImportedKey build(RSAPublicKey key, List<Base64> chain, String kid) {
    int bits = key.getModulus().bitLength();
    if (bits != KeyPolicy.KEY_BITS) {
      throw new KeyImportException(Problem.WRONG_SIZE, String.valueOf(bits));
    }
    RSAKey.Builder jwk =
        new RSAKey.Builder(key).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256);
    if (!chain.isEmpty()) {
      jwk.x509CertChain(chain);
    }
    String id = kid != null ? kid : thumbprint(jwk.build());
    Map<String, Object> members = new LinkedHashMap<>(jwk.keyID(id).build().toJSONObject());
    return new ImportedKey(id, members);
  }

  /** The RFC 7638 SHA-256 thumbprint, base64url: a kid derived from the key itself. */
  private static String thumbprint(RSAKey key) {
    try {
      return key.computeThumbprint().toString();
    } catch (JOSEException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The given kid, {@code null} when blank. */
  private static String checkKid(String kid) {
    if (kid == null || kid.isBlank()) {
      return null;
    }
    String trimmed = kid.strip();
    if (!KID.matcher(trimmed).matches()) {
      throw new KeyImportException(Problem.KID_INVALID);
    }
    return trimmed;
  }
}
