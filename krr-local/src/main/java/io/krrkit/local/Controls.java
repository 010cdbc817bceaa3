package io.krrkit.local;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.Person;
import io.krrkit.local.internal.Wiring;
import io.krrkit.local.internal.altinn.AltinnException;
import io.krrkit.local.internal.certificate.EnterpriseCertificateRequest;
import io.krrkit.local.internal.client.ClientKey;
import io.krrkit.local.internal.client.RegisteredClient;
import io.krrkit.local.internal.maskinporten.InvalidTokenException;
import io.krrkit.local.internal.state.ImportMode;
import io.krrkit.local.internal.state.StateFiles;
import io.krrkit.maskinporten.validation.MaskinportenClaims;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * In-process control of a running emulator, for tests and embedding ({@link KrrLocal#controls()}):
 * its clock, clients and their keys, the register, access tokens and test certificates. Everything
 * here acts on the same store the HTTP services use, so what a test puts in is what a client over
 * HTTP meets. krr-junit and the Testcontainers module offer the same through their own helpers.
 * Thread-safe.
 */
public final class Controls {
  /** Lifetime of keys put with {@link #replaceKeys}. */
  public static final Duration KEY_LIFETIME = Duration.ofDays(3650);

  private final Wiring wiring;
  private final OffsetClock clock;

  Controls(Wiring wiring, OffsetClock clock) {
    this.wiring = wiring;
    this.clock = clock;
  }

  /** The emulator's clock: freeze, advance or offset it. */
  public OffsetClock clock() {
    return clock;
  }

  /**
   * Registers {@code spec} (or replaces the client with its id).
   *
   * @throws IllegalArgumentException when the integration type is unknown
   */
  public void putClient(ClientSpec spec) {
    Objects.requireNonNull(spec, "spec == null");
    IntegrationType type =
        IntegrationType.fromWireName(spec.integrationType())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown integration type " + spec.integrationType()));
    Instant now = clock.instant();
    wiring.clients.save(
        new RegisteredClient(
            spec.clientId(),
            spec.owner(),
            null,
            type,
            spec.name(),
            null,
            null,
            spec.applicationType(),
            spec.tokenEndpointAuthMethod(),
            spec.grantTypes(),
            spec.scopes(),
            spec.redirectUris(),
            List.of(),
            type == IntegrationType.KRR || type == IntegrationType.MASKINPORTEN ? 120 : 0,
            0,
            0,
            type == IntegrationType.KRR || type == IntegrationType.MASKINPORTEN ? null : "ONETIME",
            false,
            null,
            true,
            now,
            now));
  }

  /**
   * Empties the emulator between tests, as a new one is: every client but the bootstrap client is
   * deleted with its keys, scopes are the built-in ones again, access grants and delegations are
   * gone, the register holds only its synthetic persons, and the clock's offset is zero. The
   * emulator's signing keys, its test CA and the {@link KrrLocal#bootstrap()} client stay, so
   * issued tokens of the bootstrap client and the issuer's keys remain valid. The request {@link
   * #journal()} is emptied. One transaction: a failed reset changes nothing. Operator API: {@code
   * POST /admin/reset}.
   */
  public void reset() {
    wiring.state.reset();
  }

  /**
   * Grants {@code org} access to a registered {@code scope} that is not accessible for all
   * (MP-250), as Digdir does for KRR's Altinn delegation scopes. Operator API: {@code PUT
   * /admin/access}.
   */
  public void grantAccess(Scope scope, OrgNumber org) {
    wiring.scopeRegistry.grant(scope.value(), org.value());
  }

  /**
   * Records, in place of Altinn, that {@code consumer} delegated {@code scope} to {@code supplier}
   * (MP-251), so the supplier's grants with {@code consumer_org} get tokens for the consumer.
   * Operator API: {@code POST /admin/delegations}.
   */
  public void delegate(OrgNumber consumer, OrgNumber supplier, Scope scope) {
    wiring.delegationRegistry.add(consumer.value(), supplier.value(), scope.value());
  }

  /** The request journal: the last requests to the emulated services, to verify calls. */
  public Journal journal() {
    return new Journal(wiring.journal);
  }

  /** Fault and latency injection: rules that make the emulated services fail on purpose. */
  public Faults faults() {
    return new Faults(wiring.faults);
  }

  /**
   * Writes the whole state into {@code dir} as state files, one JSON file per kind
   * (docs/testing.md#state-seed-export-import), without the emulator's signing keys. Operator API:
   * {@code GET /admin/state}.
   */
  public void exportState(Path dir) {
    exportState(dir, false);
  }

  /**
   * As {@link #exportState(Path)}; with {@code includeSigningKeys} also {@code signing-keys.json},
   * the emulator's private signing keys (keep that file secret).
   */
  public void exportState(Path dir, boolean includeSigningKeys) {
    Objects.requireNonNull(dir, "dir == null");
    wiring.stateArchive.export(includeSigningKeys).write(dir);
  }

  /**
   * Replaces the state with the state files in {@code dir}, in one transaction: a {@link #reset}
   * first, then what the files hold. Operator API: {@code POST /admin/state}.
   *
   * @throws IllegalArgumentException naming each problem's file and line; then nothing changed
   */
  public void importState(Path dir) {
    Objects.requireNonNull(dir, "dir == null");
    wiring.stateArchive.load(StateFiles.read(dir), ImportMode.REPLACE);
  }

  /**
   * Merges the state files in {@code dir} into the state, in one transaction: each item is put in
   * or replaces the one with its key, everything else stays; an item stored as the file has it is
   * left alone, so merging twice changes nothing the second time (what {@link
   * KrrLocal.Builder#init} does at start).
   *
   * @throws IllegalArgumentException naming each problem's file and line; then nothing changed
   */
  public void mergeState(Path dir) {
    Objects.requireNonNull(dir, "dir == null");
    wiring.stateArchive.load(StateFiles.read(dir), ImportMode.MERGE);
  }

  /**
   * Records, in place of Altinn, that {@code customer} created a system user for the system {@code
   * systemId} ({@code <orgno>_<name>}) linked to the Maskinporten client {@code clientId}, so the
   * client's grants with {@code authorization_details} {@code urn:altinn:systemuser} for the
   * customer get a system user token. Operator API: {@code POST /admin/altinn/system-users}.
   *
   * @return the system user's id
   * @throws IllegalArgumentException when a value is malformed or the system user exists
   */
  public String addSystemUser(String systemId, OrgNumber customer, String clientId) {
    try {
      return wiring.altinn.addSystemUser(systemId, customer.value(), clientId, null, null).id();
    } catch (AltinnException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Records, in place of Altinn, that {@code from} ({@code urn:altinn:person:identifier-no:<pid>}
   * or {@code urn:altinn:organization:identifier-no:<orgno>}) consented to {@code to}, from now
   * until {@code validTo}, with one right to the resource {@code krr-local-samtykke}. Operator API:
   * {@code POST /admin/altinn/consents}.
   *
   * @return the consent's id, for the grant's {@code authorization_details}
   * @throws IllegalArgumentException when a value is malformed
   */
  public String addConsent(String from, OrgNumber to, Instant validTo) {
    try {
      return wiring.altinn.addConsent(from, to.value(), null, validTo.toString(), null, null).id();
    } catch (AltinnException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** True when a client with {@code clientId} is registered. */
  public boolean hasClient(String clientId) {
    return wiring.clients.findById(clientId).isPresent();
  }

  /**
   * Makes the public halves of {@code keys} the client's registered keys, each valid for {@link
   * #KEY_LIFETIME} (an empty list removes them all). Each key must carry its {@code kid}.
   */
  public void replaceKeys(String clientId, List<RSAKey> keys) {
    replaceKeys(clientId, keys, KEY_LIFETIME);
  }

  /**
   * As {@link #replaceKeys(String, List)}, each key valid for {@code lifetime} from now on the
   * emulator's clock (negative: already expired, for MP-121 tests).
   */
  public void replaceKeys(String clientId, List<RSAKey> keys, Duration lifetime) {
    Objects.requireNonNull(lifetime, "lifetime == null");
    Instant now = clock.instant();
    wiring.clientKeys.replaceAll(
        clientId,
        keys.stream()
            .map(
                k ->
                    new ClientKey(
                        clientId,
                        Objects.requireNonNull(k.getKeyID(), "key without kid"),
                        k.toPublicJWK().toJSONString(),
                        now,
                        now.plus(lifetime)))
            .toList());
  }

  /** The key ids registered on the client, oldest first. */
  public List<String> keyIds(String clientId) {
    return wiring.clientKeys.findByClient(clientId).stream().map(ClientKey::kid).toList();
  }

  /** What KRR answers about {@code id} with both scopes, when the register holds the person. */
  public Optional<Person> person(Personidentifikator id) {
    return wiring.register.find(id).map(wiring.register::describe);
  }

  /**
   * How many persons the store holds over the register's computed synthetic population (any
   * status): those put by tests, the operator API, the web page or state files. The population
   * itself (millions of persons, computed when asked for) is not counted.
   */
  public long personCount() {
    return wiring.register.count();
  }

  /**
   * Verifies a Maskinporten access token of this emulator, as its resource servers do.
   *
   * @param authorizationHeader {@code Bearer <jwt>}
   * @throws IllegalArgumentException when the token is not valid here, saying why
   */
  public AccessToken verifyAccessToken(String authorizationHeader) {
    try {
      MaskinportenClaims t = wiring.tokenVerifier.verify(authorizationHeader);
      return new AccessToken(t.clientId(), t.consumer(), t.scopes(), t.expiresAt(), t.audience());
    } catch (InvalidTokenException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Issues a test enterprise certificate (virksomhetssertifikat) for {@code org} from the
   * emulator's test CA, as a PKCS#12 file protected by {@code password}.
   *
   * @param name the organisation's name in the certificate, or null
   */
  public byte[] issueCertificate(OrgNumber org, String name, char[] password) {
    return wiring
        .certificates
        .issue(new EnterpriseCertificateRequest(org, name))
        .toPkcs12(password);
  }

  /** The emulator's test CA certificate (trust it to accept the certificates it issues). */
  public X509Certificate caCertificate() {
    return wiring.certificates.caCertificate();
  }

  /**
   * What a valid Maskinporten access token of this emulator says.
   *
   * @param clientId the client it was issued to
   * @param consumer the organisation it acts for
   * @param scopes its scopes
   * @param expiresAt when it expires
   * @param audience its {@code aud} (from {@code resource}), empty when none was asked
   */
  public record AccessToken(
      String clientId,
      OrgNumber consumer,
      Set<Scope> scopes,
      Instant expiresAt,
      List<String> audience) {}
}
