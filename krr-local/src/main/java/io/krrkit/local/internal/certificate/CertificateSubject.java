package io.krrkit.local.internal.certificate;

import io.krrkit.core.OrgNumber;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The subject of a Norwegian enterprise certificate, as Buypass and Commfides write it: the
 * organisation number in {@code SERIALNUMBER} (2.5.4.5) and, in SEID 2.0 certificates, in {@code
 * organizationIdentifier} (2.5.4.97) as {@code NTRNO-<orgno>}.
 */
final class CertificateSubject {
  /** Prefix of the organisation number in {@code organizationIdentifier} (ETSI EN 319 412-1). */
  static final String NTRNO = "NTRNO-";

  private CertificateSubject() {}

  /** {@code CN=name, O=name, SERIALNUMBER=orgno, organizationIdentifier=NTRNO-orgno, C=NO}. */
  static X500Name enterprise(OrgNumber org, String name) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, "NO")
        .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, NTRNO + org.value())
        .addRDN(BCStyle.SERIALNUMBER, org.value())
        .addRDN(BCStyle.O, name)
        .addRDN(BCStyle.CN, name)
        .build();
  }

  /** The distinct valid organisation numbers the subject of {@code certificate} names. */
  static Set<OrgNumber> orgNumbers(X509Certificate certificate) {
    X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    Set<OrgNumber> found = new LinkedHashSet<>();
    for (String serial : values(subject, BCStyle.SERIALNUMBER)) {
      addIfValid(found, serial);
    }
    for (String identifier : values(subject, BCStyle.ORGANIZATION_IDENTIFIER)) {
      if (identifier.startsWith(NTRNO)) {
        addIfValid(found, identifier.substring(NTRNO.length()));
      }
    }
    return found;
  }

  private static List<String> values(X500Name name, ASN1ObjectIdentifier type) {
    return java.util.Arrays.stream(name.getRDNs(type))
        .map(RDN::getFirst)
        .map(t -> text(t.getValue()))
        .toList();
  }

  private static String text(ASN1Encodable value) {
    return value instanceof ASN1String s ? s.getString() : value.toString();
  }

  private static void addIfValid(Set<OrgNumber> found, String value) {
    if (OrgNumber.isValid(value)) {
      found.add(OrgNumber.of(value));
    }
  }
}
