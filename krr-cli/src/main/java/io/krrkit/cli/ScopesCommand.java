package io.krrkit.cli;

import io.krrkit.core.IntegrationType;
import io.krrkit.core.Scope;
import io.krrkit.selfservice.ApiScope;
import io.krrkit.selfservice.DelegationSource;
import io.krrkit.selfservice.ScopeAccess;
import io.krrkit.selfservice.ScopeAdmin;
import io.krrkit.selfservice.ScopeRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code krr scopes}: an API owner's scopes and who may use them, through the self-service API
 * ({@code /scopes}, {@code idporten:scopes.write}), and what scopes exist and were granted to you.
 * Not the emulator's operator commands ({@code krr admin scope}), which bypass the API.
 */
@Command(
    name = "scopes",
    mixinStandardHelpOptions = true,
    description = {
      "Manages your scopes (APIs) and access to them through the self-service API.",
      "An API owner's commands need idporten:scopes.write; 'all', 'granted' and",
      "'delegation-sources' list public scopes, the scopes you were granted and the",
      "delegation sources. ('krr admin scope' is the emulator's operator API instead.)"
    },
    subcommands = {
      ScopesCommand.ListCmd.class,
      ScopesCommand.Show.class,
      ScopesCommand.Create.class,
      ScopesCommand.Update.class,
      ScopesCommand.Delete.class,
      ScopesCommand.All.class,
      ScopeAccessCommand.class,
      ScopesCommand.Granted.class,
      ScopesCommand.DelegationSources.class
    })
final class ScopesCommand {
  private ScopesCommand() {}

  /** What every scopes command shares: the scope API and the {@code --json} switch. */
  abstract static class Base extends SelfServiceCommand {
    @Option(names = "--json", description = "Print the API's JSON.")
    boolean json;

    ScopeAdmin scopes() throws IOException {
      return selfService().scopes();
    }

    int printScopes(List<ApiScope> scopes) {
      return print(json, scopes, out -> scopeTable(out, scopes));
    }

    int printScope(ApiScope scope) {
      return print(json, scope, out -> show(out, scope));
    }

    int printAccess(List<ScopeAccess> access) {
      return print(json, access, out -> accessTable(out, access));
    }
  }

