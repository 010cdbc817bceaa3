package io.krrkit.local.internal.krr;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.Person;
import io.krrkit.core.krr.Status;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The user-driven API's view of the register (spec.md#user-driven-lookup, {@code
 * Brukerspesifikt-oppslag_rest.md}): a logged-in person reads their own record, with the fields the
 * {@code krr:user/*} scopes open, and sets their preferred language.
 */
public final class OwnRecord {
  /** E-mail, mobile, varslingsstatus and language of the logged-in person. */
  public static final Scope USER_KONTAKTINFORMASJON_READ =
      Scope.of("krr:user/kontaktinformasjon.read");

  /** Digital post mailbox and certificate of the logged-in person. */
  public static final Scope USER_DIGITALPOST_READ = Scope.of("krr:user/digitalpost.read");

  /** Changing the logged-in person's preferred language. */
  public static final Scope USER_SPRAAK_WRITE = Scope.of("krr:user/spraak.write");

  private static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

  private final Register register;
  private final Clock clock;

  /** A view of {@code register}, stamping changes with {@code clock}. */
  public OwnRecord(Register register, Clock clock) {
    this.register = Objects.requireNonNull(register, "register == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** True when {@code userScopes} opens the read API (either {@code krr:user/*.read} scope). */
  public static boolean permitsRead(Set<Scope> userScopes) {
    return userScopes.contains(USER_KONTAKTINFORMASJON_READ)
        || userScopes.contains(USER_DIGITALPOST_READ);
  }

  /**
   * The record of {@code pid} as the lookup API shows it for the global scopes matching {@code
   * userScopes}; {@code IKKE_REGISTRERT} when the register does not know the person.
   */
  public Person read(Personidentifikator pid, Set<Scope> userScopes) {
    Set<Scope> global = new LinkedHashSet<>();
    if (userScopes.contains(USER_KONTAKTINFORMASJON_READ)) {
      global.add(Scope.KRR_KONTAKTINFORMASJON_READ);
    }
    if (userScopes.contains(USER_DIGITALPOST_READ)) {
      global.add(Scope.KRR_DIGITALPOST_READ);
    }
    return readWithGlobalScopes(pid, global);
  }

  /** The record of {@code pid} for a Maskinporten token's {@code krr:global/*} scopes. */
  public Person readWithGlobalScopes(Personidentifikator pid, Set<Scope> globalScopes) {
    return register.lookup(new Lookup(List.of(pid), globalScopes, ApiVersion.V1, true)).get(0);
  }

  /**
   * Sets the preferred language of {@code pid}, stamped now (Norwegian time).
   *
   * @return false when the register holds no active record of the person
   * @throws IllegalArgumentException when {@code spraak} is not one of {@link RegisterEntry#SPRAAK}
   */
  public boolean setSpraak(Personidentifikator pid, String spraak) {
    if (spraak == null || !RegisterEntry.SPRAAK.contains(spraak)) {
      throw new IllegalArgumentException(
          "spraak must be one of "
              + String.join(", ", RegisterEntry.SPRAAK.stream().sorted().toList()));
    }
    Optional<RegisterEntry> found = register.find(pid).filter(e -> e.status() == Status.AKTIV);
    if (found.isEmpty()) {
      return false;
    }
    RegisterEntry e = found.get();
    OffsetDateTime now =
        OffsetDateTime.ofInstant(clock.instant(), NORWAY).truncatedTo(ChronoUnit.SECONDS);
    register.put(e.withSpraak(spraak, now));
    return true;
  }
}
