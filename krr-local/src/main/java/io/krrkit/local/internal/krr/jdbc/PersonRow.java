package io.krrkit.local.internal.krr.jdbc;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.krr.DigitalPost;
import io.krrkit.core.krr.JaNei;
import io.krrkit.core.krr.Kontaktinformasjon;
import io.krrkit.core.krr.Status;
import io.krrkit.local.internal.krr.RegisterEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * How a {@link RegisterEntry} maps to a row of {@code person}: the column list, typed parameter
 * binding, and reading a row back. Instants are epoch milliseconds and come back in Norwegian time,
 * as KRR writes them.
 */
final class PersonRow {
  private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

  /** Every written column, personidentifikator last so UPDATE ... WHERE shares the values. */
  private static final String[] NAMES = {
    "status",
    "reservasjon",
    "reservasjonstidspunkt",
    "reservasjon_oppdatert",
    "epostadresse",
    "epostadresse_oppdatert",
    "epostadresse_sist_verifisert",
    "epostadresse_duplisert",
    "mobiltelefonnummer",
    "mobiltelefonnummer_oppdatert",
    "mobiltelefonnummer_sist_verifisert",
    "mobiltelefonnummer_duplisert",
    "postkasseadresse",
    "postkasseleverandoeradresse",
    "certificate_fingerprint",
    "spraak",
    "spraak_oppdatert",
    "personidentifikator"
  };

  /** SQL types of {@link #NAMES}, needed to bind nulls portably. */
  static final int[] TYPES = {
    Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT,
    Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.VARCHAR,
    Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.VARCHAR,
    Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
    Types.BIGINT, Types.VARCHAR
  };

  static final String COLUMNS = String.join(", ", NAMES);

  static final String COLUMNS_QUALIFIED =
      Arrays.stream(NAMES).map(n -> "p." + n).collect(Collectors.joining(", "));

  /** {@code status = ?, ...} for every column but the key. */
  static final String UPDATE_ASSIGNMENTS =
      Arrays.stream(NAMES, 0, NAMES.length - 1)
          .map(n -> n + " = ?")
          .collect(Collectors.joining(", "));

  private PersonRow() {}

  /** The values of {@link #NAMES} for {@code e}, with its certificate stored under fingerprint. */
  static Object[] values(RegisterEntry e, String certificateFingerprint) {
    Kontaktinformasjon k =
        e.kontaktinformasjon() != null
            ? e.kontaktinformasjon()
            : new Kontaktinformasjon(null, null, null, null, null, null, null, null);
    DigitalPost post = e.digitalPost() != null ? e.digitalPost() : new DigitalPost(null, null);
    return new Object[] {
      e.status().name(),
      e.reservasjon().name(),
      millis(e.reservasjonstidspunkt()),
      millis(e.reservasjonOppdatert()),
      k.epostadresse(),
      millis(k.epostadresseOppdatert()),
      millis(k.epostadresseSistVerifisert()),
      name(k.epostadresseDuplisert()),
      k.mobiltelefonnummer(),
      millis(k.mobiltelefonnummerOppdatert()),
      millis(k.mobiltelefonnummerSistVerifisert()),
      name(k.mobiltelefonnummerDuplisert()),
      post.postkasseadresse(),
      post.postkasseleverandoeradresse(),
      certificateFingerprint,
      e.spraak(),
      millis(e.spraakOppdatert()),
      e.personidentifikator().value()
    };
  }

  /** Binds {@code values} in column order, nulls with their column's type. */
  static void bind(PreparedStatement ps, Object[] values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        ps.setNull(i + 1, TYPES[i]);
      } else {
        ps.setObject(i + 1, values[i], TYPES[i]);
      }
    }
  }

  /** Reads a row selected with {@code p.}{@link #COLUMNS} and the certificate's der_base64. */
  static RegisterEntry map(ResultSet rs) throws SQLException {
    Kontaktinformasjon k =
        new Kontaktinformasjon(
            rs.getString("epostadresse"),
            time(rs, "epostadresse_oppdatert"),
            time(rs, "epostadresse_sist_verifisert"),
            jaNei(rs.getString("epostadresse_duplisert")),
            rs.getString("mobiltelefonnummer"),
            time(rs, "mobiltelefonnummer_oppdatert"),
            time(rs, "mobiltelefonnummer_sist_verifisert"),
            jaNei(rs.getString("mobiltelefonnummer_duplisert")));
    return new RegisterEntry(
        Personidentifikator.of(rs.getString("personidentifikator")),
        Status.valueOf(rs.getString("status")),
        JaNei.valueOf(rs.getString("reservasjon")),
        time(rs, "reservasjonstidspunkt"),
        time(rs, "reservasjon_oppdatert"),
        k,
        new DigitalPost(
            rs.getString("postkasseadresse"), rs.getString("postkasseleverandoeradresse")),
        rs.getString("der_base64"),
        rs.getString("spraak"),
        time(rs, "spraak_oppdatert"));
  }

  /** The SHA-256 (hex) of a base64 certificate, its key in {@code person_certificate}. */
  static String fingerprint(String der64) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(der64.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static Long millis(OffsetDateTime t) {
    return t == null ? null : t.toInstant().toEpochMilli();
  }

  private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis).atZone(OSLO).toOffsetDateTime();
  }

  private static String name(JaNei value) {
    return value == null ? null : value.name();
  }

  private static JaNei jaNei(String value) {
    return value == null ? null : JaNei.valueOf(value);
  }
}
