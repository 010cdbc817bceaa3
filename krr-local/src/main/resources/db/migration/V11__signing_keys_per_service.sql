-- One signing-key store for every emulated service that signs (maskinporten, idporten,
-- kontaktregisteret), each with its own generations and rotation. The two tables it replaces are
-- copied over: Maskinporten's rotating keys (signing_key) and the single key of each other service
-- (service_signing_key, which becomes generation 1, signing since it was created). The kid is not
-- a column: it is inside the JWK, and nothing looks a key up by it in SQL.
CREATE TABLE emulator_signing_key (
  service    VARCHAR(64)    NOT NULL,
  generation INTEGER        NOT NULL,
  jwk        VARCHAR(16000) NOT NULL, -- private JWK (JSON)
  created    BIGINT         NOT NULL,
  state      VARCHAR(16)    NOT NULL,
  activates  BIGINT         NOT NULL,
  PRIMARY KEY (service, generation)
);

INSERT INTO emulator_signing_key (service, generation, jwk, created, state, activates)
  SELECT 'maskinporten', generation, jwk, created, state, activates FROM signing_key;

INSERT INTO emulator_signing_key (service, generation, jwk, created, state, activates)
  SELECT service, 1, jwk, created, 'ACTIVE', created FROM service_signing_key;

DROP TABLE signing_key;
DROP TABLE service_signing_key;
