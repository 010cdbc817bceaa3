package io.krrkit.local.internal.krr.synthetic;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic-looking synthetic contact values: e-mail addresses on the reserved example domains (RFC
 * 2606, never deliverable), Norwegian mobile numbers ({@code +47} and eight digits starting with 4
 * or 9), and digital post mailbox addresses ({@code kari.nordmann#9YDT}).
 */
final class ContactDraw {
  private static final List<String> FIRST_NAMES =
      List.of(
          "kari", "ola", "ingrid", "lars", "anne", "per", "marit", "jon", "nora", "emil", "sofie",
          "jakob", "emma", "henrik", "ida", "magnus", "sara", "ole", "hanne", "knut", "astrid",
          "sindre", "liv", "trond", "mari", "eirik", "silje", "aksel", "tone", "even");
  private static final List<String> LAST_NAMES =
      List.of(
          "nordmann",
          "hansen",
          "johansen",
          "olsen",
          "larsen",
          "andersen",
          "pedersen",
          "nilsen",
          "kristiansen",
          "jensen",
          "karlsen",
          "johnsen",
          "pettersen",
          "eriksen",
          "berg",
          "haugen",
          "hagen",
          "johannessen",
          "andreassen",
          "jacobsen",
          "dahl",
          "jørgensen",
          "halvorsen",
          "henriksen",
          "lund",
          "sørensen",
          "jakobsen",
          "moen",
          "gundersen",
          "iversen");
  private static final List<String> DOMAINS = List.of("example.com", "example.org", "example.net");
  private static final String MAILBOX_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private ContactDraw() {}

  /** A name-based local part, e.g. {@code kari.nordmann}. */
  static String name(SplittableRandom r) {
    return FIRST_NAMES.get(r.nextInt(FIRST_NAMES.size()))
        + "."
        + LAST_NAMES.get(r.nextInt(LAST_NAMES.size()));
  }

  /** An e-mail address for {@code name}, e.g. {@code kari.nordmann42@example.com}. */
  static String epost(String name, SplittableRandom r) {
    String ascii = name.replace("ø", "o").replace("æ", "ae").replace("å", "a");
    return ascii + r.nextInt(100) + "@" + DOMAINS.get(r.nextInt(DOMAINS.size()));
  }

  /** A Norwegian mobile number with country code, e.g. {@code +4791234567}. */
  static String mobil(SplittableRandom r) {
    String sevenDigits = Integer.toString(10_000_000 + r.nextInt(10_000_000)).substring(1);
    return "+47" + (r.nextBoolean() ? '4' : '9') + sevenDigits;
  }

  /** A digital post mailbox address for {@code name}, e.g. {@code kari.nordmann#9YDT}. */
  static String postkasseadresse(String name, SplittableRandom r) {
    StringBuilder address = new StringBuilder(name).append('#');
    for (int i = 0; i < 4; i++) {
      address.append(MAILBOX_CHARS.charAt(r.nextInt(MAILBOX_CHARS.length())));
    }
    return address.toString();
  }
}