  /** {@code krr scopes list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists your organisation's scopes, public and private.")
  static final class ListCmd extends Base implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      return printScopes(scopes().list());
    }
  }

  /** {@code krr scopes show}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Shows one of your scopes.")
  static final class Show extends Base implements Callable<Integer> {
    @Parameters(paramLabel = "SCOPE", description = "prefix:subscope")
    String scope;

    @Override
    public Integer call() throws Exception {
      return printScope(scopes().get(Scope.of(scope)));
    }
  }

  /** {@code krr scopes create}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Registers a scope under one of your prefixes (prefix:subscope).")
  static final class Create extends Base implements Callable<Integer> {
    @Parameters(paramLabel = "SCOPE", description = "prefix:subscope, e.g. difi:api3")
    String scope;

    @Mixin ScopeFields fields;

    @Override
    public Integer call() throws Exception {
      ScopeRequest request = fields.applyTo(ScopeRequest.builder(Scope.of(scope))).build();
      return printScope(scopes().create(request));
    }
  }

  /** {@code krr scopes update}. */
  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description = {
        "Changes one of your scopes.",
        "Reads it, changes what the options say, and sends it back (PUT). The name cannot",
        "change. --active reactivates a deleted scope."
      })
  static final class Update extends Base implements Callable<Integer> {
    @Parameters(paramLabel = "SCOPE", description = "prefix:subscope")
    String scope;

    @Mixin ScopeFields fields;

    @Option(names = "--active", negatable = true, description = "Activate (or deactivate).")
    Boolean active;

    @Override
    public Integer call() throws Exception {
      ScopeAdmin api = scopes();
      Scope name = Scope.of(scope);
      ScopeRequest.Builder request = fields.applyTo(api.get(name).toRequest());
      if (active != null) {
        request.active(active);
      }
      return printScope(api.update(name, request.build()));
    }
  }

  /** {@code krr scopes delete}. */
  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = {
        "Deactivates one of your scopes: no more tokens with it.",
        "It stays registered with its access grants, as in Digdir's API; 'krr scopes",
        "update SCOPE --active' brings it back."
      })
  static final class Delete extends SelfServiceCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCOPE", description = "prefix:subscope")
    String scope;

    @Override
    public Integer call() throws Exception {
      selfService().scopes().delete(Scope.of(scope));
      out().println("deactivated " + scope);
      return ExitCode.OK.code;
    }
  }

  /** {@code krr scopes all}. */
  @Command(
      name = "all",
      mixinStandardHelpOptions = true,
      description = "Lists every public scope (GET /scopes/all).")
  static final class All extends Base implements Callable<Integer> {
    @Option(
        names = "--accessible-for-all",
        description = "Only scopes every organisation may use without an access grant.")
    boolean accessibleForAll;

    @Override
    public Integer call() throws Exception {
      ScopeAdmin api = scopes();
      return printScopes(accessibleForAll ? api.listAccessibleForAll() : api.listAll());
    }
  }

  /** {@code krr scopes granted}. */
  @Command(
      name = "granted",
      mixinStandardHelpOptions = true,
      description = "Lists the scopes other owners gave your organisation access to.")
  static final class Granted extends Base implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      return printAccess(scopes().listGranted());
    }
  }

  /** {@code krr scopes delegation-sources}. */
  @Command(
      name = "delegation-sources",
      mixinStandardHelpOptions = true,
      description =
          "Lists the registers where consumers delegate access (for --delegation-source).")
  static final class DelegationSources extends Base implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      List<DelegationSource> sources = scopes().delegationSources();
      return print(json, sources, out -> sourceTable(out, sources));
    }
  }

  static void show(PrintWriter out, ApiScope s) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("name", s.name());
    fields.put("description", s.description());
    fields.put("long_description", s.longDescription());
    fields.put("active", s.active());
    fields.put("visibility", s.visibility());
    fields.put("token_type", s.tokenType());
    fields.put("at_max_age", s.atMaxAge());
    fields.put("authorization_max_lifetime", s.authorizationMaxLifetime());
    fields.put(
        "allowed_integration_types",
        s.allowedIntegrationTypes().stream().map(IntegrationType::wireName).toList());
    fields.put("accessible_for_all", s.accessibleForAll());
    fields.put("delegation_source", s.delegationSource());
    fields.put("owner_orgno", s.ownerOrgno());
    fields.put("requires_user_consent", s.requiresUserConsent());
    fields.put("created", s.created());
    fields.put("last_updated", s.lastUpdated());
    Table.fields(out, fields);
  }

  private static void scopeTable(PrintWriter out, List<ApiScope> scopes) {
    Table table = Table.of("NAME", "ACTIVE", "VISIBILITY", "FOR_ALL", "OWNER", "DESCRIPTION");
    for (ApiScope s : scopes) {
      table.row(
          s.name(),
          s.active(),
          s.visibility(),
          s.accessibleForAll(),
          s.ownerOrgno(),
          s.description());
    }
    table.print(out);
  }

  static void accessTable(PrintWriter out, List<ScopeAccess> access) {
    Table table = Table.of("SCOPE", "CONSUMER", "OWNER", "STATE", "LAST_UPDATED");
    for (ScopeAccess a : access) {
      table.row(a.scope(), a.consumerOrgno(), a.ownerOrgno(), a.state(), a.lastUpdated());
    }
    table.print(out);
  }

  private static void sourceTable(PrintWriter out, List<DelegationSource> sources) {
    Table table = Table.of("ISSUER", "NAME", "DESCRIPTION");
    sources.forEach(s -> table.row(s.issuer(), s.name(), s.description()));
    table.print(out);
  }
}
