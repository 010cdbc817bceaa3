package io.krrkit.spring.boot;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.Scope;
import io.krrkit.krr.KrrClient;
import io.krrkit.krr.KrrEnvironment;
import io.krrkit.maskinporten.KeyFiles;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenConfigException;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import io.krrkit.maskinporten.TokenRequest;
import io.krrkit.selfservice.SelfServiceClient;
import io.krrkit.selfservice.SelfServiceConfigException;
import io.krrkit.selfservice.SelfServiceEnvironment;
import java.util.List;

/**
 * Turns the {@code krr.*} properties into client builders, checking each property and naming it in
 * a {@link KrrPropertyException} when it is missing or wrong. The clients' own errors are kept as
 * messages: they name the file or URL, never key material.
 */
final class ClientFactory {
  private static final String MP = "krr.maskinporten.";

  private ClientFactory() {}

  static MaskinportenClient.Builder maskinporten(MaskinportenProperties p) {
    MaskinportenProperties.Certificate cert = p.getCertificate();
    Credentials credentials = new Credentials(MP, p);
    MaskinportenClient.Builder builder = credentials.builder(maskinportenEnvironment(p));
    if (p.getKey() != null && cert.getKeystore() != null) {
      throw new KrrPropertyException(
          MP + "key",
          "both krr.maskinporten.key and krr.maskinporten.certificate.keystore are set",
          "Keep one: a key registered on the client (key, kid), or an enterprise certificate"
              + " (certificate.keystore, certificate.alias, certificate.password).");
    }
    if (p.getKey() != null) {
      return builder.signingKey(credentials.signingKey());
    }
    if (cert.getKeystore() != null) {
      if (cert.getPassword() == null) {
        throw new KrrPropertyException(
            MP + "certificate.password",
            "not set, and the keystore " + cert.getKeystore() + " needs one",
            "Set krr.maskinporten.certificate.password (from a secret, e.g. an environment"
                + " variable KRR_MASKINPORTEN_CERTIFICATE_PASSWORD).");
      }
      try {
        return builder.keystore(
            cert.getKeystore(), cert.getAlias(), cert.getPassword().toCharArray());
      } catch (MaskinportenConfigException e) {
        throw new KrrPropertyException(
            MP + "certificate.keystore",
            e.getMessage(),
            "Check krr.maskinporten.certificate.keystore, .alias and .password.");
      }
    }
    throw new KrrPropertyException(
        MP + "key",
        "no key: neither krr.maskinporten.key nor krr.maskinporten.certificate.keystore is set",
        "Set krr.maskinporten.key to the client's private key file (JWK, PEM or PKCS#12; with"
            + " krr.maskinporten.kid for PEM), or krr.maskinporten.certificate.keystore to an"
            + " enterprise certificate.");
  }

  /**
   * The self-service API's own Maskinporten client ({@code krr.selfservice.client-id} and {@code
   * key}) on the Maskinporten of {@code krr.maskinporten}, or empty when none is set.
   */
  static java.util.Optional<MaskinportenClient.Builder> selfServiceMaskinporten(
      SelfServiceProperties s, MaskinportenProperties p) {
    if (blank(s.getClientId()) && s.getKey() == null) {
      return java.util.Optional.empty();
    }
    Credentials credentials = new Credentials("krr.selfservice.", s);
    MaskinportenClient.Builder builder = credentials.builder(maskinportenEnvironment(p));
    if (s.getKey() == null) {
      throw new KrrPropertyException(
          "krr.selfservice.key",
          "not set, and krr.selfservice.client-id is",
          "Set krr.selfservice.key to the self-service client's private key file (JWK, PEM or"
              + " PKCS#12; with krr.selfservice.kid for PEM).");
    }
    return java.util.Optional.of(builder.signingKey(credentials.signingKey()));
  }

  /** A client id and key file, under the properties {@code prefix}. */
  private record Credentials(String prefix, ClientKeyProperties properties) {

    MaskinportenClient.Builder builder(MaskinportenEnvironment environment) {
      String clientId = properties.getClientId();
      if (blank(clientId)) {
        throw new KrrPropertyException(
            prefix + "client-id",
            "not set",
            "Set "
                + prefix
                + "client-id to the client's integration id (Samarbeidsportalen, or krr-local's"
                + " web page).");
      }
      return MaskinportenClient.builder().environment(environment).clientId(clientId);
    }

