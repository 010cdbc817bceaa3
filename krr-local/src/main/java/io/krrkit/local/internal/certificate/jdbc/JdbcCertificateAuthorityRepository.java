package io.krrkit.local.internal.certificate.jdbc;

import io.krrkit.local.internal.certificate.CertificateAuthority;
import io.krrkit.local.internal.certificate.CertificateAuthorityRepository;
import io.krrkit.local.internal.certificate.Pem;
import io.krrkit.local.internal.store.Jdbc;
import java.security.GeneralSecurityException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link CertificateAuthorityRepository} on the JDBC store (table {@code certificate_authority}).
 */
public final class JdbcCertificateAuthorityRepository implements CertificateAuthorityRepository {
  private static final int THE_CA = 1;
  private static final String SELECT =
      "SELECT certificate, private_key FROM certificate_authority WHERE id = ?";
  private static final String INSERT =
      "INSERT INTO certificate_authority (id, certificate, private_key, created)"
          + " VALUES (?, ?, ?, ?)";

  private final Jdbc jdbc;

  public JdbcCertificateAuthorityRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<CertificateAuthority> find() {
    return jdbc.queryOne(SELECT, JdbcCertificateAuthorityRepository::map, THE_CA);
  }

  @Override
  public boolean insert(CertificateAuthority authority, Instant created) {
    return jdbc.insertUnlessTaken(
        INSERT,
        THE_CA,
        Pem.encode(authority.certificate()),
        Pem.encode(authority.privateKey()),
        created.toEpochMilli());
  }

  private static CertificateAuthority map(ResultSet rs) throws SQLException {
    try {
      return new CertificateAuthority(
          Pem.certificates(rs.getString("certificate")).get(0),
          Pem.rsaPrivateKey(rs.getString("private_key")));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // Never include the stored text: it holds the private key.
      throw new SQLException("certificate_authority holds a CA that does not parse", e);
    }
  }
}
