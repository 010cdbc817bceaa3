-- Maskinporten: the emulator's own signing keys and the grant replay cache. Portable across H2
-- and PostgreSQL. Instants are epoch milliseconds.

-- generation is unique: when several nodes start on an empty store at once, only one of them
-- inserts generation 1 and the others load that key. The newest ACTIVE generation signs; every
-- ACTIVE key is published; RETIRED keys are neither.
CREATE TABLE signing_key (
  kid        VARCHAR(64)    PRIMARY KEY,
  generation INTEGER        NOT NULL UNIQUE,
  jwk        VARCHAR(16000) NOT NULL,
  created    BIGINT         NOT NULL,
  state      VARCHAR(16)    NOT NULL
);

-- One row per accepted JWT grant, keyed by the SHA-256 of its jti, kept until the grant expires.
CREATE TABLE used_grant (
  jti_hash   CHAR(43)       PRIMARY KEY,
  expires    BIGINT         NOT NULL
);
CREATE INDEX used_grant_expires_idx ON used_grant (expires);
