-- The KRR register: one row per person the register knows (AKTIV or SLETTET); unknown persons
-- have no row. Portable across H2 and PostgreSQL. Instants are epoch milliseconds.
-- Certificates live in their own table, keyed by fingerprint, because seeded populations share
-- one test certificate: kept inline it would add ~1.2 KB to every second row.
CREATE TABLE person_certificate (
  fingerprint VARCHAR(64)    PRIMARY KEY, -- SHA-256 (hex) of der_base64
  der_base64  VARCHAR(16000) NOT NULL
);

-- Change ids feed the change feed (hentEndringer); KRR's are above 200 000 000.
CREATE SEQUENCE person_change_seq START WITH 200000001;

CREATE TABLE person (
  personidentifikator                VARCHAR(11)  PRIMARY KEY,
  status                             VARCHAR(16)  NOT NULL, -- AKTIV | SLETTET
  reservasjon                        VARCHAR(3)   NOT NULL, -- JA | NEI
  reservasjonstidspunkt              BIGINT,
  reservasjon_oppdatert              BIGINT,
  epostadresse                       VARCHAR(320),
  epostadresse_oppdatert             BIGINT,
  epostadresse_sist_verifisert       BIGINT,
  epostadresse_duplisert             VARCHAR(3),
  mobiltelefonnummer                 VARCHAR(32),
  mobiltelefonnummer_oppdatert       BIGINT,
  mobiltelefonnummer_sist_verifisert BIGINT,
  mobiltelefonnummer_duplisert       VARCHAR(3),
  postkasseadresse                   VARCHAR(255),
  postkasseleverandoeradresse        VARCHAR(9),
  certificate_fingerprint            VARCHAR(64)  REFERENCES person_certificate (fingerprint),
  spraak                             VARCHAR(8),
  spraak_oppdatert                   BIGINT,
  change_id                          BIGINT       NOT NULL
);
CREATE UNIQUE INDEX person_change_idx ON person (change_id);
