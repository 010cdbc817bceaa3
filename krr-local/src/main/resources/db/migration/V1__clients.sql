-- Registered clients (integrations) and their keys. Portable across H2 and PostgreSQL.
-- Instants are epoch milliseconds; lists are newline-separated text.
CREATE TABLE client (
  client_id                  VARCHAR(64)   PRIMARY KEY,
  client_orgno               CHAR(9)       NOT NULL,
  supplier_orgno             CHAR(9),
  integration_type           VARCHAR(32)   NOT NULL,
  client_name                VARCHAR(255),
  description                VARCHAR(4000),
  client_uri                 VARCHAR(1024),
  application_type           VARCHAR(32),
  token_endpoint_auth_method VARCHAR(64),
  grant_types                VARCHAR(4000) NOT NULL,
  scopes                     VARCHAR(8000) NOT NULL,
  redirect_uris              VARCHAR(8000) NOT NULL,
  post_logout_redirect_uris  VARCHAR(8000) NOT NULL,
  access_token_lifetime      INTEGER       NOT NULL,
  authorization_lifetime     INTEGER       NOT NULL,
  refresh_token_lifetime     INTEGER       NOT NULL,
  refresh_token_usage        VARCHAR(16),
  sso_disabled               BOOLEAN       NOT NULL,
  code_challenge_method      VARCHAR(16),
  active                     BOOLEAN       NOT NULL,
  created                    BIGINT        NOT NULL,
  last_updated               BIGINT        NOT NULL
);
CREATE INDEX client_orgno_idx ON client (client_orgno);

-- kid is the primary key: a kid is unique across all clients.
CREATE TABLE client_key (
  kid        VARCHAR(255)  PRIMARY KEY,
  client_id  VARCHAR(64)   NOT NULL REFERENCES client (client_id) ON DELETE CASCADE,
  jwk        VARCHAR(16000) NOT NULL,
  created    BIGINT        NOT NULL,
  expires    BIGINT        NOT NULL
);
CREATE INDEX client_key_client_idx ON client_key (client_id);
