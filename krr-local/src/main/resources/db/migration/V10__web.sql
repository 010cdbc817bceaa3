-- The self-service web page ("Min side"): what every node on one store must share. Portable across
-- H2 and PostgreSQL. Instants are epoch milliseconds.

-- Secrets of the web page, by name: "session" signs the session cookies (HMAC-SHA256), so every
-- node accepts the sessions of the others. The first node to start inserts it.
CREATE TABLE web_secret (
  name    VARCHAR(64)  PRIMARY KEY,
  secret  VARCHAR(128) NOT NULL, -- base64url of 32 random bytes
  created BIGINT       NOT NULL
);

-- Organisations added on the log-in page, to act for; organisations already in the store (client
-- owners, scope owners and consumers) are offered without a row here.
CREATE TABLE web_organisation (
  orgno   CHAR(9)      PRIMARY KEY,
  name    VARCHAR(255) NOT NULL,
  created BIGINT       NOT NULL
);
-- Digdir owns the built-in scopes, so its number shows up on the log-in page: give it its name.
INSERT INTO web_organisation (orgno, name, created) VALUES ('991825827', 'Digitaliseringsdirektoratet', 0);
