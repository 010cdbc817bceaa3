package io.krrkit.cli;

import io.krrkit.krr.ChangeFeed;
import io.krrkit.krr.JsonLinesCopy;
import io.krrkit.krr.SyncResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code krr sync}: keeps a local copy of KRR up to date through the change feed ({@code
 * hentEndringer}, scope {@code krr:global/hentendring.read}): a JSON Lines snapshot and, next to
 * it, the change id it is up to date with. Run it again to apply what changed since.
 */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Keeps a local copy of KRR up to date through the change feed (hentEndringer).",
      "The copy is a JSON Lines snapshot (one person per line) plus FILE.change-id;",
      "the first run fetches everything, later runs only what changed.",
      "Needs scope krr:global/hentendring.read, which Digdir grants only to local copy holders.",
      "On krr-local (krr serve --admin --bootstrap-out b.json), once:",
      "  krr admin access grant --scope krr:global/hentendring.read --org 310000027",
      "  krr init --bootstrap b.json --profile sync --scope krr:global/hentendring.read",
      "then: krr sync --profile sync --out copy.jsonl"
    })
final class SyncCommand implements Callable<Integer> {
  private static final String DEFAULT_FILE = "krr-copy.jsonl";

  @Spec CommandSpec spec;
  @Mixin Credentials credentials;

  @Option(
      names = "--out",
      required = true,
      description = "Snapshot file, or a directory to hold " + DEFAULT_FILE + ".")
  Path out;

  @Override
  public Integer call() throws Exception {
    Path snapshot = Files.isDirectory(out) ? out.resolve(DEFAULT_FILE) : out;
    ChangeFeed feed =
        ChangeFeed.builder()
            .environment(credentials.target.krr(credentials.load().bootstrapIssuer()))
            .maskinporten(credentials.maskinporten())
            .build();
    SyncResult result;
    int size;
    try (JsonLinesCopy copy = JsonLinesCopy.open(snapshot)) {
      result = feed.sync(copy);
      size = copy.persons().size();
    }
    spec.commandLine()
        .getOut()
        .printf(
            "%s: %d persons (%d changed in %d pages), change id %d -> %d%n",
            snapshot,
            size,
            result.persons(),
            result.pages(),
            result.fromChangeId(),
            result.toChangeId());
    return ExitCode.OK.code;
  }
}
