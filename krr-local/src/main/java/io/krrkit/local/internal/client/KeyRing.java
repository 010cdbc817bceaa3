package io.krrkit.local.internal.client;

import io.krrkit.core.OrgNumber;
import io.krrkit.local.internal.client.KeyImportException.Problem;
import io.krrkit.local.internal.store.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Adds or removes one key of a client and leaves the others as they are (uploaded, expiry): what
 * the web page's "add key" and "delete" buttons do. {@link ClientRegistry#replaceKeys} instead
 * replaces the whole set, as {@code POST /clients/{id}/jwks} does. The same rules hold: at most
 * five keys, RSA 2048 with RS256, a kid no other client holds, at most one year of life.
 *
 * <pre>{@code
 * KeyRing ring = new KeyRing(registry, keys, clock);
 * ring.add(org, clientId, KeyImport.fromText(pastedPem, ""));
 * ring.replace(org, clientId, oldKid, KeyImport.fromText(newJwk, ""));   // rotation
 * ring.remove(org, clientId, kid);
 * }</pre>
 *
 * A key the rules refuse is a {@link KeyImportException}; another organisation's client is a {@link
 * ClientRegistryException} (not found).
 */
public final class KeyRing {
  /** Most keys a client holds (spec.md#client-keys). */
  public static final int MAX_KEYS = KeyPolicy.MAX_KEYS;

  private final ClientRegistry registry;
  private final ClientKeyRepository keys;
  private final Clock clock;
  private final KeyPolicy policy;

  /** Checks ownership through {@code registry}; keeps keys in {@code keys}. */
  public KeyRing(ClientRegistry registry, ClientKeyRepository keys, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry == null");
    this.keys = Objects.requireNonNull(keys, "keys == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.policy = new KeyPolicy(keys);
  }

  /**
   * Adds {@code key} to the caller's client; without its own expiry it lives one year.
   *
   * @return the client's keys afterwards
   */
  public KeySet add(OrgNumber caller, String clientId, ImportedKey key) {
    registry.get(caller, clientId);
    ClientKey accepted = accept(clientId, key);
    return store(clientId, held -> withRoom(held, accepted));
  }

  /**
   * Rotates: puts {@code key} in the place of the key {@code oldKid} in one step, so a client with
   * five keys can rotate too and a refused key leaves the old one in place.
   *
   * @return the client's keys afterwards
   */
  public KeySet replace(OrgNumber caller, String clientId, String oldKid, ImportedKey key) {
    registry.get(caller, clientId);
    ClientKey accepted = accept(clientId, key);
    return store(clientId, held -> withRoom(without(held, oldKid), accepted));
  }

  /**
   * Removes the key {@code kid} from the caller's client, the last one too.
   *
   * @return the client's keys afterwards
   */
  public KeySet remove(OrgNumber caller, String clientId, String kid) {
    registry.get(caller, clientId);
    return store(clientId, held -> without(held, kid));
  }

  /**
   * The key as it will be stored, checked against everything but the client's current keys: those
   * are checked by {@link #withRoom} under the client's lock.
   */
  private ClientKey accept(String clientId, ImportedKey key) {
    Instant now = clock.instant();
    if (keys.findByKid(key.kid()).filter(k -> !k.clientId().equals(clientId)).isPresent()) {
      throw new KeyImportException(Problem.KID_TAKEN);
    }
    Instant expires = key.expiry();
    Instant latest = now.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
    if (expires != null && (!expires.isAfter(now) || expires.isAfter(latest))) {
      throw new KeyImportException(Problem.EXPIRY_OUT_OF_RANGE);
    }
    return policy.accept(clientId, List.of(key.jwk()), now).get(0);
  }

  /** Writes what {@code change} makes of the held keys, in the store's one locked step. */
  private KeySet store(String clientId, UnaryOperator<List<ClientKey>> change) {
    try {
      return KeySet.of(registry.changeKeys(clientId, change));
    } catch (StoreException e) {
      if (!e.isDuplicateKey()) {
        throw e;
      }
      throw new KeyImportException(Problem.KID_TAKEN); // taken by another client meanwhile
    }
  }

  /** {@code held} plus {@code key}, unless the client is full or holds that kid already. */
  private static List<ClientKey> withRoom(List<ClientKey> held, ClientKey key) {
    if (held.size() >= KeyPolicy.MAX_KEYS) {
      throw new KeyImportException(Problem.TOO_MANY_KEYS, String.valueOf(held.size()));
    }
    if (held.stream().anyMatch(k -> k.kid().equals(key.kid()))) {
      throw new KeyImportException(Problem.KID_ON_CLIENT);
    }
    List<ClientKey> after = new ArrayList<>(held);
    after.add(key);
    return after;
  }

  /** {@code held} without the key {@code kid}, which must be there. */
  private static List<ClientKey> without(List<ClientKey> held, String kid) {
    List<ClientKey> kept = new ArrayList<>(held);
    if (kid == null || !kept.removeIf(k -> k.kid().equals(kid))) {
      throw noSuchKey();
    }
    return kept;
  }

  private static ClientRegistryException noSuchKey() {
    return new ClientRegistryException(
        ClientRegistryException.Reason.NOT_FOUND,
        List.of(new FieldError("kid", "The integration has no such key; reload its key list")));
  }
}
