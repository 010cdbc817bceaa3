package io.krrkit.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code krr} command: keys, client registration, tokens, lookups, the emulator, and a demo of
 * the whole flow. {@code main} only exits with {@link #run}'s code, so tests run the CLI
 * in-process.
 */
@Command(
    name = "krr",
    mixinStandardHelpOptions = true,
    versionProvider = Krr.Version.class,
    // The subcommands are added by commandLine(...), only the one asked for when that is enough.
    description = "Keys, Maskinporten tokens, KRR lookups and a local emulator (krr-local).")
public final class Krr {
  /** The subcommands, in the order {@code krr --help} lists them. */
  private static final List<Class<?>> SUBCOMMANDS =
      List.of(
          ServeCommand.class,
          DemoCommand.class,
          KeygenCommand.class,
          ClientCommand.class,
          ScopesCommand.class,
          TokenCommand.class,
          CertCommand.class,
          LookupCommand.class,
          PersonCommand.class,
          AdminCommand.class,
          RegisterCommand.class,
          SyncCommand.class,
          WaitCommand.class,
          InitCommand.class,
          CompletionCommand.class,
          CommandLine.HelpCommand.class);

  /** Subcommands that read the whole command tree (help of other commands, shell completion). */
  private static final Set<Class<?>> NEED_ALL =
      Set.of(CompletionCommand.class, CommandLine.HelpCommand.class);

  /**
   * Columns of {@code --help} (wider on a wider terminal): lines of a multi-line description fit.
   */
  static final int HELP_WIDTH = 100;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      scope = ScopeType.INHERIT,
      description =
          "Take connection and credentials from this profile of the configuration file"
              + " (env KRR_PROFILE; see 'krr init').")
  String profile;

  Krr() {}

  /** Runs the CLI and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the CLI with the given output streams; returns the exit code. */
  static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = commandLine(args);
    cli.setOut(out);
    cli.setErr(err);
    cli.setUsageHelpWidth(HELP_WIDTH);
    cli.setUsageHelpAutoWidth(true);
    Profiles profiles;
    try {
      profiles = Profiles.load(args);
    } catch (CliErrors.Failure e) {
      err.println("krr: " + e.getMessage());
      return e.code.code;
    }
    cli.setDefaultValueProvider(profiles);
    cli.setExecutionStrategy(
        parsed -> {
          List<CommandLine> chosen = parsed.asCommandLineList();
          Object command = chosen.get(chosen.size() - 1).getCommand();
          if (profiles.missing() != null && !(command instanceof InitCommand)) {
            err.println("krr: " + profiles.missing());
            return ExitCode.USAGE.code;
          }
          return new CommandLine.RunLast().execute(parsed);
        });
    cli.setExitCodeExceptionMapper(CliErrors::exitCode);
    cli.setExecutionExceptionHandler(CliErrors::handle);
    cli.setParameterExceptionHandler(CliErrors::handleUsage);
    addExitCodes(cli);
    return cli.execute(args);
  }

  /**
   * The command tree for {@code args}. Picocli reads every command's annotations when it is added,
   * about 0.2 s for the whole tree on a cold JVM, so when the first argument names a subcommand
   * only that one is added ({@code krr serve} starts faster); otherwise, and for {@code help} and
   * {@code completion}, all of them.
   */
  static CommandLine commandLine(String... args) {
    CommandLine cli = new CommandLine(new Krr());
    Class<?> asked = args.length == 0 ? null : named(args[0]);
    for (Class<?> command : SUBCOMMANDS) {
      if (asked == null || NEED_ALL.contains(asked) || command == asked) {
        cli.addSubcommand(command);
      }
    }
    return cli;
  }

  private static Class<?> named(String name) {
    for (Class<?> command : SUBCOMMANDS) {
      Command c = command.getAnnotation(Command.class);
      if (c.name().equals(name) || List.of(c.aliases()).contains(name)) {
        return command;
      }
    }
    return null;
  }

  private static void addExitCodes(CommandLine cli) {
    Map<String, String> codes = new LinkedHashMap<>();
    for (ExitCode c : ExitCode.values()) {
      codes.put(Integer.toString(c.code), c.description);
    }
    cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
    cli.getSubcommands().values().forEach(Krr::addExitCodes);
  }

  /** The version the build wrote into {@code krr-version.properties}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws java.io.IOException {
      java.util.Properties p = new java.util.Properties();
      try (java.io.InputStream in = Krr.class.getResourceAsStream("krr-version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "krr " + p.getProperty("version", "(unknown version)"),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
      };
    }
  }
}
