package io.krrkit.cli;

import io.krrkit.core.krr.DigitalPost;
import io.krrkit.core.krr.Kontaktinformasjon;
import io.krrkit.core.krr.KrrTimestamps;
import io.krrkit.core.krr.Person;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A person as one CSV row, columns named as KRR names the fields. */
final class PersonCsv {
  static final List<String> COLUMNS =
      List.of(
          "line",
          "personidentifikator",
          "status",
          "reservasjon",
          "reservasjonstidspunkt",
          "varslingsstatus",
          "spraak",
          "spraak_oppdatert",
          "epostadresse",
          "epostadresse_oppdatert",
          "epostadresse_sist_verifisert",
          "mobiltelefonnummer",
          "mobiltelefonnummer_oppdatert",
          "mobiltelefonnummer_sist_verifisert",
          "postkasseadresse",
          "postkasseleverandoeradresse",
          "sertifikat");

  private PersonCsv() {}

  /** The values of {@link #COLUMNS} after {@code line}: one person. */
  static List<String> values(Person p) {
    Kontaktinformasjon k = p.kontaktinformasjon();
    DigitalPost d = p.digitalPost();
    List<String> row = new ArrayList<>(COLUMNS.size() - 1);
    row.add(p.personidentifikator());
    row.add(text(p.status()));
    row.add(text(p.reservasjon()));
    row.add(time(p.reservasjonstidspunkt()));
    row.add(text(p.varslingsstatus()));
    row.add(p.spraak());
    row.add(time(p.spraakOppdatert()));
    row.add(k == null ? null : k.epostadresse());
    row.add(k == null ? null : time(k.epostadresseOppdatert()));
    row.add(k == null ? null : time(k.epostadresseSistVerifisert()));
    row.add(k == null ? null : k.mobiltelefonnummer());
    row.add(k == null ? null : time(k.mobiltelefonnummerOppdatert()));
    row.add(k == null ? null : time(k.mobiltelefonnummerSistVerifisert()));
    row.add(d == null ? null : d.postkasseadresse());
    row.add(d == null ? null : d.postkasseleverandoeradresse());
    row.add(p.sertifikat());
    return row;
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  private static String time(OffsetDateTime t) {
    return t == null ? "" : KrrTimestamps.format(t);
  }
}
