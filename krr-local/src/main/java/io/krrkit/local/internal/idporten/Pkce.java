package io.krrkit.local.internal.idporten;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** PKCE (RFC 7636) with {@code S256}, the only method ID-porten takes. */
final class Pkce {
  /** A verifier: 43 to 128 unreserved characters. */
  private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

  /** A challenge: base64url of a SHA-256 hash, no padding. */
  private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private Pkce() {}

  static boolean isChallenge(String value) {
    return value != null && CHALLENGE.matcher(value).matches();
  }

  static boolean isVerifier(String value) {
    return value != null && VERIFIER.matcher(value).matches();
  }

  /** {@code BASE64URL(SHA256(verifier))}, the S256 challenge of {@code verifier}. */
  static String challengeOf(String verifier) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
  }

  /** True when {@code verifier} hashes to {@code challenge}, compared in constant time. */
  static boolean matches(String verifier, String challenge) {
    return MessageDigest.isEqual(
        challengeOf(verifier).getBytes(StandardCharsets.US_ASCII),
        challenge.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
