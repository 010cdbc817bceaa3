package io.krrkit.maskinporten;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an RSA key from a file, in the forms Maskinporten keys come in: a JWK (as {@code krr
 * keygen} writes it), PEM (PKCS#8 {@code PRIVATE KEY}, PKCS#1 {@code RSA PRIVATE KEY}, {@code
 * PUBLIC KEY} or a {@code CERTIFICATE}; Samarbeidsportalen and krr-local's web page offer PEM) or a
 * PKCS#12 keystore. The form is told from the content, not the file name. A JWK carries its kid;
 * for PEM and PKCS#12 the kid the key was registered with is given separately (a keystore's alias
 * by default).
 *
 * <pre>{@code
 * RSAKey key = KeyFiles.readPrivateKey(Path.of("client.pem"), "my-kid", null);
 * MaskinportenClient.builder()...signingKey(key).build();
 * }</pre>
 *
 * <p>The CLI ({@code --key}) and the Spring Boot starter ({@code krr.maskinporten.key}) read keys
 * here. Errors are {@link MaskinportenConfigException}s that name the file and what to change; they
 * never quote the file's content.
 */
public final class KeyFiles {
  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
  private static final byte[] RSA_ALGORITHM_ID = {
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };

  private KeyFiles() {}

  /**
   * The private key in {@code file}, with a kid: its own (a JWK's), or {@code kid}.
   *
   * @param kid the key id the key is registered under, or {@code null} to take a JWK's own kid (for
   *     a PKCS#12 keystore, the alias of its key entry)
   * @param password the PKCS#12 keystore's password (also the key's), or {@code null}
   * @throws MaskinportenConfigException when the file is missing, not a key this class reads, holds
   *     only a public key, names no kid, or the password is wrong
   */
  public static RSAKey readPrivateKey(Path file, String kid, char[] password) {
    RSAKey rsa = read(file, kid, password);
    if (!rsa.isPrivate()) {
      throw config(
          file
              + " holds no private key (a public key or certificate): give the private key file"
              + " (krr keygen writes PREFIX.jwk; the web page's 'Last ned' gives a PEM)");
    }
    return rsa;
  }

  /**
   * The public part of the key in {@code file} (public or private; JWK, PEM or certificate), with
   * its own kid or {@code kid}.
   *
   * @throws MaskinportenConfigException as {@link #readPrivateKey}
   */
  public static RSAKey readPublicKey(Path file, String kid) {
    return read(file, kid, null).toPublicJWK();
  }

  private static RSAKey read(Path file, String kid, char[] password) {
    Objects.requireNonNull(file, "file == null");
    if (!Files.isRegularFile(file)) {
      throw config(
          "no key file "
              + file
              + (Files.isDirectory(file) ? " (it is a directory)" : "")
              + ": make one with 'krr keygen --out PREFIX' or 'krr init'");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw config("cannot read the key file " + file + ": " + e.getClass().getSimpleName());
    }
    String text = new String(bytes, StandardCharsets.UTF_8).strip();
    if (text.startsWith("{")) {
      return withKid(jwk(file, text), kid, file);
    }
    if (text.contains("-----BEGIN ")) {
      return withKid(pem(file, text), kid, file);
    }
    return pkcs12(file, bytes, kid, password);
  }

  private static RSAKey jwk(Path file, String text) {
    JWK jwk;
    try {
      jwk = JWK.parse(text);
    } catch (ParseException e) {
      throw config(file + " is not a JWK (JSON key): " + e.getMessage().split("\n")[0]);
    } catch (RuntimeException e) {
      throw config(file + " is not a JWK (JSON key)");
    }
    if (!(jwk instanceof RSAKey rsa)) {
      throw config(file + " is not an RSA JWK (Maskinporten takes RSA keys, kty RSA)");
    }
    return rsa;
  }

