-- What the emulator knows in place of Altinn's registers for Maskinporten's authorization_details
-- (RAR): system users (urn:altinn:systemuser) and consents (urn:altinn:consent). Portable across
-- H2 and PostgreSQL. Instants are epoch milliseconds.

-- A system user: a customer organisation (orgno) gave rights to a supplier's system (system_id,
-- linked to one Maskinporten client). external_ref tells several system users of one system and
-- customer apart; Altinn sets it to the organisation number when none is given.
CREATE TABLE altinn_system_user (
  id           VARCHAR(36)  PRIMARY KEY,
  system_id    VARCHAR(255) NOT NULL,
  orgno        CHAR(9)      NOT NULL,
  client_id    VARCHAR(64)  NOT NULL,
  external_ref VARCHAR(255) NOT NULL,
  created      BIGINT       NOT NULL,
  UNIQUE (client_id, orgno, external_ref)
);

-- A consent a person or organisation (from_party, urn:altinn:person:identifier-no:... or
-- urn:altinn:organization:identifier-no:...) gave to an organisation (to_orgno), valid until
-- valid_to. consent_rights is the JSON array written into the token.
CREATE TABLE altinn_consent (
  id             VARCHAR(36)   PRIMARY KEY,
  from_party     VARCHAR(128)  NOT NULL,
  to_orgno       CHAR(9)       NOT NULL,
  consented      BIGINT        NOT NULL,
  valid_to       BIGINT        NOT NULL,
  consent_rights VARCHAR(16000) NOT NULL,
  created        BIGINT        NOT NULL
);
