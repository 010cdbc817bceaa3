package io.krrkit.local.internal.web;

import io.krrkit.core.OrgNumber;
import java.util.List;

/**
 * A name for an organisation nobody named, made from its number as Tenor names its synthetic test
 * organisations ("Tillitsfull Dynamisk Tiger AS"): the same number always gets the same name, on
 * every node and after every restart, and no name looks like a real company's.
 */
final class SyntheticOrganisationNames {
  private static final List<String> ADJECTIVES =
      List.of(
          "Tillitsfull",
          "Dynamisk",
          "Rolig",
          "Modig",
          "Lysende",
          "Travel",
          "Nysgjerrig",
          "Stødig",
          "Kvikk",
          "Grønn",
          "Blå",
          "Varm",
          "Klok",
          "Sterk",
          "Smidig",
          "Stille",
          "Lun",
          "Frisk",
          "Rask",
          "Trofast");
  private static final List<String> ANIMALS =
      List.of(
          "Tiger", "Elg", "Rev", "Ugle", "Gaupe", "Oter", "Hjort", "Bever", "Ørn", "Laks", "Jerv",
          "Måke", "Ekorn", "Hare", "Sel", "Ravn", "Falk", "Hval", "Bjørn", "Mår");

  private SyntheticOrganisationNames() {}

  static String of(OrgNumber number) {
    long n = Long.parseLong(number.value()) * 2_654_435_761L; // spreads neighbouring numbers
    n = n ^ (n >>> 17);
    int a = (int) Math.floorMod(n, (long) ADJECTIVES.size());
    int b = (int) Math.floorMod(n / ADJECTIVES.size(), (long) ADJECTIVES.size());
    if (b == a) {
      b = (b + 1) % ADJECTIVES.size();
    }
    int c = (int) Math.floorMod(n / ((long) ADJECTIVES.size() * ADJECTIVES.size()), ANIMALS.size());
    return ADJECTIVES.get(a)
        + " "
        + ADJECTIVES.get(b).toLowerCase(java.util.Locale.ROOT)
        + " "
        + ANIMALS.get(c).toLowerCase(java.util.Locale.ROOT)
        + " AS";
  }
}
