package io.krrkit.cli;

import io.krrkit.core.Masking;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.krr.ApiVersion;
import io.krrkit.krr.KrrClient;
import io.krrkit.krr.LookupResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code krr lookup}: looks up persons in KRR. */
@Command(
    name = "lookup",
    mixinStandardHelpOptions = true,
    description = {
      "Looks up persons in KRR and prints a table or JSON.",
      "Batches of 1000, in parallel. With --in FILE --out FILE: a whole file of any size,",
      "resumable with --resume. Which fields come back depends on the scopes:",
      "kontaktinformasjon.read gives e-mail, mobile, language and varslingsstatus;",
      "digitalpost.read gives the mailbox and certificate."
    })
final class LookupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin Credentials credentials;

  @Parameters(paramLabel = "ID", arity = "0..*", description = "Identity numbers (11 digits).")
  List<String> ids = List.of();

  @Mixin BulkOptions bulk;

  @Option(
      names = "--scope",
      split = " ",
      description =
          "Scopes to ask for (default: krr:global/kontaktinformasjon.read"
              + " krr:global/digitalpost.read).")
  List<String> scopes =
      List.of(Scope.KRR_KONTAKTINFORMASJON_READ.value(), Scope.KRR_DIGITALPOST_READ.value());

  @Option(
      names = "--api",
      defaultValue = "V2",
      description = "API version: V1 or V2 (default: ${DEFAULT-VALUE}).")
  ApiVersion api;

  @Option(
      names = "--include-unregistered",
      description = "v2: answer unknown persons as IKKE_REGISTRERT.")
  boolean includeUnregistered;

  @Option(names = "--json", description = "Print KRR's JSON ({\"personer\": [...]}).")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (bulk.in != null) {
      if (!ids.isEmpty()) {
        throw new CliErrors.Failure(ExitCode.USAGE, "give identity numbers or --in FILE, not both");
      }
      PrintWriter err = spec.commandLine().getErr();
      List<String> commandLine = spec.root().commandLine().getParseResult().originalArgs();
      return new BulkFileLookup(
              client(bulk.parallel),
              bulk,
              commandLine,
              spec.commandLine().getOut(),
              err,
              Clock.systemUTC())
          .run();
    }
    if (ids.isEmpty()) {
      throw new CliErrors.Failure(
          ExitCode.USAGE, "give identity numbers to look up, or --in FILE --out FILE");
    }
    List<String> valid = new ArrayList<>();
    PrintWriter err = spec.commandLine().getErr();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i).strip();
      Optional<String> problem = Personidentifikator.validate(id);
      if (problem.isPresent()) {
        err.printf(
            "krr: argument %d (%s) skipped: %s%n", i + 1, Masking.identifier(id), problem.get());
      } else {
        valid.add(id);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (!valid.isEmpty()) {
      LookupResult result = client(4).lookup(valid);
      if (json) {
        Output.json(out, new io.krrkit.core.krr.PersonerResponse(result.persons()));
      } else {
        PersonTable.print(out, result.persons());
      }
    }
    int skipped = ids.size() - valid.size();
    if (skipped > 0) {
      err.printf(
          "krr: %d of %d identity numbers skipped as invalid%s%n",
          skipped,
          ids.size(),
          valid.isEmpty() ? "; nothing was sent to KRR" : "; the rest looked up");
      return ExitCode.USAGE.code;
    }
    return ExitCode.OK.code;
  }

  private KrrClient client(int parallel) throws IOException {
    List<Scope> asked = scopes.stream().map(Scope::of).toList();
    return KrrClient.builder()
        .environment(credentials.target.krr(credentials.load().bootstrapIssuer()))
        .maskinporten(
            credentials.maskinporten(),
            asked.get(0),
            asked.subList(1, asked.size()).toArray(Scope[]::new))
        .apiVersion(api)
        .inkluderIkkeRegistrerte(includeUnregistered)
        .maxParallelBatches(parallel)
        .build();
  }
}
