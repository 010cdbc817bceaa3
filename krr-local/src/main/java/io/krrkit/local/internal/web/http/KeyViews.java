package io.krrkit.local.internal.web.http;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.krrkit.local.internal.client.ClientKey;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The models of the keys page ({@code src/main/jte/keys/}). */
public final class KeyViews {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Europe/Oslo"));

  private KeyViews() {}

  /**
   * The keys of one integration and the form that adds one.
   *
   * @param keys oldest first
   * @param form {@code key}, {@code key_file}, {@code kid}, {@code expires} and their messages
   * @param replaces the kid the new key rotates out, or {@code null} to add a key
   * @param maxKeys how many keys an integration may hold
   * @param latestExpiry the latest expiry date the form takes ({@code 2027-11-25})
   */
  public record KeysView(
      IntegrationRow integration,
      List<KeyRow> keys,
      Form form,
      String replaces,
      int maxKeys,
      String latestExpiry) {
    /** True when no key can be added without deleting or rotating one. */
    public boolean full() {
      return keys.size() >= maxKeys && replaces == null;
    }
  }

  /**
   * One registered key.
   *
   * @param alg the signing algorithm ({@code RS256})
   * @param created the day it was uploaded, Norwegian time
   * @param expires the day it stops working
   * @param expired true when it no longer authenticates the integration (MP-121)
   * @param certificate true when it is locked to a certificate ({@code x5c})
   */
  public record KeyRow(
      String kid,
      String alg,
      String created,
      String expires,
      boolean expired,
      boolean certificate) {

    /** The row of {@code key} at {@code now}. */
    static KeyRow of(ClientKey key, Instant now) {
      Map<String, Object> jwk = members(key.publicJwk());
      return new KeyRow(
          key.kid(),
          String.valueOf(jwk.getOrDefault("alg", "RS256")),
          day(key.created()),
          day(key.expires()),
          key.isExpired(now),
          jwk.containsKey("x5c"));
    }

    private static Map<String, Object> members(String json) {
      try {
        return JSONObjectUtils.parse(json);
      } catch (ParseException e) {
        return Map.of(); // stored by KeyPolicy, so always JSON; show the defaults if not
      }
    }
  }

  /** {@code instant} as the day it falls on in Norway. */
  static String day(Instant instant) {
    return DAY.format(instant);
  }
}
