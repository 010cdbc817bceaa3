package io.krrkit.local.internal;

import io.krrkit.core.OrgNumber;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

/**
 * The validated, immutable configuration of one emulator, made by {@code KrrLocal.Builder.build()}.
 * Exactly one store: {@code jdbcUrl} (external), {@code ephemeral} (in-memory H2) or {@code
 * dataDir} (H2 file).
 */
public record Settings(
    int port,
    String host,
    String publicUrl,
    Path dataDir,
    boolean ephemeral,
    String jdbcUrl,
    String jdbcUser,
    String jdbcPassword,
    OrgNumber orgNumber,
    int seedPersons,
    long seed,
    int signingKeySize,
    long maxRequestBytes,
    boolean adminApi,
    List<X509Certificate> trustAnchors,
    String delegationSource,
    Clock clock,
    String operatorToken,
    List<String> allowedHosts,
    int journalSize) {

  /** Copies the lists. */
  public Settings {
    trustAnchors = List.copyOf(trustAnchors);
    allowedHosts = List.copyOf(allowedHosts);
  }

  /** Without the secrets (the operator token, the database password). */
  @Override
  public String toString() {
    return "Settings[port="
        + port
        + ", host="
        + host
        + ", publicUrl="
        + publicUrl
        + ", store="
        + describeStore()
        + ", adminApi="
        + adminApi
        + ", operatorToken="
        + (operatorToken == null ? "none" : "****")
        + ", allowedHosts="
        + allowedHosts
        + "]";
  }

  /** How the store is described at start (a PostgreSQL password masked). */
  public String describeStore() {
    if (jdbcUrl != null) {
      return jdbcUrl.replaceAll("password=[^&;]*", "password=****");
    }
    return ephemeral ? "in-memory H2" : "H2 in " + dataDir;
  }
}
