package io.krrkit.local.internal.maskinporten.http;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code GET {issuer}errors/{code}}: a short page per {@code MP-xxx} code with its cause and fix,
 * after Digdir's troubleshooting page ({@code Maskinporten/maskinporten_feilsoking.md}). The {@code
 * error_uri} of every refusal points here.
 */
final class ErrorHelpPages {
  private record Help(String title, String cause, String fix) {}

  private static final Map<String, Help> PAGES =
      Map.ofEntries(
          Map.entry(
              "MP-011",
              new Help(
                  "Invalid assertion. Invalid parameter value",
                  "The request or the JWT grant is malformed: a missing or repeated form parameter,"
                      + " a body that is not application/x-www-form-urlencoded, an assertion that"
                      + " is not a signed JWT, a missing claim (iss, iat, exp, jti, scope), a claim"
                      + " of the wrong type or value (resource, pid), both consumer_org and"
                      + " iss_onbehalfof, or an iss_onbehalfof not registered on the client.",
                  "Check the grant for typos and stray line breaks; send grant_type and assertion"
                      + " once each as form parameters.")),
          Map.entry(
              "MP-012",
              new Help(
                  "Grant is used before",
                  "A grant with this jti was accepted before. Each grant is single use.",
                  "Make a new JWT grant, with a fresh jti (a random UUID), for every token"
                      + " request.")),
          Map.entry(
              "MP-100",
              new Help(
                  "Invalid assertion. Client authentication failed.",
                  "No active client has the client_id in iss, or the kid in the header is not a key"
                      + " registered on that client. The client may also exist in another"
                      + " environment than the one the grant's aud points to.",
                  "Check that iss is the client id, that the key is uploaded to this client, and"
                      + " that client and audience belong to the same environment.")),
          Map.entry(
              "MP-110",
              new Help(
                  "Invalid JWT claim aud",
                  "The grant's aud is not this Maskinporten's issuer.",
                  "Set aud to the issuer from the metadata, with its trailing slash.")),
          Map.entry(
              "MP-120",
              new Help(
                  "The JWT is signed with an invalid certificate.",
                  "The certificate in x5c is not valid here: expired, from the wrong environment"
                      + " (production certificates do not work in test), self-signed, not"
                      + " issued by a trusted CA (in krr-local: its test CA or a --trust-anchor),"
                      + " or its chain is out of order.",
                  "Use a valid enterprise certificate for this environment, or register a key on"
                      + " the client and sign with kid. In krr-local: krr cert issue --orgno"
                      + " <org> --out org.p12 (POST /admin/certificates).")),
          Map.entry(
              "MP-121",
              new Help(
                  "Expired key",
                  "The key registered on the client has expired. Keys live one year from upload,"
                      + " or until the exp given at upload.",
                  "Upload a new key to the client, or upload the same key again to renew it.")),
          Map.entry(
              "MP-122",
              new Help(
                  "Invalid organization number for client",
                  "The enterprise certificate was issued to another organisation than the one"
                      + " owning the client.",
                  "Use a certificate of the client's organisation, or create the client under the"
                      + " certificate's organisation.")),
          Map.entry(
              "MP-123",
              new Help(
                  "Invalid JWT header",
                  "The client has registered keys but the grant has no kid, or the x5c header is"
                      + " not an array.",
                  "Send the kid of a registered key in the header; send x5c as an array of base64"
                      + " DER certificates, not as a string.")),
          Map.entry(
              "MP-124",
              new Help(
                  "Invalid JWT signature",
                  "The signature does not verify with the registered key, or alg is not RS256,"
                      + " RS384 or RS512 (none and HMAC algorithms are refused).",
                  "Sign with the private key matching the kid, using RS256.")),
          Map.entry(
              "MP-130",
              new Help(
                  "JWT is expired or has an invalid lifetime",
                  "The grant's exp has passed, exp - iat is over 120 seconds, or iat is more than"
                      + " 10 seconds away from the server's clock.",
                  "Make a new grant per request with iat = now and exp = iat + 120 s at most; keep"
                      + " the machine's clock synchronised.")),
          Map.entry(
              "MP-200",
              new Help(
                  "Token request contains invalid scopes for client",
                  "A requested scope is not registered on the client.",
                  "Add the scope to the client, or fix the spelling of the scope in the grant.")),
          Map.entry(
              "MP-201",
              new Help(
                  "Token request contains scopes not allowed for maskinporten",
                  "The client's integration type cannot get Maskinporten tokens (for example"
                      + " api_klient or idporten).",
                  "Create a client with integration type maskinporten (or krr for KRR).")),
          Map.entry(
              "MP-301",
              new Help(
                  "Unknown authorization details type",
                  "The grant's authorization_details (RAR) asks for a type Maskinporten does not"
                      + " support.",
                  "Use a type listed in authorization_details_types_supported in the metadata:"
                      + " urn:altinn:systemuser or urn:altinn:consent.")),
          Map.entry(
              "MP-302",
              new Help(
                  "Unknown fields in the authorization details",
                  "An entry of authorization_details holds a field its type does not have.",
                  "Send only the type's fields: urn:altinn:systemuser takes type, systemuser_org"
                      + " and externalRef; urn:altinn:consent takes type, id and from.")),
          Map.entry(
              "MP-303",
              new Help(
                  "Invalid authorization details values",
                  "authorization_details is not an array of one object, a field is missing or"
                      + " malformed, or Altinn has no match: no system user of this client's"
                      + " system at the organisation, or no valid consent with that id, from that"
                      + " party, to the token's consumer. The message says which.",
                  "Fix the value the message names. In krr-local the operator records system"
                      + " users and consents: POST /admin/altinn/system-users,"
                      + " POST /admin/altinn/consents.")),
          Map.entry(
              "MP-250",
              new Help(
                  "Consumer has not been granted access to the scope",
                  "The API owner has not given the consumer organisation access to the scope.",
                  "Ask the API owner for access, or request a scope you have access to. In"
                      + " krr-local: PUT /admin/access {\"scope\",\"orgno\"} (krr admin access"
                      + " grant).")),
          Map.entry(
              "MP-251",
              new Help(
                  "Consumer has not delegated access to the scope to supplier",
                  "The consumer_org has not delegated the scope to the client's organisation in"
                      + " Altinn, or consumer_org is the client's own organisation.",
                  "Have the consumer delegate the scope to you in Altinn; drop consumer_org when"
                      + " acting for your own organisation. In krr-local: POST /admin/delegations"
                      + " (krr admin delegation add).")));

  void handle(Context ctx) {
    Help help = PAGES.get(ctx.pathParam("code"));
    if (help == null) {
      ctx.status(404).contentType(ContentType.TEXT_PLAIN).result("No help page for this code.");
      return;
    }
    ctx.contentType(ContentType.TEXT_HTML).result(page(ctx.pathParam("code"), help));
  }

  /** The page; all text is ours (the code is a map key), so nothing needs escaping. */
  private static String page(String code, Help help) {
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>%1$s: %2$s</title></head>
        <body><main>
        <h1>%1$s: %2$s</h1>
        <h2>Cause</h2><p>%3$s</p>
        <h2>Fix</h2><p>%4$s</p>
        <p>Error descriptions end with a trace_id; krr-local logs the same id with the reason.</p>
        </main></body></html>
        """
        .formatted(code, help.title(), help.cause(), help.fix());
  }
}
