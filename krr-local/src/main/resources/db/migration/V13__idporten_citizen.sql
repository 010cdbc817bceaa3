-- ID-porten for citizen-facing services: client secrets, pushed authorization requests, SSO
-- sessions (logout, prompt=login), levels of assurance, revocation. Instants are epoch ms; secrets,
-- request_uris, session cookies and tokens are stored as SHA-256 hashes only.

-- One static secret per client (client_secret_basic / client_secret_post), shown once.
CREATE TABLE client_secret (
  client_id   VARCHAR(64) PRIMARY KEY REFERENCES client (client_id) ON DELETE CASCADE,
  secret_hash VARCHAR(64) NOT NULL,
  created     BIGINT      NOT NULL,
  expires     BIGINT      NOT NULL
);

-- Front-channel logout: ID-porten frames this URI when a session the client is in ends.
ALTER TABLE client ADD COLUMN frontchannel_logout_uri VARCHAR(1024);

-- Pushed authorization requests: a request_uri is single use, short-lived, bound to its client.
CREATE TABLE idporten_pushed_request (
  request_hash VARCHAR(64)    PRIMARY KEY,
  client_id    VARCHAR(64)    NOT NULL,
  parameters   VARCHAR(16000) NOT NULL, -- the pushed form, application/x-www-form-urlencoded
  expires      BIGINT         NOT NULL,
  used         BOOLEAN        NOT NULL
);

-- SSO sessions: the browser holds a cookie (stored hashed), clients get the sid in ID tokens.
CREATE TABLE idporten_session (
  sid         VARCHAR(64) PRIMARY KEY,
  cookie_hash VARCHAR(64) NOT NULL UNIQUE,
  pid         VARCHAR(11) NOT NULL,
  acr         VARCHAR(64) NOT NULL,
  auth_time   BIGINT      NOT NULL,
  ended       BOOLEAN     NOT NULL
);

-- The clients a session logged in to, for front-channel logout.
CREATE TABLE idporten_session_client (
  sid       VARCHAR(64) NOT NULL REFERENCES idporten_session (sid) ON DELETE CASCADE,
  client_id VARCHAR(64) NOT NULL,
  joined    BIGINT      NOT NULL,
  PRIMARY KEY (sid, client_id)
);

-- Codes and refresh tokens carry the level of assurance and the session of the log-in.
ALTER TABLE idporten_authorization_code ADD COLUMN acr VARCHAR(64);
ALTER TABLE idporten_authorization_code ADD COLUMN sid VARCHAR(64);
ALTER TABLE idporten_refresh_token ADD COLUMN acr VARCHAR(64);
ALTER TABLE idporten_refresh_token ADD COLUMN sid VARCHAR(64);
ALTER TABLE idporten_refresh_token ADD COLUMN revoked BOOLEAN DEFAULT FALSE NOT NULL;
-- The hash of the code a refresh token descends from: a code redeemed twice revokes its tokens.
ALTER TABLE idporten_refresh_token ADD COLUMN origin VARCHAR(64);

-- Access tokens issued, by jti: introspection answers active only for an issued, unrevoked one.
CREATE TABLE idporten_access_token (
  jti       VARCHAR(64)   PRIMARY KEY,
  client_id VARCHAR(64)   NOT NULL,
  pid       VARCHAR(11)   NOT NULL,
  sid       VARCHAR(64),
  scope     VARCHAR(8000) NOT NULL,
  origin    VARCHAR(64), -- the hash of the code it descends from
  expires   BIGINT        NOT NULL,
  revoked   BOOLEAN       NOT NULL
);
CREATE INDEX idporten_access_token_grant_idx ON idporten_access_token (client_id, pid);
