package io.krrkit.local.internal.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.X509CertUtils;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for a key set uploaded to {@code POST /clients/{id}/jwks}: one to five public RSA keys
 * of 2048 bits for RS256, each with {@code kty, alg, use, kid, e, n}, a {@code kid} no other client
 * holds, and at most one year of life. Turns accepted keys into {@link ClientKey}s holding only the
 * public members, so private material sent by mistake is never stored.
 */
final class KeyPolicy {
  static final int MAX_KEYS = 5;
  static final int KEY_BITS = 2048;

  private static final Set<String> PRIVATE_MEMBERS =
      Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");
  private static final List<String> REQUIRED = List.of("kty", "alg", "use", "kid", "e", "n");
  private static final Pattern KID = Pattern.compile("[A-Za-z0-9._-]{1,255}");
  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
  private static final int JWK_MAX = 16_000; // the jwk column (V1__clients.sql)
  private static final long MAX_EPOCH_SECONDS = 253_402_300_799L; // 9999-12-31T23:59:59Z

  private final ClientKeyRepository keys;

  KeyPolicy(ClientKeyRepository keys) {
    this.keys = keys;
  }

  /**
   * Checks the uploaded set for {@code clientId} at {@code now} and returns its keys, or throws
   * {@link ClientRegistryException} listing every problem.
   */
  List<ClientKey> accept(String clientId, List<Map<String, Object>> jwks, Instant now) {
    return accept(clientId, jwks, now, null);
  }

  /**
   * As {@link #accept}, for a key set of the operator's state import: every key keeps its {@code
   * exp} (whole epoch seconds, past or far ahead, as exported; one year when absent) and its upload
   * time from {@code created}.
   */
  List<ClientKey> acceptExported(
      String clientId, List<Map<String, Object>> jwks, List<Instant> created) {
    return accept(clientId, jwks, null, created);
  }

  // now == null: an exported set, each key created at created.get(i) with its exp as it is.
  private List<ClientKey> accept(
      String clientId, List<Map<String, Object>> jwks, Instant now, List<Instant> created) {
    FieldErrors errors = new FieldErrors();
    if (jwks.isEmpty()) {
      errors.add(
          "keys", "keys is empty; to remove every key use DELETE /clients/" + clientId + "/jwks");
    } else if (jwks.size() > MAX_KEYS) {
      errors.add("keys", "keys holds " + jwks.size() + " keys; at most " + MAX_KEYS + " allowed");
    }
    List<ClientKey> accepted = new ArrayList<>();
    Set<String> kids = new HashSet<>();
    for (int i = 0; i < jwks.size() && jwks.size() <= MAX_KEYS; i++) {
      Instant at = now != null ? now : created.get(i);
      ClientKey key = accept(clientId, "keys[" + i + "]", jwks.get(i), at, now == null, errors);
      if (key != null && !kids.add(key.kid())) {
        errors.add("keys[" + i + "].kid", "keys[" + i + "].kid appears twice in the set");
      }
      accepted.add(key);
    }
    errors.throwIfAny();
    return accepted;
  }

  private ClientKey accept(
      String clientId,
      String at,
      Map<String, Object> jwk,
      Instant now,
      boolean exported,
      FieldErrors errors) {
    if (jwk == null) {
      errors.add(at, at + " must be a JWK object");
      return null;
    }
    if (jwk.keySet().stream().anyMatch(PRIVATE_MEMBERS::contains)) {
      errors.add(
          at,
          at
              + " holds private key material; upload only the public key (kty, alg, use, kid, e, n)");
      return null;
    }
    int before = errors.size();
    for (String member : REQUIRED) {
      if (!(jwk.get(member) instanceof String s) || s.isBlank()) {
        errors.add(at + "." + member, at + "." + member + " is required (a string)");
      }
    }
    checkFixed(at, jwk, "kty", "RSA", errors);
    checkFixed(at, jwk, "alg", "RS256", errors);
    checkFixed(at, jwk, "use", "sig", errors);
    if (errors.size() > before) {
      return null;
    }
    checkKid(clientId, at, (String) jwk.get("kid"), errors);
    Instant expires =
        exported
            ? exportedExpiry(at, jwk.get("exp"), now, errors)
            : expiry(at, jwk.get("exp"), now, errors);
    RSAKey key = publicKey(at, jwk, errors);
    if (key == null || errors.size() > before) {
      return null;
    }
    return new ClientKey(clientId, key.getKeyID(), key.toJSONString(), now, expires);
  }

  private static void checkFixed(
      String at, Map<String, Object> jwk, String member, String expected, FieldErrors errors) {
    if (jwk.get(member) instanceof String value && !value.isBlank() && !expected.equals(value)) {
      errors.add(
          at + "." + member,
          at + "." + member + " must be " + expected + " (only RS256 with RSA 2048 is supported)");
    }
  }

