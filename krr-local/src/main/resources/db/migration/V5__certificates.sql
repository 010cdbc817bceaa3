-- The emulator's test CA, which issues test enterprise certificates (virksomhetssertifikat).
-- One row (id = 1): when several nodes create it at once, one insert wins and the others load it.
-- PEM text; the private key is PKCS#8. Created is epoch milliseconds.
CREATE TABLE certificate_authority (
  id          INTEGER        PRIMARY KEY,
  certificate VARCHAR(8000)  NOT NULL,
  private_key VARCHAR(8000)  NOT NULL,
  created     BIGINT         NOT NULL
);
