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

  static void print(PrintWriter out, BulkSummary s, BulkFiles files, long blankLines) {
    out.printf("Looked up %d lines of %s%n", s.rows(), files.input());
    out.printf("  %-18s %d -> %s%n", "rows written", s.answered(), files.output());
    out.printf("  %-18s %d -> %s%n", "rejected", s.rejected(), files.rejects());
    if (blankLines > 0) {
      out.printf("  %-18s %d (skipped)%n", "blank lines", blankLines);
    }
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
