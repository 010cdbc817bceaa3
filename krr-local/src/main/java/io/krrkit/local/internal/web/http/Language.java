package io.krrkit.local.internal.web.http;

import java.util.Arrays;
import java.util.Optional;

/** The languages of the web page: Norwegian bokmål (the default) and English. */
public enum Language {
  NB("nb"),
  EN("en");

  private final String tag;

  Language(String tag) {
    this.tag = tag;
  }

  /** The BCP 47 tag, for {@code <html lang>} and {@code ?lang=}. */
  public String tag() {
    return tag;
  }

  /** The language with {@code tag}, if the page has it. */
  public static Optional<Language> fromTag(String tag) {
    return Arrays.stream(values()).filter(l -> l.tag.equals(tag)).findFirst();
  }
}
