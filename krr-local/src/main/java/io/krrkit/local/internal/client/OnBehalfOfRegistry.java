package io.krrkit.local.internal.client;

import io.krrkit.core.OrgNumber;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The self-service rules for on-behalf-of registrations (spec.md#on-behalf-of-registrations), on
 * behalf of a calling organisation: it sees and changes only those of its own clients; an id is
 * unique per client. Every refusal is a {@link ClientRegistryException}.
 *
 * <pre>{@code
 * OnBehalfOfRegistry obo = new OnBehalfOfRegistry(registry, new JdbcOnBehalfOfRepository(jdbc), clock);
 * obo.add(org, clientId, new OnBehalfOfDraft("kunde1", "910753614", "Kunde 1", null, null));
 * }</pre>
 */
public final class OnBehalfOfRegistry {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final int NAME_MAX = 255;
  private static final int DESCRIPTION_MAX = 4000;
  private static final int URI_MAX = 1024;

  private final ClientRegistry clients;
  private final OnBehalfOfRepository registrations;
  private final Clock clock;

  /** Checks ownership through {@code clients}; keeps registrations in {@code registrations}. */
  public OnBehalfOfRegistry(
      ClientRegistry clients, OnBehalfOfRepository registrations, Clock clock) {
    this.clients = Objects.requireNonNull(clients, "clients == null");
    this.registrations = Objects.requireNonNull(registrations, "registrations == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** The registrations of the caller's client, oldest first. */
  public List<OnBehalfOf> list(OrgNumber caller, String clientId) {
    clients.get(caller, clientId);
    return registrations.findByClient(clientId);
  }

  /** The registrations of a client the caller already holds (no ownership check). */
  public List<OnBehalfOf> of(RegisteredClient client) {
    return registrations.findByClient(client.clientId());
  }

  /** Adds a registration to the caller's client. */
  public OnBehalfOf add(OrgNumber caller, String clientId, OnBehalfOfDraft draft) {
    clients.get(caller, clientId);
    FieldErrors errors = new FieldErrors();
    check(draft, errors);
    errors.throwIfAny();
    Instant now = clock.instant();
    OnBehalfOf registration =
        new OnBehalfOf(
            clientId,
            draft.onbehalfof(),
            OrgNumber.of(draft.orgno()),
            draft.name(),
            draft.description(),
            draft.clientUri(),
            now,
            now);
    if (!registrations.insert(registration)) {
      errors.add(
          "onbehalfof",
          "onbehalfof "
              + draft.onbehalfof()
              + " is registered on this client already; choose another id or delete it first");
      errors.throwIfAny();
    }
    return registration;
  }

  /** Removes the registration {@code onbehalfof} from the caller's client. */
  public void delete(OrgNumber caller, String clientId, String onbehalfof) {
    clients.get(caller, clientId);
    if (!registrations.delete(clientId, onbehalfof)) {
      String shown = ID.matcher(onbehalfof).matches() ? " " + onbehalfof : "";
      throw new ClientRegistryException(
          ClientRegistryException.Reason.NOT_FOUND,
          List.of(
              new FieldError(
                  null,
                  "The client has no onbehalfof"
                      + shown
                      + "; list them with GET /clients/{id}/onbehalfof")));
    }
  }

  /**
   * Checks an on-behalf-of registration of the operator's state import by the rules of {@link
   * #add}; stores nothing.
   *
   * @throws ClientRegistryException listing every problem
   */
  public OnBehalfOf check(
      String clientId, OnBehalfOfDraft draft, Instant created, Instant lastUpdated) {
    FieldErrors errors = new FieldErrors();
    check(draft, errors);
    errors.throwIfAny();
    return new OnBehalfOf(
        clientId,
        draft.onbehalfof(),
        OrgNumber.of(draft.orgno()),
        draft.name(),
        draft.description(),
        draft.clientUri(),
        created,
        lastUpdated);
  }

  /**
   * Makes {@code replacement} the registrations of {@code clientId}, for the operator's import; the
   * ids must differ (checked by the caller).
   */
  public void putAll(String clientId, List<OnBehalfOf> replacement) {
    for (OnBehalfOf held : registrations.findByClient(clientId)) {
      registrations.delete(clientId, held.onbehalfof());
    }
    replacement.forEach(registrations::insert);
  }

  private static void check(OnBehalfOfDraft draft, FieldErrors errors) {
    if (draft.onbehalfof() == null || !ID.matcher(draft.onbehalfof()).matches()) {
      errors.add(
          "onbehalfof",
          "onbehalfof is required: 1 to 64 letters, digits, '.', '_' or '-' (e.g. kunde_1)");
    }
    if (draft.orgno() == null || !OrgNumber.isValid(draft.orgno())) {
      errors.add("orgno", "orgno is required: the customer's 9-digit organisation number");
    }
    if (draft.name() == null || draft.name().isBlank() || draft.name().length() > NAME_MAX) {
      errors.add("name", "name is required: the customer's name, at most 255 characters");
    }
    if (draft.description() != null && draft.description().length() > DESCRIPTION_MAX) {
      errors.add("description", "description must be at most 4000 characters");
    }
    String uri = draft.clientUri();
    if (uri != null && (!uri.matches("[a-zA-Z][a-zA-Z0-9+.-]*:\\S+") || uri.length() > URI_MAX)) {
      errors.add("client_uri", "client_uri must be an absolute URI of at most 1024 characters");
    }
  }
}
