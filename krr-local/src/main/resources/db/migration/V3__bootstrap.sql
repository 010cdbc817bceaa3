-- The self-service admin client krr-local creates for its organisation on start, with the
-- private key that signs its grants. Kept in the store so it survives restarts and every node on
-- one database hands out the same credential. One row per organisation.
CREATE TABLE admin_client (
  client_orgno CHAR(9)        PRIMARY KEY,
  client_id    VARCHAR(64)    NOT NULL,
  kid          VARCHAR(255)   NOT NULL,
  private_jwk  VARCHAR(16000) NOT NULL,
  created      BIGINT         NOT NULL
);
