package io.krrkit.krr;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.krrkit.core.krr.JaNei;
import io.krrkit.core.krr.Person;
import io.krrkit.core.krr.Status;
import io.krrkit.core.krr.Varslingsstatus;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The counts of a bulk lookup's rows. {@code varslingsstatus} is only counted where KRR answered it
 * (scope {@code krr:global/kontaktinformasjon.read}); digital post only with {@code
 * krr:global/digitalpost.read}.
 *
 * @param answered rows KRR answered
 * @param rejected input lines refused before sending
 * @param byStatus answered rows by {@link Status}
 * @param byReservasjon answered rows by reservation
 * @param byVarslingsstatus answered rows by {@link Varslingsstatus}
 * @param staleContactInfo active, not reserved persons who still cannot be notified: no contact
 *     information updated or verified in the last 18 months (eForvaltningsforskriften §32)
 * @param withDigitalPost answered rows with a digital post mailbox
 */
public record BulkSummary(
    @JsonProperty("answered") long answered,
    @JsonProperty("rejected") long rejected,
    @JsonProperty("by_status") Map<Status, Long> byStatus,
    @JsonProperty("by_reservasjon") Map<JaNei, Long> byReservasjon,
    @JsonProperty("by_varslingsstatus") Map<Varslingsstatus, Long> byVarslingsstatus,
    @JsonProperty("stale_contact_info") long staleContactInfo,
    @JsonProperty("with_digital_post") long withDigitalPost) {

  /** Copies the maps. */
  public BulkSummary {
    byStatus = Map.copyOf(Objects.requireNonNull(byStatus, "byStatus == null"));
    byReservasjon = Map.copyOf(Objects.requireNonNull(byReservasjon, "byReservasjon == null"));
    byVarslingsstatus =
        Map.copyOf(Objects.requireNonNull(byVarslingsstatus, "byVarslingsstatus == null"));
  }

  /** No rows. */
  public static BulkSummary empty() {
    return new BulkSummary(0, 0, Map.of(), Map.of(), Map.of(), 0, 0);
  }

  /** Rows of both summaries: this run added to an earlier, interrupted one. */
  public BulkSummary plus(BulkSummary other) {
    return new BulkSummary(
        answered + other.answered,
        rejected + other.rejected,
        sum(byStatus, other.byStatus),
        sum(byReservasjon, other.byReservasjon),
        sum(byVarslingsstatus, other.byVarslingsstatus),
        staleContactInfo + other.staleContactInfo,
        withDigitalPost + other.withDigitalPost);
  }

  /** Every row, answered or rejected. */
  public long rows() {
    return answered + rejected;
  }

  /** The count for {@code status}, 0 when none. */
  public long count(Status status) {
    return byStatus.getOrDefault(status, 0L);
  }

  private static <K> Map<K, Long> sum(Map<K, Long> a, Map<K, Long> b) {
    Map<K, Long> all = new java.util.HashMap<>(a);
    b.forEach((k, v) -> all.merge(k, v, Long::sum));
    return all;
  }

  /** Counts rows as they pass; one per run, used on the run's thread only. */
  static final class Tally {
    private long answered;
    private long rejected;
    private final Map<Status, Long> byStatus = new EnumMap<>(Status.class);
    private final Map<JaNei, Long> byReservasjon = new EnumMap<>(JaNei.class);
    private final Map<Varslingsstatus, Long> byVarslingsstatus =
        new EnumMap<>(Varslingsstatus.class);
    private long stale;
    private long digitalPost;

    void add(BulkRow row) {
      if (row instanceof BulkRow.Answered a) {
        add(a.person());
      } else {
        rejected++;
      }
    }

    private void add(Person p) {
      answered++;
      byStatus.merge(p.status(), 1L, Long::sum);
      if (p.reservasjon() != null) {
        byReservasjon.merge(p.reservasjon(), 1L, Long::sum);
      }
      if (p.varslingsstatus() != null) {
        byVarslingsstatus.merge(p.varslingsstatus(), 1L, Long::sum);
      }
      if (p.status() == Status.AKTIV
          && p.reservasjon() != JaNei.JA
          && p.varslingsstatus() == Varslingsstatus.KAN_IKKE_VARSLES) {
        stale++;
      }
      if (p.digitalPost() != null) {
        digitalPost++;
      }
    }

    long rows() {
      return answered + rejected;
    }

    BulkSummary summary() {
      return new BulkSummary(
          answered, rejected, byStatus, byReservasjon, byVarslingsstatus, stale, digitalPost);
    }
  }
}
