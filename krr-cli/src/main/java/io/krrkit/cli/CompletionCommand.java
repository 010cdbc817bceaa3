package io.krrkit.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code krr completion bash|zsh}: a shell completion script for every command and option. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a shell completion script for bash or zsh.",
      "bash: source <(krr completion bash) in ~/.bashrc, or save it as",
      "      ~/.local/share/bash-completion/completions/krr",
      "zsh:  source <(krr completion zsh) in ~/.zshrc"
    })
final class CompletionCommand implements Callable<Integer> {
  /** The shells it writes for. */
  enum Shell {
    bash,
    zsh
  }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  @Override
  public Integer call() {
    // picocli writes one script for both: under zsh it loads zsh's bash completion layer itself.
    String script = AutoComplete.bash("krr", spec.root().commandLine());
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return ExitCode.OK.code;
  }
}
