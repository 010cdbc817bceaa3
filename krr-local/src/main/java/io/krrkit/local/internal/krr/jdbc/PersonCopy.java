package io.krrkit.local.internal.krr.jdbc;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Bulk insert of person rows with PostgreSQL's {@code COPY ... FROM STDIN} (text format), several
 * times faster than batched INSERTs when seeding millions of persons. Change ids are drawn from
 * {@code person_change_seq} first, one per row, as the INSERT would.
 */
final class PersonCopy {
  private static final String COPY =
      "COPY person (" + PersonRow.COLUMNS + ", change_id) FROM STDIN (FORMAT text)";
  private static final String CHANGE_IDS =
      "SELECT nextval('person_change_seq') FROM generate_series(1, ?)";

  private PersonCopy() {}

  /** True when {@code c} is a PostgreSQL connection (possibly behind the pool's proxy). */
  static boolean supports(Connection c) throws SQLException {
    return c.isWrapperFor(PGConnection.class);
  }

  /** Copies {@code rows} (values of {@link PersonRow#values}) into {@code person} on {@code c}. */
  static void copy(Connection c, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    long[] changeIds = changeIds(c, rows.size());
    StringBuilder text = new StringBuilder(rows.size() * 160);
    for (int i = 0; i < rows.size(); i++) {
      for (Object value : rows.get(i)) {
        appendField(text, value);
        text.append('\t');
      }
      text.append(changeIds[i]).append('\n');
    }
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    try {
      copy.copyIn(COPY, new StringReader(text.toString()));
    } catch (IOException e) {
      throw new SQLException("COPY into person failed", e);
    }
  }

  private static long[] changeIds(Connection c, int count) throws SQLException {
    long[] ids = new long[count];
    try (PreparedStatement ps = c.prepareStatement(CHANGE_IDS)) {
      ps.setInt(1, count);
      try (ResultSet rs = ps.executeQuery()) {
        for (int i = 0; i < count && rs.next(); i++) {
          ids[i] = rs.getLong(1);
        }
      }
    }
    return ids;
  }

  /** Appends one value in COPY's text format: {@code \N} for null, special characters escaped. */
  private static void appendField(StringBuilder text, Object value) {
    if (value == null) {
      text.append("\\N");
      return;
    }
    String s = value.toString();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> text.append("\\\\");
        case '\t' -> text.append("\\t");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        default -> text.append(ch);
      }
    }
  }
}
