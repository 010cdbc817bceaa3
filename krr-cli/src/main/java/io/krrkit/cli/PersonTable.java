package io.krrkit.cli;

import io.krrkit.core.krr.Kontaktinformasjon;
import io.krrkit.core.krr.Person;
import java.io.PrintWriter;
import java.util.List;

/** Prints persons as an aligned table, one line each. */
final class PersonTable {
  private static final String FORMAT = "%-11s  %-15s  %-4s  %-16s  %-30s  %-12s  %-6s  %s%n";

  private PersonTable() {}

  static void print(PrintWriter out, List<Person> persons) {
    out.printf(
        FORMAT, "ID", "STATUS", "RES.", "VARSLING", "EPOST", "MOBIL", "SPRÅK", "DIGITAL POST");
    for (Person p : persons) {
      Kontaktinformasjon k = p.kontaktinformasjon();
      out.printf(
          FORMAT,
          p.personidentifikator(),
          p.status(),
          dash(p.reservasjon()),
          dash(p.varslingsstatus()),
          dash(k == null ? null : k.epostadresse()),
          dash(k == null ? null : k.mobiltelefonnummer()),
          dash(p.spraak()),
          p.digitalPost() == null
              ? "-"
              : p.digitalPost().postkasseadresse()
                  + " @ "
                  + p.digitalPost().postkasseleverandoeradresse());
    }
  }

  private static String dash(Object value) {
    return value == null ? "-" : value.toString();
  }
}
