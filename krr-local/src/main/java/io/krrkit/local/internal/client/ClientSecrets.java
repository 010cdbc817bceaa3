package io.krrkit.local.internal.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Client secrets for {@code client_secret_basic} and {@code client_secret_post}: generated here
 * (Digdir generates them; a caller never chooses one), shown once, stored as SHA-256 only. A new
 * secret replaces the old one at once: Digdir documents no overlap window (docs/idporten.md#client
 * -secrets). Secrets expire after 360 days, Digdir's maximum lifetime ({@code
 * oidc_func_clientreg}).
 */
public final class ClientSecrets {
  /** Digdir's maximum lifetime of a client secret. */
  public static final Duration LIFETIME = Duration.ofDays(360);

  /** The authentication methods that use a secret. */
  public static final Set<String> METHODS = Set.of("client_secret_basic", "client_secret_post");

  /** How a presented secret compares with the stored one. */
  public enum Check {
    VALID,
    WRONG,
    EXPIRED,
    NONE_REGISTERED
  }

  private final ClientSecretRepository secrets;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public ClientSecrets(ClientSecretRepository secrets, Clock clock) {
    this.secrets = Objects.requireNonNull(secrets, "secrets == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** Whether {@code client} authenticates with a secret. */
  public static boolean usesSecret(RegisteredClient client) {
    return client != null && METHODS.contains(client.tokenEndpointAuthMethod());
  }

  /** A new secret for {@code clientId}, replacing any old one; the only time it is seen. */
  public String generate(String clientId) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    secrets.replace(new ClientSecret(clientId, hash(secret), now, now.plus(LIFETIME)));
    return secret;
  }

  /**
   * After {@code client} was saved: a secret method without a secret gets one (returned, to show
   * once); another method loses its secret (Digdir: "eksisterende secret slettes dersom man endrer
   * metoden til noe annet enn client_secret_*"). Empty when nothing new is to be shown.
   */
  Optional<String> reconcile(RegisteredClient client) {
    if (!usesSecret(client)) {
      secrets.delete(client.clientId());
      return Optional.empty();
    }
    if (secrets.find(client.clientId()).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(generate(client.clientId()));
  }

  /** When the client's secret expires, if it has one. */
  public Optional<Instant> expires(String clientId) {
    return secrets.find(clientId).map(ClientSecret::expires);
  }

  /** Compares {@code presented} with the client's secret in constant time. */
  public Check check(String clientId, String presented) {
    Optional<ClientSecret> stored = secrets.find(clientId);
    if (stored.isEmpty()) {
      return Check.NONE_REGISTERED;
    }
    byte[] expected = stored.get().secretHash().getBytes(StandardCharsets.US_ASCII);
    byte[] given = hash(presented == null ? "" : presented).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given)) {
      return Check.WRONG;
    }
    return stored.get().expires().isAfter(clock.instant()) ? Check.VALID : Check.EXPIRED;
  }

  static String hash(String secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
