package io.krrkit.local.internal.krr.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.Person;
import io.krrkit.local.internal.idporten.UserToken;
import io.krrkit.local.internal.idporten.UserTokenVerifier;
import io.krrkit.local.internal.krr.OwnRecord;
import io.krrkit.local.internal.krr.Register;
import io.krrkit.local.internal.maskinporten.AccessTokenVerifier;
import io.krrkit.local.internal.maskinporten.InvalidTokenException;
import io.krrkit.local.internal.signing.SigningKeys;
import io.krrkit.maskinporten.validation.MaskinportenClaims;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The user-driven lookup (spec.md#user-driven-lookup): {@code GET /rest/v1/person} and {@code PATCH
 * /rest/v1/person} with an ID-porten token, and {@code GET /rest/v2/person} with a
 * person-restricted Maskinporten token. The answer is one person object, as JSON or, for {@code
 * Accept: application/jose}, as a compact JWS (RS256) of that JSON signed with the key at {@code
 * {krr}/jwk}.
 */
final class PersonEndpoint {
  static final String JOSE = "application/jose";

  private final OwnRecord records;
  private final UserTokenVerifier users;
  private final AccessTokenVerifier machines;
  private final SigningKeys key;
  private final JsonWriter json;

  PersonEndpoint(
      OwnRecord records,
      UserTokenVerifier users,
      AccessTokenVerifier machines,
      SigningKeys key,
      JsonWriter json) {
    this.records = records;
    this.users = users;
    this.machines = machines;
    this.key = key;
    this.json = json;
  }

  void readV1(Context ctx) {
    UserToken token = user(ctx);
    if (!OwnRecord.permitsRead(token.scopes())) {
      throw LookupError.insufficientScope(
          "reading the own record needs scope krr:user/kontaktinformasjon.read or"
              + " krr:user/digitalpost.read; ask for it in the authorization request",
          OwnRecord.USER_KONTAKTINFORMASJON_READ + " " + OwnRecord.USER_DIGITALPOST_READ);
    }
    answer(ctx, records.read(token.pid(), token.scopes()));
  }

  void patchV1(Context ctx) {
    UserToken token = user(ctx);
    if (!token.hasScope(OwnRecord.USER_SPRAAK_WRITE)) {
      throw LookupError.insufficientScope(
          "changing the language needs scope krr:user/spraak.write",
          OwnRecord.USER_SPRAAK_WRITE.value());
    }
    boolean changed;
    try {
      changed = records.setSpraak(token.pid(), spraak(ctx.bodyAsBytes()));
    } catch (IllegalArgumentException e) {
      throw LookupError.invalidRequest(e.getMessage());
    }
    if (!changed) {
      throw LookupError.notFound(
          "the logged-in person has no active record in the register; nothing to change");
    }
    ctx.status(204);
  }

  void readV2(Context ctx) {
    MaskinportenClaims token;
    try {
      token = machines.verify(ctx.header("Authorization"));
    } catch (InvalidTokenException e) {
      throw LookupError.invalidToken(e.getMessage());
    }
    if (!Register.permitsLookup(token.scopes())) {
      throw LookupError.insufficientScope(
          "the person API needs scope krr:global/kontaktinformasjon.read or"
              + " krr:global/digitalpost.read",
          Scope.KRR_KONTAKTINFORMASJON_READ + " " + Scope.KRR_DIGITALPOST_READ);
    }
    if (token.pid() == null || !Personidentifikator.isValid(token.pid())) {
      throw LookupError.invalidToken(
          "the token is not person-restricted; put the person's pid in the Maskinporten grant");
    }
    answer(ctx, records.readWithGlobalScopes(Personidentifikator.of(token.pid()), token.scopes()));
  }

  private UserToken user(Context ctx) {
    try {
      return users.verify(ctx.header("Authorization"));
    } catch (InvalidTokenException e) {
      throw LookupError.invalidToken(e.getMessage());
    }
  }

  private void answer(Context ctx, Person person) {
    String accept = ctx.header("Accept");
    if (accept != null && accept.toLowerCase(Locale.ROOT).contains(JOSE)) {
      String payload = new String(jsonBytes(person), StandardCharsets.UTF_8);
      ctx.status(200).contentType(JOSE).result(key.signPayload(payload, "JOSE"));
    } else {
      json.write(ctx, 200, person);
    }
  }

  private byte[] jsonBytes(Person person) {
    try {
      return json.mapper().writeValueAsBytes(person);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a person", e);
    }
  }

  private String spraak(byte[] body) {
    JsonNode node;
    try {
      node = json.mapper().readTree(body);
    } catch (IOException e) {
      throw LookupError.invalidRequest("the body must be JSON: {\"spraak\": \"en\"}");
    }
    if (node == null || !node.isObject() || !node.path("spraak").isTextual()) {
      throw LookupError.invalidRequest("the body must be {\"spraak\": \"nb|nn|en|se\"}");
    }
    return node.get("spraak").asText();
  }
}