  private void checkKid(String clientId, String at, String kid, FieldErrors errors) {
    if (!KID.matcher(kid).matches()) {
      errors.add(at + ".kid", at + ".kid may hold only letters, digits and . _ - (at most 255)");
      return;
    }
    keys.findByKid(kid)
        .filter(held -> !held.clientId().equals(clientId))
        .ifPresent(
            held ->
                errors.add(
                    at + ".kid",
                    at
                        + ".kid "
                        + kid
                        + " is taken by another client; kid is unique across all"
                        + " clients"));
  }

  private static Instant exportedExpiry(String at, Object exp, Instant now, FieldErrors errors) {
    if (exp == null) {
      return now.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
    }
    if (!(exp instanceof Integer || exp instanceof Long)) {
      errors.add(at + ".exp", at + ".exp must be whole epoch seconds");
      return now;
    }
    long seconds = ((Number) exp).longValue();
    if (seconds < 0 || seconds > MAX_EPOCH_SECONDS) {
      errors.add(at + ".exp", at + ".exp must be epoch seconds in the years 1970 to 9999");
      return now;
    }
    return Instant.ofEpochSecond(seconds);
  }

  private static Instant expiry(String at, Object exp, Instant now, FieldErrors errors) {
    Instant latest = now.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
    if (exp == null) {
      return latest;
    }
    if (!(exp instanceof Integer || exp instanceof Long || exp instanceof BigInteger)) {
      errors.add(at + ".exp", at + ".exp must be whole epoch seconds");
      return latest;
    }
    BigInteger seconds = new BigInteger(exp.toString());
    if (seconds.compareTo(BigInteger.valueOf(now.getEpochSecond())) <= 0) {
      errors.add(at + ".exp", at + ".exp is not in the future");
    } else if (seconds.compareTo(BigInteger.valueOf(latest.getEpochSecond())) > 0) {
      errors.add(
          at + ".exp",
          at + ".exp is more than one year away; leave exp out to get the longest life, one year");
    } else {
      return Instant.ofEpochSecond(seconds.longValueExact());
    }
    return latest;
  }

  /** The public key with only its public members, or null with the problem recorded. */
  private static RSAKey publicKey(String at, Map<String, Object> jwk, FieldErrors errors) {
    String n = (String) jwk.get("n");
    String e = (String) jwk.get("e");
    if (!BASE64URL.matcher(n).matches() || !BASE64URL.matcher(e).matches()) {
      errors.add(at, at + ".n and .e must be base64url (no padding)");
      return null;
    }
    BigInteger modulus = new Base64URL(n).decodeToBigInteger();
    BigInteger exponent = new Base64URL(e).decodeToBigInteger();
    if (modulus.bitLength() != KEY_BITS) {
      errors.add(
          at + ".n",
          at + ".n is a " + modulus.bitLength() + "-bit modulus; only RSA 2048 is supported");
      return null;
    }
    if (exponent.compareTo(BigInteger.valueOf(3)) < 0 || !exponent.testBit(0)) {
      errors.add(at + ".e", at + ".e must be an odd public exponent of 3 or more");
      return null;
    }
    List<Base64> chain = certificateChain(at, jwk.get("x5c"), errors);
    RSAKey key =
        new RSAKey.Builder(new Base64URL(n), new Base64URL(e))
            .keyID((String) jwk.get("kid"))
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.RS256)
            .build();
    if (chain != null && !matches(chain.get(0), key)) {
      errors.add(at + ".x5c", at + ".x5c[0] does not certify this key's public key");
      return null;
    }
    RSAKey stored = chain == null ? key : new RSAKey.Builder(key).x509CertChain(chain).build();
    if (stored.toJSONString().length() > JWK_MAX) {
      errors.add(at + ".x5c", at + ".x5c is too long; send the enterprise certificate only");
      return null;
    }
    return stored;
  }

  /** The {@code x5c} chain, {@code null} when absent or wrong (the problem recorded). */
  private static List<Base64> certificateChain(String at, Object x5c, FieldErrors errors) {
    if (x5c == null) {
      return null;
    }
    List<Base64> chain = new ArrayList<>();
    if (x5c instanceof List<?> entries && !entries.isEmpty()) {
      for (Object entry : entries) {
        if (entry instanceof String s && X509CertUtils.parse(new Base64(s).decode()) != null) {
          chain.add(new Base64(s));
        }
      }
      if (chain.size() == entries.size()) {
        return chain;
      }
    }
    errors.add(at + ".x5c", at + ".x5c must be an array of base64 DER X.509 certificates");
    return null;
  }

  private static boolean matches(Base64 certificate, RSAKey key) {
    X509Certificate cert = X509CertUtils.parse(certificate.decode());
    try {
      return cert.getPublicKey().equals(key.toRSAPublicKey());
    } catch (JOSEException e) {
      return false;
    }
  }
}
