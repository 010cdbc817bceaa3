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
import java.util.Set;
import java.util.stream.Collectors;

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
    List<ClientKey> held = keys.findByClient(clientId);
    return store(clientId, held, held, key);
  }

  /**
   * Rotates: puts {@code key} in the place of the key {@code oldKid} in one step, so a client with
   * five keys can rotate too and a refused key leaves the old one in place.
   *
   * @return the client's keys afterwards
   */
  public KeySet replace(OrgNumber caller, String clientId, String oldKid, ImportedKey key) {
    registry.get(caller, clientId);
    List<ClientKey> held = keys.findByClient(clientId);
    List<ClientKey> kept = new ArrayList<>(held);
    if (!kept.removeIf(k -> k.kid().equals(oldKid))) {
      throw noSuchKey();
    }
    return store(clientId, held, kept, key);
  }

  /** Writes {@code kept} plus {@code key}, unless the keys changed since {@code held} was read. */
  private KeySet store(
      String clientId, List<ClientKey> held, List<ClientKey> kept, ImportedKey key) {
    Instant now = clock.instant();
    check(clientId, key, kept, now);
    List<ClientKey> after = new ArrayList<>(kept);
    after.addAll(policy.accept(clientId, List.of(key.jwk()), now));
    Set<String> read = held.stream().map(ClientKey::kid).collect(Collectors.toSet());
    try {
      if (!keys.replaceAllIf(clientId, read, after)) {
        throw new KeyImportException(Problem.CHANGED_MEANWHILE);
      }
    } catch (StoreException e) {
      if (!e.isDuplicateKey()) {
        throw e;
      }
      throw new KeyImportException(Problem.KID_TAKEN); // taken by another client meanwhile
    }
    return KeySet.of(after);
  }

  /**
   * Removes the key {@code kid} from the caller's client, the last one too.
   *
   * @return the client's keys afterwards
   */
  public KeySet remove(OrgNumber caller, String clientId, String kid) {
    registry.get(caller, clientId);
    if (kid == null || !keys.delete(clientId, kid)) {
      throw noSuchKey();
    }
    return KeySet.of(keys.findByClient(clientId));
  }

  private static ClientRegistryException noSuchKey() {
    return new ClientRegistryException(
        ClientRegistryException.Reason.NOT_FOUND,
        List.of(new FieldError("kid", "The integration has no such key; reload its key list")));
  }

  private void check(String clientId, ImportedKey key, List<ClientKey> held, Instant now) {
    if (held.size() >= KeyPolicy.MAX_KEYS) {
      throw new KeyImportException(Problem.TOO_MANY_KEYS, String.valueOf(held.size()));
    }
    if (held.stream().anyMatch(k -> k.kid().equals(key.kid()))) {
      throw new KeyImportException(Problem.KID_ON_CLIENT);
    }
    if (keys.findByKid(key.kid()).filter(k -> !k.clientId().equals(clientId)).isPresent()) {
      throw new KeyImportException(Problem.KID_TAKEN);
    }
    Instant expires = key.expiry();
    Instant latest = now.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
    if (expires != null && (!expires.isAfter(now) || expires.isAfter(latest))) {
      throw new KeyImportException(Problem.EXPIRY_OUT_OF_RANGE);
    }
  }
}
