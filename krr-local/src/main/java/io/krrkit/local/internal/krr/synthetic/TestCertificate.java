package io.krrkit.local.internal.krr.synthetic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The certificate synthetic persons with a digital post mailbox carry: a self-signed RSA-2048 test
 * certificate ({@code CN=krr-kit synthetic person, O=krr-kit test data, C=NO}, valid 2024-2123),
 * base64 DER as KRR answers {@code sertifikat}. Its private key was discarded: nothing sent to it
 * can be read, as befits test data.
 */
final class TestCertificate {
  static final String BASE64 = load("digital-post-certificate.b64");

  private TestCertificate() {}

  private static String load(String resource) {
    try (InputStream in = TestCertificate.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
