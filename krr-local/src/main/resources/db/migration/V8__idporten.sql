-- The ID-porten emulator subset: what every node on one store must share.
-- Instants are epoch milliseconds. Codes and refresh tokens are stored as SHA-256 hashes, so the
-- store never holds a value a client could present.

-- One RSA signing key per emulated service that signs with its own key (idporten, kontaktregisteret).
CREATE TABLE service_signing_key (
  service VARCHAR(64)    PRIMARY KEY,
  jwk     VARCHAR(16000) NOT NULL, -- private JWK (JSON)
  created BIGINT         NOT NULL
);

-- Authorization codes: single use (used flips once), short-lived.
CREATE TABLE idporten_authorization_code (
  code_hash      VARCHAR(64)   PRIMARY KEY,
  client_id      VARCHAR(64)   NOT NULL,
  redirect_uri   VARCHAR(1024) NOT NULL,
  scope          VARCHAR(8000) NOT NULL,
  nonce          VARCHAR(512),
  code_challenge VARCHAR(128)  NOT NULL,
  pid            VARCHAR(11)   NOT NULL,
  auth_time      BIGINT        NOT NULL,
  expires        BIGINT        NOT NULL,
  used           BOOLEAN       NOT NULL
);

-- Refresh tokens: ONETIME ones are spent on use (used flips once).
CREATE TABLE idporten_refresh_token (
  token_hash VARCHAR(64)   PRIMARY KEY,
  client_id  VARCHAR(64)   NOT NULL,
  scope      VARCHAR(8000) NOT NULL,
  pid        VARCHAR(11)   NOT NULL,
  auth_time  BIGINT        NOT NULL,
  expires    BIGINT        NOT NULL,
  used       BOOLEAN       NOT NULL
);
