package io.krrkit.cli;

import io.krrkit.core.OrgNumber;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code krr cert}: test enterprise certificates (virksomhetssertifikat) from krr-local's test CA,
 * through its operator API ({@code krr serve --admin}).
 */
@Command(
    name = "cert",
    mixinStandardHelpOptions = true,
    description =
        "Test enterprise certificates from krr-local's test CA (needs 'krr serve --admin').",
    subcommands = {CertCommand.Issue.class, CertCommand.Ca.class})
final class CertCommand {
  /** Alias of the key entry in the PKCS#12 files krr-local issues. */
  static final String ALIAS = "virksomhetssertifikat";

  /** {@code krr cert issue}. */
  @Command(
      name = "issue",
      mixinStandardHelpOptions = true,
      description = {
        "Issues a test enterprise certificate for an organisation.",
        "A PKCS#12 file with the key and chain (alias " + ALIAS + "), mode 600. Sign grants:",
        "krr token --keystore FILE --client-id ID (for a client without registered keys)."
      })
  static final class Issue extends AdminCommand.Operator implements Callable<Integer> {
    @Option(names = "--orgno", required = true, description = "Organisation number (9 digits).")
    String orgno;

    @Option(names = "--out", required = true, description = "PKCS#12 file to write (.p12).")
    Path out;

    @Option(
        names = "--password",
        defaultValue = "${env:KRR_CERT_PASSWORD}",
        description = "Password of the PKCS#12 file (prefer the env KRR_CERT_PASSWORD).")
    String password;

    @Option(
        names = "--name",
        description = "O and CN of the certificate (default: TEST VIRKSOMHET <orgno>).")
    String name;

    @Option(names = "--force", description = "Replace --out if it exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
      if (!OrgNumber.isValid(orgno)) {
        throw new CliErrors.Failure(
            ExitCode.USAGE,
            "--orgno must be a 9-digit organisation number with a valid check digit");
      }
      if (password == null || password.isEmpty()) {
        throw new CliErrors.Failure(
            ExitCode.USAGE, "give the PKCS#12 password: --password, or the env KRR_CERT_PASSWORD");
      }
      Map<String, String> request = new LinkedHashMap<>();
      request.put("orgno", orgno);
      request.put("password", password);
      if (name != null) {
        request.put("name", name);
      }
      byte[] p12 = api().sendForBytes("POST", "/admin/certificates", request);
      SecretFiles.write(out, p12, force);
      return summary(certificate(p12));
    }

    private X509Certificate certificate(byte[] p12) throws IOException {
      try {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(p12), password.toCharArray());
        return (X509Certificate) store.getCertificate(ALIAS);
      } catch (GeneralSecurityException e) {
        throw new IOException("the emulator answered a PKCS#12 file that does not open", e);
      }
    }

    private int summary(X509Certificate certificate) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("file", out.toString());
      body.put("alias", ALIAS);
      body.put("orgno", orgno);
      body.put("subject", certificate.getSubjectX500Principal().getName());
      body.put("not_after", certificate.getNotAfter().toInstant().toString());
      PrintWriter printer = spec.commandLine().getOut();
      if (json) {
        Output.json(printer, body);
      } else {
        printer.printf(
            "wrote %s (mode 600): enterprise certificate for %s, alias %s, valid until %s%n",
            out, orgno, ALIAS, body.get("not_after"));
      }
      return ExitCode.OK.code;
    }
  }

  /** {@code krr cert ca}. */
  @Command(
      name = "ca",
      mixinStandardHelpOptions = true,
      description = "Prints krr-local's test CA certificate (PEM), for API owners to trust.")
  static final class Ca extends AdminCommand.Operator implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      byte[] pem = api().sendForBytes("GET", "/admin/ca", null);
      spec.commandLine().getOut().print(new String(pem, StandardCharsets.US_ASCII));
      spec.commandLine().getOut().flush();
      return ExitCode.OK.code;
    }
  }
}
