package io.krrkit.local.internal.web.http;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Personidentifikator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes a {@link WebSession} into a cookie value and reads it back: the fields, then an
 * HMAC-SHA256 over them with a key from the store, so any node of one store accepts the sessions of
 * the others and no browser can forge one. Nothing is kept on the server.
 */
final class SessionCookie {
  /** Name of the cookie. */
  static final String NAME = "krr_web";

  /** How long a session lasts after it began. */
  static final Duration LIFETIME = Duration.ofHours(12);

  private static final String VERSION = "1";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final byte[] key;

  /** Signs with {@code key} (32 random bytes from the store). */
  SessionCookie(byte[] key) {
    this.key = key.clone();
  }

  /** The cookie value of {@code session}. */
  String write(WebSession session) {
    String payload =
        String.join(
            "|",
            VERSION,
            session.csrfToken(),
            session.language().tag(),
            session.signedIn() ? session.person().value() : "",
            session.signedIn() ? session.org().value() : "",
            Long.toString(session.issued().getEpochSecond()));
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
  }

  /**
   * The session in {@code value}, unless it is missing, forged, malformed or over at {@code now}.
   */
  Optional<WebSession> read(String value, Instant now) {
    if (value == null) {
      return Optional.empty();
    }
    int dot = value.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    try {
      byte[] payload = DECODER.decode(value.substring(0, dot));
      byte[] signature = DECODER.decode(value.substring(dot + 1));
      if (!MessageDigest.isEqual(mac(payload), signature)) {
        return Optional.empty();
      }
      return parse(new String(payload, StandardCharsets.UTF_8), now);
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not base64, or fields that do not parse
    }
  }

  private static Optional<WebSession> parse(String payload, Instant now) {
    String[] f = payload.split("\\|", -1);
    if (f.length != 6 || !VERSION.equals(f[0])) {
      return Optional.empty();
    }
    Instant issued = Instant.ofEpochSecond(Long.parseLong(f[5]));
    if (!now.isBefore(issued.plus(LIFETIME)) || issued.isAfter(now.plusSeconds(60))) {
      return Optional.empty();
    }
    Language language = Language.fromTag(f[2]).orElse(Language.NB);
    Personidentifikator person = f[3].isEmpty() ? null : Personidentifikator.of(f[3]);
    OrgNumber org = f[4].isEmpty() ? null : OrgNumber.of(f[4]);
    return Optional.of(new WebSession(f[1], language, person, org, issued));
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
