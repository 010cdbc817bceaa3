package io.krrkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The command that continues an interrupted {@code krr lookup --in}: the one given, with {@code
 * --resume}, quoted for a POSIX shell. A password given on the command line is not repeated (it
 * would land in logs); the command says where to give it instead.
 */
final class ResumeCommand {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");
  private static final String HIDDEN = "--stop-after-batches";

  private ResumeCommand() {}

  static String of(List<String> args) {
    List<String> words = new ArrayList<>(List.of("krr"));
    boolean resume = false;
    boolean secretLeftOut = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      boolean valueFollows = !arg.contains("=") && i + 1 < args.size();
      if (name.equals(HIDDEN)) {
        i += valueFollows ? 1 : 0;
        continue;
      }
      if (secret(name)) {
        i += valueFollows ? 1 : 0;
        secretLeftOut = true;
        continue;
      }
      resume |= arg.equals("--resume");
      words.add(quote(arg));
    }
    if (!resume) {
      words.add("--resume");
    }
    String command = String.join(" ", words);
    return secretLeftOut
        ? command + "   # give the password again, or set KRR_CERT_PASSWORD"
        : command;
  }

  private static boolean secret(String option) {
    String o = option.toLowerCase(Locale.ROOT);
    return o.startsWith("--") && (o.contains("password") || o.contains("secret"));
  }

  static String quote(String word) {
    return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
