package io.krrkit.local.internal.web;

import io.krrkit.core.OrgNumber;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The organisations offered on the log-in page: every one the emulator already knows (client
 * owners, scope owners and consumers, the emulator's own, as the wiring supplies them) and those
 * added on the page. Each has a name: the one given on the page, a well-known one (Digdir's), or
 * else a synthetic one made from the number ({@link SyntheticOrganisationNames}), so no
 * organisation is shown as a bare number.
 */
public final class Organisations {
  private final Supplier<List<OrgNumber>> known;
  private final OrganisationNames names;
  private final OrgNumber emulatorOrg;
  private final Map<OrgNumber, String> wellKnown;

  /**
   * @param known the organisations the other features know of, asked anew on every call
   * @param names the organisations added on the page, with their names
   * @param emulatorOrg the emulator's own organisation, always offered
   * @param wellKnown names of organisations every emulator knows (Digdir), unless renamed on the
   *     page
   */
  public Organisations(
      Supplier<List<OrgNumber>> known,
      OrganisationNames names,
      OrgNumber emulatorOrg,
      Map<OrgNumber, String> wellKnown) {
    this.known = Objects.requireNonNull(known, "known == null");
    this.names = Objects.requireNonNull(names, "names == null");
    this.emulatorOrg = Objects.requireNonNull(emulatorOrg, "emulatorOrg == null");
    this.wellKnown = Map.copyOf(wellKnown);
  }

  /** Every organisation known, by number. */
  public List<Organisation> all() {
    Map<OrgNumber, String> all = new TreeMap<>(java.util.Comparator.comparing(OrgNumber::value));
    known.get().forEach(org -> all.put(org, unnamed(org)));
    all.put(emulatorOrg, unnamed(emulatorOrg));
    all.putAll(names.all());
    return all.entrySet().stream().map(e -> new Organisation(e.getKey(), e.getValue())).toList();
  }

  /** The organisation {@code number}, with its name. */
  public Organisation get(OrgNumber number) {
    return new Organisation(number, names.find(number).orElseGet(() -> unnamed(number)));
  }

  /** The name of an organisation not named on the page. */
  private String unnamed(OrgNumber number) {
    String name = wellKnown.get(number);
    return name != null ? name : SyntheticOrganisationNames.of(number);
  }

  /** True when {@code number} is among {@link #all()}. */
  public boolean isKnown(OrgNumber number) {
    return all().stream().anyMatch(o -> o.number().equals(number));
  }

  /** Adds (or renames) an organisation. */
  public Organisation add(OrgNumber number, String name) {
    names.put(number, name);
    return new Organisation(number, name);
  }
}
