package io.krrkit.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.krrkit.core.Masking;
import io.krrkit.local.internal.http.Json;
import java.util.Objects;

/**
 * What a user needs to call the emulator's self-service API: the admin client krr-local keeps for
 * its organisation, holding {@code idporten:dcr.read}, {@code .modify}, {@code .write} and the
 * other self-service scopes, with its private key. Sign a JWT grant with the key ({@code kid} in
 * the header, {@code iss} = {@link #clientId()}, {@code aud} = {@link #issuer()}) to get a token.
 *
 * <pre>{@code
 * Bootstrap b = krr.bootstrap();
 * Files.writeString(Path.of("bootstrap.json"), b.toJson()); // for another process
 * }</pre>
 *
 * {@link #toString()} masks the private key; {@link #toJson()} does not, so treat it as a secret.
 *
 * @param issuer the Maskinporten issuer to ask for tokens ({@code {base}/maskinporten/})
 * @param orgno the organisation owning the admin client
 * @param clientId the admin client's client_id
 * @param kid the key id registered on the client
 * @param privateJwk the RSA 2048 private key as a JWK (JSON)
 */
public record Bootstrap(
    String issuer, String orgno, String clientId, String kid, String privateJwk) {
  private static final ObjectMapper JSON = Json.plain();

  /** Checks that nothing is missing. */
  public Bootstrap {
    Objects.requireNonNull(issuer, "issuer == null");
    Objects.requireNonNull(orgno, "orgno == null");
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(kid, "kid == null");
    Objects.requireNonNull(privateJwk, "privateJwk == null");
  }

  /**
   * {@code {"issuer","orgno","client_id","kid","private_jwk":{…}}}, the private JWK as a JSON
   * object.
   */
  public String toJson() {
    try {
      ObjectNode json = JSON.createObjectNode();
      json.put("issuer", issuer);
      json.put("orgno", orgno);
      json.put("client_id", clientId);
      json.put("kid", kid);
      json.set("private_jwk", JSON.readTree(privateJwk));
      return JSON.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      // No cause: its message may quote the secret key.
      throw new IllegalStateException("the bootstrap private key is not JSON");
    }
  }

  @Override
  public String toString() {
    return "Bootstrap[issuer="
        + issuer
        + ", orgno="
        + orgno
        + ", clientId="
        + clientId
        + ", kid="
        + kid
        + ", privateJwk="
        + Masking.secret(privateJwk)
        + "]";
  }
}
