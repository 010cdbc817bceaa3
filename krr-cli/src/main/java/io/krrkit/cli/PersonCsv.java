package io.krrkit.cli;

import io.krrkit.core.krr.DigitalPost;
import io.krrkit.core.krr.Kontaktinformasjon;
import io.krrkit.core.krr.KrrTimestamps;
import io.krrkit.core.krr.Person;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.StringJoiner;

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

  static String row(long line, Person p) {
    Kontaktinformasjon k = p.kontaktinformasjon();
    DigitalPost d = p.digitalPost();
    StringJoiner row = new StringJoiner(",");
    row.add(Long.toString(line))
        .add(CsvLine.field(p.personidentifikator()))
        .add(text(p.status()))
        .add(text(p.reservasjon()))
        .add(time(p.reservasjonstidspunkt()))
        .add(text(p.varslingsstatus()))
        .add(CsvLine.field(p.spraak()))
        .add(time(p.spraakOppdatert()));
    row.add(k == null ? "" : CsvLine.field(k.epostadresse()))
        .add(k == null ? "" : time(k.epostadresseOppdatert()))
        .add(k == null ? "" : time(k.epostadresseSistVerifisert()))
        .add(k == null ? "" : CsvLine.field(k.mobiltelefonnummer()))
        .add(k == null ? "" : time(k.mobiltelefonnummerOppdatert()))
        .add(k == null ? "" : time(k.mobiltelefonnummerSistVerifisert()));
    row.add(d == null ? "" : CsvLine.field(d.postkasseadresse()))
        .add(d == null ? "" : CsvLine.field(d.postkasseleverandoeradresse()))
        .add(CsvLine.field(p.sertifikat()));
    return row.toString();
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  private static String time(OffsetDateTime t) {
    return t == null ? "" : KrrTimestamps.format(t);
  }
}
