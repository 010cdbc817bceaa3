-- Who may use which scope (MP-250), who delegated a scope to whom (MP-251), and the on-behalf-of
-- registrations of clients. Portable across H2 and PostgreSQL. Instants are epoch milliseconds;
-- lists are newline-separated text.

-- A scope an API owner registered. A scope with no row is open to every organisation (so clients
-- with ad-hoc test scopes keep working); the built-in Digdir scopes are seeded on start.
CREATE TABLE api_scope (
  name                      VARCHAR(255)  PRIMARY KEY,
  owner_orgno               CHAR(9)       NOT NULL,
  description               VARCHAR(4000),
  accessible_for_all        BOOLEAN       NOT NULL,
  allowed_integration_types VARCHAR(255)  NOT NULL,
  at_max_age                INTEGER       NOT NULL,
  delegation_source         VARCHAR(1024),
  created                   BIGINT        NOT NULL,
  last_updated              BIGINT        NOT NULL
);

-- An organisation's access to a scope that is not accessible for all.
CREATE TABLE scope_access (
  scope          VARCHAR(255) NOT NULL REFERENCES api_scope (name) ON DELETE CASCADE,
  consumer_orgno CHAR(9)      NOT NULL,
  state          VARCHAR(16)  NOT NULL, -- REQUESTED | APPROVED | DENIED
  created        BIGINT       NOT NULL,
  last_updated   BIGINT       NOT NULL,
  PRIMARY KEY (scope, consumer_orgno)
);

-- A consumer organisation delegated its access to a scope to a supplier organisation (as done in
-- Altinn for the real service).
CREATE TABLE delegation (
  consumer_orgno CHAR(9)      NOT NULL,
  supplier_orgno CHAR(9)      NOT NULL,
  scope          VARCHAR(255) NOT NULL,
  created        BIGINT       NOT NULL,
  PRIMARY KEY (consumer_orgno, supplier_orgno, scope)
);

-- The customers a supplier's client acts for (iss_onbehalfof), unique per client.
CREATE TABLE client_onbehalfof (
  client_id    VARCHAR(64)   NOT NULL REFERENCES client (client_id) ON DELETE CASCADE,
  onbehalfof   VARCHAR(64)   NOT NULL,
  orgno        CHAR(9)       NOT NULL,
  name         VARCHAR(255)  NOT NULL,
  description  VARCHAR(4000),
  client_uri   VARCHAR(1024),
  created      BIGINT        NOT NULL,
  last_updated BIGINT        NOT NULL,
  PRIMARY KEY (client_id, onbehalfof)
);
