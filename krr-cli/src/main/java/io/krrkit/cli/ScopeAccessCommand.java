package io.krrkit.cli;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.selfservice.ScopeAdmin;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code krr scopes access}: which organisations may use one of your scopes. */
@Command(
    name = "access",
    mixinStandardHelpOptions = true,
    description = "Lists, grants and revokes organisations' access to one of your scopes.",
    subcommands = {
      ScopeAccessCommand.ListCmd.class,
      ScopeAccessCommand.Grant.class,
      ScopeAccessCommand.Revoke.class
    })
final class ScopeAccessCommand {
  private ScopeAccessCommand() {}

  /** The {@code --scope} every access command names. */
  abstract static class Base extends ScopesCommand.Base {
    @Option(names = "--scope", required = true, description = "One of your scopes.")
    String scope;

    Scope scope() {
      return Scope.of(scope);
    }
  }

  /** {@code krr scopes access list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists who has access to the scope.")
  static final class ListCmd extends Base implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      return printAccess(scopes().listAccess(scope()));
    }
  }

  /** {@code krr scopes access grant}. */
  @Command(
      name = "grant",
      mixinStandardHelpOptions = true,
      description = "Gives an organisation access: it may then put the scope on its clients.")
  static final class Grant extends Base implements Callable<Integer> {
    @Option(names = "--org", required = true, paramLabel = "ORGNO", description = "Consumer.")
    String org;

    @Override
    public Integer call() throws Exception {
      return printAccess(List.of(scopes().grant(scope(), OrgNumber.of(org))));
    }
  }

  /** {@code krr scopes access revoke}. */
  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Takes an organisation's access away; prints who still has access.")
  static final class Revoke extends Base implements Callable<Integer> {
    @Option(names = "--org", required = true, paramLabel = "ORGNO", description = "Consumer.")
    String org;

    @Override
    public Integer call() throws Exception {
      ScopeAdmin api = scopes();
      api.revoke(scope(), OrgNumber.of(org));
      return printAccess(api.listAccess(scope()));
    }
  }
}
