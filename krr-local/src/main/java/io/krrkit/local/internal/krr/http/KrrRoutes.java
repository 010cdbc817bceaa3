package io.krrkit.local.internal.krr.http;

import io.javalin.config.RoutesConfig;
import io.krrkit.local.internal.http.Refusal;
import io.krrkit.local.internal.http.ServiceErrors;
import io.krrkit.local.internal.krr.Register;
import io.krrkit.local.internal.maskinporten.AccessTokenVerifier;
import java.time.Clock;
import java.util.List;

/**
 * The KRR lookup API of the emulator under {@code {base}/kontaktregisteret}, like {@code
 * https://test.kontaktregisteret.no}: {@code POST /rest/v1/personer} and {@code /rest/v2/personer},
 * protected by the emulator's Maskinporten tokens, and the change feed {@code POST
 * /rest/v2/krr/hentEndringer} (scope {@code krr:global/hentendring.read}); the OpenAPI document at
 * {@code GET /v3/api-docs}.
 *
 * <p>v2 reads {@code inkluderIkkeRegistrerte}; v1 ignores it and answers every unknown person as
 * {@code IKKE_REGISTRERT}. Refusals (spec.md#lookup-errors): 401 {@code invalid_token} and 403
 * {@code insufficient_scope} with a {@code WWW-Authenticate: Bearer} challenge, 400 {@code
 * invalid_request} for a body KRR would not take; each with the body {@code
 * {"status","error","error_description","timestamp"}}.
 */
public final class KrrRoutes {
  /** Path of the service under the emulator's base URL. */
  public static final String BASE = "/kontaktregisteret";

  private final PersonerEndpoint personer;
  private final EndringerEndpoint endringer;
  private final ApiDocs apiDocs = new ApiDocs();
  private final ErrorResponder errors;

  /** Serves {@code register} to callers whose tokens {@code verifier} accepts. */
  public KrrRoutes(Register register, AccessTokenVerifier verifier, Clock clock) {
    JsonWriter json = new JsonWriter();
    this.personer = new PersonerEndpoint(register, verifier, json);
    this.endringer = new EndringerEndpoint(register, verifier, json);
    this.errors = new ErrorResponder(json, clock);
  }

  /** Registers the routes and the error rendering. */
  public void register(RoutesConfig routes) {
    routes.post(BASE + "/rest/v1/personer", personer::v1);
    routes.post(BASE + "/rest/v2/personer", personer::v2);
    routes.post(BASE + "/rest/v2/krr/hentEndringer", endringer::hentEndringer);
    routes.get(BASE + "/v3/api-docs", apiDocs::serve);
  }

  /** How errors under {@code /kontaktregisteret/} are answered. */
  public ServiceErrors errors() {
    return ServiceErrors.json(
        "/kontaktregisteret/",
        errors::render,
        List.of(Refusal.of(LookupError.class, errors::render)));
  }
}
