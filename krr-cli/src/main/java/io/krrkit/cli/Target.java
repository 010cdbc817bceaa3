package io.krrkit.cli;

import io.krrkit.krr.KrrEnvironment;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import io.krrkit.selfservice.SelfServiceEnvironment;
import picocli.CommandLine.Option;

/**
 * Which services a command talks to: the local emulator (default), Digdir's test environment or
 * production. Only base URLs differ between them.
 */
final class Target {
  /** Where the services live. */
  enum Env {
    local,
    test,
    prod
  }

  @Option(
      names = "--env",
      defaultValue = "${env:KRR_ENV:-local}",
      description =
          "local (krr-local), test (Digdir's test environment) or prod (default: ${DEFAULT-VALUE}).")
  Env env;

  @Option(
      names = "--url",
      defaultValue = "${env:KRR_LOCAL_URL}",
      description =
          "Base URL of krr-local (env KRR_LOCAL_URL; default: the profile's, else"
              + " http://localhost:7070).")
  String url;

  /** The base URL of the emulator; {@code fromBootstrap} is a bootstrap file's issuer or null. */
  String localBase(String bootstrapIssuer) {
    if (url != null) {
      return strip(url);
    }
    if (bootstrapIssuer != null && bootstrapIssuer.contains("/maskinporten")) {
      return bootstrapIssuer.substring(0, bootstrapIssuer.indexOf("/maskinporten"));
    }
    return "http://localhost:7070";
  }

  MaskinportenEnvironment maskinporten(String bootstrapIssuer) {
    return switch (env) {
      case local -> MaskinportenEnvironment.custom(localBase(bootstrapIssuer) + "/maskinporten/");
      case test -> MaskinportenEnvironment.TEST;
      case prod -> MaskinportenEnvironment.PRODUCTION;
    };
  }

  KrrEnvironment krr(String bootstrapIssuer) {
    return switch (env) {
      case local -> KrrEnvironment.custom(localBase(bootstrapIssuer) + "/kontaktregisteret");
      case test -> KrrEnvironment.TEST;
      case prod -> KrrEnvironment.PRODUCTION;
    };
  }

  SelfServiceEnvironment selfService(String bootstrapIssuer) {
    return switch (env) {
      case local -> SelfServiceEnvironment.custom(localBase(bootstrapIssuer) + "/selvbetjening");
      case test -> SelfServiceEnvironment.TEST;
      case prod -> SelfServiceEnvironment.PRODUCTION;
    };
  }

  private static String strip(String u) {
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }
}
