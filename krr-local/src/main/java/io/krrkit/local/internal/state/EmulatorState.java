package io.krrkit.local.internal.state;

import io.krrkit.local.OffsetClock;
import io.krrkit.local.internal.access.DelegationRegistry;
import io.krrkit.local.internal.access.ScopeRegistry;
import io.krrkit.local.internal.altinn.AltinnRegister;
import io.krrkit.local.internal.client.ClientRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The emulator's state as a whole, for the operator and tests: clients with their keys, scopes and
 * access, delegations and the register's persons. {@link #reset} empties it between tests. Every
 * change goes through the features' own registries, so their rules hold, and runs as one {@link
 * Transaction}.
 */
public final class EmulatorState {
  private final Transaction transaction;
  private final ClientRegistry clients;
  private final String ownClientId;
  private final ScopeRegistry scopes;
  private final DelegationRegistry delegations;
  private final AltinnRegister altinn;
  private final Runnable resetPersons;
  private final OffsetClock clock;
  private final List<Runnable> inMemoryParts = new CopyOnWriteArrayList<>();

  /**
   * The state in these registries.
   *
   * @param ownClientId the emulator's own self-service client, which a reset keeps
   * @param resetPersons brings the register back to its synthetic population
   */
  public EmulatorState(
      Transaction transaction,
      ClientRegistry clients,
      String ownClientId,
      ScopeRegistry scopes,
      DelegationRegistry delegations,
      AltinnRegister altinn,
      Runnable resetPersons,
      OffsetClock clock) {
    this.transaction = Objects.requireNonNull(transaction, "transaction == null");
    this.clients = Objects.requireNonNull(clients, "clients == null");
    this.ownClientId = Objects.requireNonNull(ownClientId, "ownClientId == null");
    this.scopes = Objects.requireNonNull(scopes, "scopes == null");
    this.delegations = Objects.requireNonNull(delegations, "delegations == null");
    this.altinn = Objects.requireNonNull(altinn, "altinn == null");
    this.resetPersons = Objects.requireNonNull(resetPersons, "resetPersons == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /**
   * Back to the state of a new emulator, in one transaction: every client but the emulator's own
   * self-service client is deleted with its keys, scopes are Digdir's built-in ones again, access
   * entries, delegations, Altinn's system users and consents are gone, the register holds its
   * synthetic population only, and the clock's offset is zero. The emulator's signing keys and test
   * CA stay.
   */
  public void reset() {
    transaction.atomically(
        () -> {
          clients.deleteAllExcept(ownClientId);
          delegations.clear();
          altinn.clear();
          scopes.reset();
          resetPersons.run();
          return null;
        });
    clock.setOffset(Duration.ZERO);
    inMemoryParts.forEach(Runnable::run);
  }

  /**
   * Adds a part of the state that lives outside the store (the request journal): {@link #reset}
   * runs {@code reset} after its transaction.
   */
  public void alsoReset(Runnable reset) {
    inMemoryParts.add(Objects.requireNonNull(reset, "reset == null"));
  }
}
