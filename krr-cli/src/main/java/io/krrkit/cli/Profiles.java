package io.krrkit.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Profiles: option values kept in a configuration file so that the connection and the credentials
 * are given once ({@code krr init} writes them). The file is {@code $KRR_CONFIG} (or the system
 * property {@code krr.config}), else {@code $XDG_CONFIG_HOME/krr/config.properties} (default {@code
 * ~/.config/krr/}); keys are {@code PROFILE.OPTION}, the option's long name without dashes:
 *
 * <pre>
 * default-profile = local
 * local.url = http://localhost:7070
 * local.client-id = 2d5c…
 * local.key = keys/local.jwk
 * test.env = test
 * test.client-id = …
 * test.keystore = /secure/virksomhet.p12
 * </pre>
 *
 * The profile is {@code --profile NAME}, else {@code $KRR_PROFILE}, else {@code default-profile}. A
 * value on the command line wins, then the option's environment variable, then the profile, then
 * the built-in default. Relative paths are relative to the file's folder.
 */
final class Profiles implements IDefaultValueProvider {
  static final String DEFAULT_PROFILE_KEY = "default-profile";
  private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:([A-Z0-9_]+)(:-.*)?}");

  private final Path file;
  private final Map<String, String> values;
  private final String missing;

  private Profiles(Path file, Map<String, String> values, String missing) {
    this.file = file;
    this.values = values;
    this.missing = missing;
  }

  /** The configuration file's path, whether or not it exists. */
  static Path file() {
    String explicit = System.getProperty("krr.config", System.getenv("KRR_CONFIG"));
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = System.getenv("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("krr").resolve("config.properties");
  }

  /** The profile {@code args} and the environment select, read from {@link #file()}. */
  static Profiles load(String[] args) {
    Path file = file();
    Properties all = read(file);
    String name = selected(args);
    if (name == null) {
      name = System.getenv("KRR_PROFILE");
    }
    if (name == null || name.isBlank()) {
      name = all.getProperty(DEFAULT_PROFILE_KEY);
    }
    Map<String, String> values = new TreeMap<>();
    if (name != null) {
      String prefix = name + ".";
      boolean found = false;
      for (String key : all.stringPropertyNames()) {
        if (key.startsWith(prefix)) {
          values.put(key.substring(prefix.length()), all.getProperty(key).strip());
          found = true;
        }
      }
      if (!found && selected(args) != null) {
        String missing =
            "no profile '"
                + name
                + "' in "
                + file
                + ": make it with 'krr init --profile "
                + name
                + "', or add lines like "
                + name
                + ".url = http://localhost:7070";
        return new Profiles(file, values, missing);
      }
    }
    return new Profiles(file, values, null);
  }

  /**
   * Why the profile named with {@code --profile} cannot serve (it is not in the file), or null.
   * Every command but {@code krr init}, which makes it, refuses to run then.
   */
  String missing() {
    return missing;
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || values.isEmpty()) {
      return null;
    }
    String value = values.get(option.longestName().replaceFirst("^-+", ""));
    if (value == null || environmentSets(option)) {
      return null;
    }
    if (option.type() == Path.class && !Path.of(value).isAbsolute()) {
      Path dir = file.toAbsolutePath().getParent();
      return dir == null ? value : dir.resolve(value).toString();
    }
    return value;
  }

  /** An option whose default names an environment variable that is set: the variable wins. */
  private static boolean environmentSets(OptionSpec option) {
    String declared = option.defaultValue();
    if (declared == null) {
      return false;
    }
    Matcher m = ENV_DEFAULT.matcher(declared);
    return m.matches() && System.getenv(m.group(1)) != null;
  }

  /** The value of {@code --profile NAME} or {@code --profile=NAME} in {@code args}, or null. */
  static String selected(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--")) {
        return null;
      }
      if (args[i].equals("--profile") && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith("--profile=")) {
        return args[i].substring("--profile=".length());
      }
    }
    return null;
  }

  /** The file's {@code default-profile}, or null. */
  static String defaultProfile(Path file) {
    return read(file).getProperty(DEFAULT_PROFILE_KEY);
  }

  /** Whether {@code file} has a line for {@code profile}. */
  static boolean exists(Path file, String profile) {
    return read(file).stringPropertyNames().stream().anyMatch(k -> k.startsWith(profile + "."));
  }

  /**
   * Writes {@code profile} into {@code file}: its old lines are dropped, other lines and comments
   * are kept, and it becomes the default profile if there is none.
   */
  static void write(Path file, String profile, Map<String, String> entries) throws IOException {
    java.util.List<String> lines =
        Files.isRegularFile(file)
            ? new java.util.ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
            : new java.util.ArrayList<>(
                java.util.List.of(
                    "# krr profiles: PROFILE.OPTION = VALUE (see 'krr init --help')"));
    String prefix = profile + ".";
    lines.removeIf(line -> line.strip().startsWith(prefix));
    if (read(file).getProperty(DEFAULT_PROFILE_KEY) == null) {
      lines.add(DEFAULT_PROFILE_KEY + " = " + profile);
    }
    entries.forEach((k, v) -> lines.add(prefix + k + " = " + escape(v)));
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(temp, lines, StandardCharsets.UTF_8);
    Files.move(
        temp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\");
  }

  private static Properties read(Path file) {
    Properties p = new Properties();
    if (!Files.isRegularFile(file)) {
      return p;
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
      return p;
    } catch (IOException | IllegalArgumentException e) {
      throw new CliErrors.Failure(
          ExitCode.USAGE, "cannot read the configuration file " + file + ": " + e.getMessage());
    }
  }
}
