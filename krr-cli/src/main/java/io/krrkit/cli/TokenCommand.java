package io.krrkit.cli;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.maskinporten.AccessToken;
import io.krrkit.maskinporten.TokenRequest;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code krr token}: a Maskinporten access token on stdout, for scripts and curl. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a Maskinporten access token on stdout.",
      "Signs a JWT grant and trades it for the token (a secret: pipe it, do not log it)."
    })
final class TokenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin AdminCredentials credentials;

  @Option(
      names = "--scope",
      required = true,
      split = " ",
      description = "Scope to ask for (repeatable, or space-separated).")
  List<String> scopes;

  @Option(names = "--resource", description = "Audience of the token (becomes its aud).")
  String resource;

  @Option(names = "--pid", description = "Person the token is restricted to.")
  String pid;

  @Option(names = "--consumer-org", description = "Organisation a supplier acts for.")
  String consumerOrg;

  @Option(
      names = "--on-behalf-of",
      description = "On-behalf-of id registered on the client (iss_onbehalfof).")
  String onBehalfOf;

  @Option(names = "--json", description = "Print access_token, expires_at and scope as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    TokenRequest.Builder request = TokenRequest.builder();
    scopes.forEach(s -> request.scope(Scope.of(s)));
    if (resource != null) {
      request.resource(resource);
    }
    if (pid != null) {
      request.pid(Personidentifikator.of(pid));
    }
    if (consumerOrg != null) {
      request.consumerOrg(OrgNumber.of(consumerOrg));
    }
    if (onBehalfOf != null) {
      request.issOnBehalfOf(onBehalfOf);
    }
    AccessToken token = credentials.maskinporten().getToken(request.build());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("access_token", token.value());
      body.put("expires_at", token.expiresAt().toString());
      body.put("scope", Scope.join(token.scopes()));
      Output.json(out, body);
    } else {
      out.println(token.value());
    }
    return ExitCode.OK.code;
  }
}
