package io.krrkit.maskinporten;

import static java.util.Map.entry;

import java.util.Map;

/**
 * What to do about each Maskinporten error, after Digdir's troubleshooting page ({@code
 * Maskinporten/maskinporten_feilsoking.md}): first by {@code MP-xxx} code, then by OAuth2 {@code
 * error}.
 */
final class ErrorAdvice {
  private static final Map<String, String> BY_CODE =
      Map.ofEntries(
          entry(
              "MP-011",
              "Check the grant's claims for a typo or a bad value; consumer_org and iss_onbehalfof"
                  + " cannot both be set."),
          entry("MP-012", "Every grant needs a fresh jti; never send a grant twice."),
          entry(
              "MP-100",
              "Check the client_id (the grant's iss), that the client exists in this environment"
                  + " (test and production have separate clients) and that the kid is registered"
                  + " on it."),
          entry(
              "MP-110",
              "Set aud to the issuer of the environment you call, e.g. https://test.maskinporten.no/"
                  + " with its trailing slash."),
          entry(
              "MP-120",
              "Use a valid enterprise certificate for this environment (test certificates in test,"
                  + " production certificates in production)."),
          entry(
              "MP-121",
              "The registered key has expired (keys live one year); upload a new key, or the same"
                  + " key again, to the client."),
          entry(
              "MP-122",
              "Use an enterprise certificate issued to the organisation owning the client."),
          entry(
              "MP-123",
              "The client has registered keys: sign with one of them and put its kid in the"
                  + " header (an x5c header must be an array)."),
          entry(
              "MP-124",
              "Sign with the private key whose public key is registered under this kid, with RS256,"
                  + " RS384 or RS512."),
          entry(
              "MP-130",
              "Keep exp - iat at most 120 s and the server clock in sync (NTP); iat may be at most"
                  + " 10 s from Maskinporten's clock."),
          entry("MP-200", "Register the scope on the client (self-service) or fix its spelling."),
          entry(
              "MP-201",
              "The scope is not allowed for this client's integration type; use a client of the"
                  + " right type."),
          entry(
              "MP-250",
              "The consumer organisation has no access to the scope; ask the API owner for"
                  + " access."),
          entry(
              "MP-251",
              "The consumer has not delegated the scope to your organisation in Altinn, or"
                  + " consumer_org is your own organisation (then leave it out)."),
          entry(
              "MP-301",
              "authorization_details asks for a type Maskinporten does not support; use one"
                  + " the metadata lists (urn:altinn:systemuser, urn:altinn:consent)."),
          entry(
              "MP-302",
              "An authorization_details entry holds a field its type does not have; send only"
                  + " the type's fields."),
          entry(
              "MP-303",
              "authorization_details is malformed (one object in an array, every field valid),"
                  + " or Altinn has no matching system user or valid consent."));

  private static final Map<String, String> BY_ERROR =
      Map.of(
          "unsupported_grant_type",
          "Send grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer.",
          "invalid_request",
          "Check the grant's claims and the form parameters.",
          "invalid_grant",
          "Check the client_id, the signing key and the grant's claims.",
          "invalid_scope",
          "Check that the scopes are registered on the client.",
          "forbidden",
          "Check that your organisation has been given access to the scope.",
          "server_error",
          "Maskinporten had a problem; try again later.",
          "temporarily_unavailable",
          "Maskinporten is temporarily unavailable; try again later.");

  private ErrorAdvice() {}

  /** One or two sentences saying what to do about {@code response}. */
  static String forResponse(ErrorResponse response) {
    if (response.code() != null && BY_CODE.containsKey(response.code())) {
      return BY_CODE.get(response.code());
    }
    return BY_ERROR.getOrDefault(
        response.error(), "See Maskinporten's troubleshooting page for this error.");
  }
}
