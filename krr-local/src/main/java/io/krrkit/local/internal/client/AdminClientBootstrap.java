package io.krrkit.local.internal.client;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.signing.RsaKeyPool;
import io.krrkit.local.internal.store.StoreException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure an organisation has a self-service admin client (integration type maskinporten) with
 * every self-service scope and one RSA 2048 key, so a new user can call the self-service API right
 * after start. The private key is kept in the store: the same credential after a restart and on
 * every node sharing the database. Safe to run on several nodes at once.
 */
public final class AdminClientBootstrap {
  private static final Logger log = LoggerFactory.getLogger(AdminClientBootstrap.class);

  /** The scopes the admin client holds. */
  public static final Set<Scope> SCOPES =
      Set.of(
          Scope.DCR_READ,
          Scope.DCR_MODIFY,
          Scope.DCR_WRITE,
          Scope.DCR_ONBEHALFOF_WRITE,
          Scope.DCR_SUPPLIER,
          Scope.SCOPES_WRITE);

  // Like an enterprise certificate, the admin key is not an uploaded key: the one-year limit of
  // uploads does not apply, so moving the emulator clock years ahead keeps it usable.
  private static final int KEY_LIFE_YEARS = 100;

  private final ClientRepository clients;
  private final ClientKeyRepository keys;
  private final AdminCredentialRepository credentials;
  private final Clock clock;

  /** Works on the client and key stores, keeping credentials in {@code credentials}. */
  public AdminClientBootstrap(
      ClientRepository clients,
      ClientKeyRepository keys,
      AdminCredentialRepository credentials,
      Clock clock) {
    this.clients = clients;
    this.keys = keys;
    this.credentials = credentials;
    this.clock = clock;
  }

  /**
   * The admin credential of {@code org}, created on first call; repairs the client and its key when
   * they were deleted or changed.
   */
  public AdminCredential ensure(OrgNumber org) {
    AdminCredential credential = credentials.findByOrg(org).orElseGet(() -> create(org));
    ensureClient(org, credential.clientId());
    ensureKey(credential);
    return credential;
  }

  private AdminCredential create(OrgNumber org) {
    String kid = "krr-local-admin-" + UUID.randomUUID();
    RSAKey key = generateKey(kid);
    AdminCredential fresh =
        new AdminCredential(UUID.randomUUID().toString(), kid, key.toJSONString());
    if (credentials.insertIfAbsent(org, fresh)) {
      log.info(
          "created self-service admin client {} (kid {}) for organisation {}",
          fresh.clientId(),
          kid,
          org);
      return fresh;
    }
    // Another node stored one first; everyone uses that.
    return credentials.findByOrg(org).orElseThrow();
  }

  private void ensureClient(OrgNumber org, String clientId) {
    boolean fine =
        clients
            .findById(clientId)
            .filter(c -> c.active() && c.scopes().containsAll(SCOPES))
            .isPresent();
    if (!fine) {
      ignoringRace(() -> clients.save(adminClient(org, clientId)));
    }
  }

  private void ensureKey(AdminCredential credential) {
    Instant now = clock.instant();
    boolean fine =
        keys.findByKid(credential.kid())
            .filter(k -> k.clientId().equals(credential.clientId()) && !k.isExpired(now))
            .isPresent();
    if (!fine) {
      ClientKey key =
          new ClientKey(
              credential.clientId(),
              credential.kid(),
              publicJwk(credential.privateJwk()),
              now,
              now.atOffset(ZoneOffset.UTC).plusYears(KEY_LIFE_YEARS).toInstant());
      ignoringRace(() -> keys.replaceAll(credential.clientId(), List.of(key)));
    }
  }

  private RegisteredClient adminClient(OrgNumber org, String clientId) {
    Instant now = clock.instant();
    return new RegisteredClient(
        clientId,
        org,
        null,
        IntegrationType.MASKINPORTEN,
        "krr-local admin client",
        "Self-service admin client created by krr-local (see KrrLocal.bootstrap())",
        null,
        ClientPolicy.WEB,
        ClientPolicy.PRIVATE_KEY_JWT,
        List.of(ClientPolicy.JWT_BEARER),
        SCOPES,
        List.of(),
        List.of(),
        0,
        0,
        0,
        "ONETIME",
        false,
        null,
        true,
        now,
        now);
  }

  /** Runs a write another node may be doing at the same moment; its duplicate is as good. */
  private static void ignoringRace(Runnable write) {
    try {
      write.run();
    } catch (StoreException e) {
      if (!e.isDuplicateKey()) {
        throw e;
      }
    }
  }

  private static RSAKey generateKey(String kid) {
    return RsaKeyPool.shared().takeSigningKey(KeyPolicy.KEY_BITS).keyID(kid).build();
  }

  private static String publicJwk(String privateJwk) {
    try {
      return RSAKey.parse(privateJwk).toPublicJWK().toJSONString();
    } catch (ParseException e) {
      // No cause: its message may quote the secret key.
      throw new IllegalStateException("the stored admin key is not a valid RSA JWK");
    }
  }
}
