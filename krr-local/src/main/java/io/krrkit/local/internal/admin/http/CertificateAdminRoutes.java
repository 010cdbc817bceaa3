package io.krrkit.local.internal.admin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.krrkit.core.OrgNumber;
import io.krrkit.local.internal.certificate.EnterpriseCertificateRequest;
import io.krrkit.local.internal.certificate.EnterpriseCertificates;
import io.krrkit.local.internal.certificate.Pem;
import io.krrkit.local.internal.http.Json;
import io.krrkit.local.internal.http.RequestBody;
import java.io.IOException;
import java.util.Arrays;

/**
 * Operator API for test enterprise certificates: {@code POST /admin/certificates
 * {"orgno","password","name"?}} answers a PKCS#12 file (key and chain, alias {@code
 * virksomhetssertifikat}) issued by the emulator's test CA; {@code GET /admin/ca} answers the CA
 * certificate as PEM, for API owners who want to trust it.
 */
public final class CertificateAdminRoutes {
  /** Media type of the issued PKCS#12 file. */
  public static final String PKCS12 = "application/x-pkcs12";

  private static final ObjectMapper JSON = Json.plain();
  private static final String USAGE =
      "body must be {\"orgno\": \"<9 digits>\", \"password\": \"<PKCS#12 password>\","
          + " \"name\": \"<optional, at most 64 characters>\"}";

  private final EnterpriseCertificates certificates;

  /** Serves {@code certificates}. */
  public CertificateAdminRoutes(EnterpriseCertificates certificates) {
    this.certificates = certificates;
  }

  /** Adds {@code POST /admin/certificates} and {@code GET /admin/ca}. */
  public void register(RoutesConfig routes) {
    routes.post("/admin/certificates", this::issue);
    routes.get("/admin/ca", this::ca);
  }

  private void issue(Context ctx) {
    JsonNode body;
    try {
      body = JSON.readTree(RequestBody.text(ctx));
    } catch (IOException e) {
      AdminErrors.badRequest(ctx, USAGE);
      return;
    }
    String orgno = text(body, "orgno");
    String password = text(body, "password");
    if (orgno == null || !OrgNumber.isValid(orgno)) {
      AdminErrors.badRequest(ctx, "orgno must be a 9-digit organisation number; " + USAGE);
      return;
    }
    if (password != null && !password.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
      // PKCS#12 key derivation (PBKDF2) takes printable ASCII only; found by fuzzing.
      AdminErrors.badRequest(ctx, "password must be printable ASCII; " + USAGE);
      return;
    }
    if (password == null || password.isEmpty()) {
      AdminErrors.badRequest(ctx, "password is required; " + USAGE);
      return;
    }
    EnterpriseCertificateRequest request;
    try {
      request = new EnterpriseCertificateRequest(OrgNumber.of(orgno), text(body, "name"));
    } catch (IllegalArgumentException e) {
      AdminErrors.badRequest(ctx, e.getMessage());
      return;
    }
    char[] secret = password.toCharArray();
    try {
      ctx.contentType(PKCS12)
          .header("Content-Disposition", "attachment; filename=\"" + orgno + ".p12\"")
          .result(certificates.issue(request).toPkcs12(secret));
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  private void ca(Context ctx) {
    ctx.contentType("application/x-pem-file").result(Pem.encode(certificates.caCertificate()));
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body == null ? null : body.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
