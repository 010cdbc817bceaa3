package io.krrkit.cli;

import io.krrkit.selfservice.SelfServiceClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every {@code krr client …} and {@code krr scopes …} command shares: the admin client it acts
 * as ({@link Credentials}), the self-service API of the chosen environment, and how to print.
 */
abstract class SelfServiceCommand {
  @Spec CommandSpec spec;
  @Mixin AdminCredentials credentials;

  /** A self-service client signed in as the admin client the options name. */
  SelfServiceClient selfService() throws IOException {
    return selfService(credentials, false);
  }

  /**
   * A self-service client signed in as {@code credentials}; as a {@code supplier}, calls about
   * clients use {@code idporten:dcr.supplier}.
   */
  static SelfServiceClient selfService(Credentials credentials, boolean supplier)
      throws IOException {
    return SelfServiceClient.builder()
        .environment(credentials.target.selfService(credentials.load().bootstrapIssuer()))
        .maskinporten(credentials.maskinporten())
        .supplier(supplier)
        .build();
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Prints {@code value} as the API's JSON when {@code json}, else as {@code human} writes it. */
  int print(boolean json, Object value, Consumer<PrintWriter> human) {
    if (json) {
      Output.json(out(), value);
    } else {
      human.accept(out());
    }
    return ExitCode.OK.code;
  }
}
