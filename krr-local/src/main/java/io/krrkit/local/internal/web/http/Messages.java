package io.krrkit.local.internal.web.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The texts of the web page: UTF-8 properties files beside this class, one per feature ({@link
 * #BUNDLES}) and language ({@code messages_nb.properties}, {@code messages_en.properties}); a key
 * may live in one file only. Arguments follow {@link MessageFormat}: {@code {0}}. A missing key
 * shows as {@code ??key??} so it is easy to spot; a test keeps both files in step.
 */
final class Messages {
  /** The base names of the text files; each has one file per {@link Language}. */
  static final List<String> BUNDLES = List.of("messages", "messages-keys", "messages-journal");

  private final Map<Language, Properties> bundles = new EnumMap<>(Language.class);

  /** Loads every language's file from the classpath. */
  Messages() {
    for (Language language : Language.values()) {
      Properties all = new Properties();
      for (String bundle : BUNDLES) {
        Properties part = load(bundle + "_" + language.tag() + ".properties");
        part.stringPropertyNames().stream()
            .filter(all::containsKey)
            .findFirst()
            .ifPresent(
                key -> {
                  throw new IllegalStateException("web text " + key + " is in two files");
                });
        all.putAll(part);
      }
      bundles.put(language, all);
    }
  }

  /** The text of {@code key} in {@code language}, with {@code args} filled in. */
  String text(Language language, String key, Object... args) {
    String pattern = bundles.get(language).getProperty(key);
    if (pattern == null) {
      return "??" + key + "??";
    }
    return args.length == 0
        ? pattern
        : new MessageFormat(pattern, Locale.forLanguageTag(language.tag())).format(args);
  }

  /** True when {@code language}'s file has {@code key}. */
  boolean has(Language language, String key) {
    return bundles.get(language).containsKey(key);
  }

  /** The keys of {@code language}'s file. */
  Set<String> keys(Language language) {
    return bundles.get(language).stringPropertyNames();
  }

  private static Properties load(String name) {
    Properties properties = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing web text file " + name);
      }
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read web text file " + name, e);
    }
    return properties;
  }
}