  private static RSAKey pem(Path file, String text) {
    Matcher m = PEM.matcher(text);
    if (!m.find()) {
      throw config(file + " is not a complete PEM block (-----BEGIN …----- … -----END …-----)");
    }
    String type = m.group(1);
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(m.group(2).replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw config(file + ": the PEM block is not valid base64");
    }
    try {
      return switch (type) {
        case "PRIVATE KEY" ->
            fromPrivate(KeyFactory.getInstance("RSA").generatePrivate(pkcs8(der)));
        case "RSA PRIVATE KEY" ->
            fromPrivate(KeyFactory.getInstance("RSA").generatePrivate(pkcs8(pkcs1ToPkcs8(der))));
        case "PUBLIC KEY" ->
            new RSAKey.Builder(
                    (RSAPublicKey)
                        KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)))
                .build();
        case "CERTIFICATE" -> fromCertificate(der);
        case "ENCRYPTED PRIVATE KEY" ->
            throw config(
                file
                    + " is an encrypted private key: decrypt it first (openssl pkcs8 -in FILE -out"
                    + " PLAIN.pem), or give a PKCS#12 keystore with its password");
        default ->
            throw config(file + " holds a PEM '" + type + "', not an RSA private or public key");
      };
    } catch (GeneralSecurityException | ClassCastException e) {
      throw config(file + " holds a PEM '" + type + "' that is not an RSA key");
    }
  }

  private static RSAKey pkcs12(Path file, byte[] bytes, String kid, char[] password) {
    if (password == null) {
      throw config(
          file
              + " is neither a JWK nor PEM; if it is a PKCS#12 keystore, give the keystore"
              + " password");
    }
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(bytes), password);
      List<String> aliases = Collections.list(store.aliases());
      String alias = aliases.stream().filter(a -> isKey(store, a)).findFirst().orElse(null);
      if (alias == null) {
        throw config(file + " holds no private key entry");
      }
      PrivateKey key = (PrivateKey) store.getKey(alias, password);
      return withKid(fromPrivate(key), kid != null ? kid : alias, file);
    } catch (IOException e) {
      throw config(file + " is not a readable PKCS#12 keystore, or the password is wrong");
    } catch (GeneralSecurityException | ClassCastException e) {
      throw config(file + ": the keystore's key is not an RSA key");
    }
  }

  private static boolean isKey(KeyStore store, String alias) {
    try {
      return store.isKeyEntry(alias);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static RSAKey fromPrivate(java.security.Key key) throws GeneralSecurityException {
    if (!(key instanceof RSAPrivateCrtKey crt)) {
      throw new GeneralSecurityException("not an RSA CRT private key");
    }
    RSAPublicKey pub =
        (RSAPublicKey)
            KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    return new RSAKey.Builder(pub).privateKey(crt).build();
  }

  private static RSAKey fromCertificate(byte[] der) throws GeneralSecurityException {
    X509Certificate cert =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    return new RSAKey.Builder((RSAPublicKey) cert.getPublicKey()).build();
  }

  private static RSAKey withKid(RSAKey key, String kid, Path file) {
    if (kid != null) {
      return new RSAKey.Builder(key)
          .keyID(kid)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .build();
    }
    if (key.getKeyID() == null) {
      throw config(
          file
              + " names no key id (PEM and PKCS#12 never do): give the kid the key was registered"
              + " with");
    }
    return key;
  }

  private static PKCS8EncodedKeySpec pkcs8(byte[] der) {
    return new PKCS8EncodedKeySpec(der);
  }

  /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo, which the JDK reads. */
  private static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
    byte[] version = {0x02, 0x01, 0x00};
    byte[] octets = der(0x04, pkcs1);
    byte[] body = new byte[version.length + RSA_ALGORITHM_ID.length + octets.length];
    System.arraycopy(version, 0, body, 0, version.length);
    System.arraycopy(RSA_ALGORITHM_ID, 0, body, version.length, RSA_ALGORITHM_ID.length);
    System.arraycopy(octets, 0, body, version.length + RSA_ALGORITHM_ID.length, octets.length);
    return der(0x30, body);
  }

  private static byte[] der(int tag, byte[] content) {
    int n = content.length;
    byte[] length;
    if (n < 0x80) {
      length = new byte[] {(byte) n};
    } else if (n < 0x100) {
      length = new byte[] {(byte) 0x81, (byte) n};
    } else if (n < 0x10000) {
      length = new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
    } else {
      length = new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
    }
    byte[] out = new byte[1 + length.length + n];
    out[0] = (byte) tag;
    System.arraycopy(length, 0, out, 1, length.length);
    System.arraycopy(content, 0, out, 1 + length.length, n);
    return out;
  }

  private static MaskinportenConfigException config(String message) {
    return new MaskinportenConfigException(message);
  }
}