    RSAKey signingKey() {
      String keyPassword = properties.getKeyPassword();
      char[] password = keyPassword == null ? null : keyPassword.toCharArray();
      String kid = properties.getKid();
      try {
        return KeyFiles.readPrivateKey(properties.getKey(), blank(kid) ? null : kid, password);
      } catch (MaskinportenConfigException e) {
        String message = e.getMessage();
        String action =
            message.contains("names no key id")
                ? "Set " + prefix + "kid to the key id the key is registered under."
                : message.contains("password")
                    ? "Set " + prefix + "key-password to the PKCS#12 file's password."
                    : "Set "
                        + prefix
                        + "key to the client's private key file: a JWK (krr keygen), a PEM"
                        + " (PKCS#8 or PKCS#1) or a PKCS#12 keystore.";
        throw new KrrPropertyException(prefix + "key", message, action);
      }
    }
  }

  private static MaskinportenEnvironment maskinportenEnvironment(MaskinportenProperties p) {
    if (blank(p.getIssuer())) {
      return p.getEnvironment() == DigdirEnvironment.PRODUCTION
          ? MaskinportenEnvironment.PRODUCTION
          : MaskinportenEnvironment.TEST;
    }
    try {
      return MaskinportenEnvironment.custom(p.getIssuer());
    } catch (MaskinportenConfigException e) {
      throw new KrrPropertyException(
          MP + "issuer",
          e.getMessage(),
          "Set krr.maskinporten.issuer to an issuer URL such as http://localhost:7070/maskinporten/,"
              + " or remove it and set krr.maskinporten.environment (test or production).");
    }
  }

  static TokenRequest tokenRequest(MaskinportenProperties p) {
    List<Scope> scopes = p.getScopes();
    if (scopes == null || scopes.isEmpty()) {
      throw new KrrPropertyException(
          MP + "scopes",
          "empty",
          "Set krr.maskinporten.scopes, e.g. krr:global/kontaktinformasjon.read.");
    }
    return TokenRequest.builder().scopes(scopes).build();
  }

  static KrrClient.Builder krr(
      KrrLookupProperties p, MaskinportenClient maskinporten, TokenRequest request) {
    return KrrClient.builder().environment(krrEnvironment(p)).maskinporten(maskinporten, request);
  }

  private static KrrEnvironment krrEnvironment(KrrLookupProperties p) {
    if (blank(p.getBaseUrl())) {
      return p.getEnvironment() == DigdirEnvironment.PRODUCTION
          ? KrrEnvironment.PRODUCTION
          : KrrEnvironment.TEST;
    }
    try {
      return KrrEnvironment.custom(p.getBaseUrl());
    } catch (IllegalArgumentException e) {
      throw new KrrPropertyException(
          "krr.lookup.base-url",
          e.getMessage(),
          "Set krr.lookup.base-url to KRR's base URL such as"
              + " http://localhost:7070/kontaktregisteret, or remove it and set"
              + " krr.lookup.environment (test or production).");
    }
  }

  static SelfServiceClient.Builder selfService(
      SelfServiceProperties p, MaskinportenClient maskinporten) {
    return SelfServiceClient.builder()
        .environment(selfServiceEnvironment(p))
        .maskinporten(maskinporten);
  }

  private static SelfServiceEnvironment selfServiceEnvironment(SelfServiceProperties p) {
    if (blank(p.getBaseUrl())) {
      return p.getEnvironment() == DigdirEnvironment.PRODUCTION
          ? SelfServiceEnvironment.PRODUCTION
          : SelfServiceEnvironment.TEST;
    }
    try {
      return SelfServiceEnvironment.custom(p.getBaseUrl());
    } catch (SelfServiceConfigException e) {
      throw new KrrPropertyException(
          "krr.selfservice.base-url",
          e.getMessage(),
          "Set krr.selfservice.base-url to the self-service API's base URL, or remove it and set"
              + " krr.selfservice.environment (test or production).");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
