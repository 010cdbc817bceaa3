package io.krrkit.cli;

import io.krrkit.core.krr.JaNei;
import io.krrkit.core.krr.Status;
import io.krrkit.core.krr.Varslingsstatus;
import io.krrkit.krr.BulkSummary;
import java.io.PrintWriter;
import java.util.Map;
import java.util.StringJoiner;

/** The summary {@code krr lookup --in} prints at the end. */
final class BulkReport {
  private BulkReport() {}

  /**
   * Prints the counts: {@code read} is data lines (identity numbers, valid or not; a header and
   * blank lines are not counted), each either looked up (a row in the output) or invalid (a row in
   * the rejects file); {@code not found} are looked-up persons KRR does not know.
   */
  static void print(PrintWriter out, BulkSummary s, BulkFiles files, long blankLines) {
    out.printf("Read %d identity numbers from %s%n", s.rows(), files.input());
    out.printf("  %-18s %d%n", "read", s.rows());
    out.printf("  %-18s %d -> %s%n", "looked up", s.answered(), files.output());
    out.printf("  %-18s %d -> %s%n", "invalid", s.rejected(), files.rejects());
    out.printf("  %-18s %d (skipped, not counted as read)%n", "blank lines", blankLines);
    out.printf(
        "  %-18s %d (looked up, not in KRR: status %s)%n",
        "not found", s.count(Status.IKKE_REGISTRERT), Status.IKKE_REGISTRERT);
    out.printf("  %-18s %s%n", "status", counts(s.byStatus(), Status.values()));
    out.printf("  %-18s %s%n", "reservasjon", counts(s.byReservasjon(), JaNei.values()));
    out.printf(
        "  %-18s %s%n", "varslingsstatus", counts(s.byVarslingsstatus(), Varslingsstatus.values()));
    out.printf(
        "  %-18s %d (active, not reserved, contact info not updated or verified in 18 months)%n",
        "stale contact info", s.staleContactInfo());
    out.printf("  %-18s %d%n", "with digital post", s.withDigitalPost());
  }

  private static <K> String counts(Map<K, Long> byKey, K[] keys) {
    StringJoiner line = new StringJoiner(", ");
    for (K key : keys) {
      line.add(key + " " + byKey.getOrDefault(key, 0L));
    }
    return line.toString();
  }
}
