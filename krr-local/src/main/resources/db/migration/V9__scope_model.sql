-- The rest of the self-service scope model (SPEC §4): what API owners set on their scopes through
-- /scopes. Portable across H2 and PostgreSQL: one ADD COLUMN per statement, each with a default,
-- so scopes registered before keep working (active, PUBLIC, SELF_CONTAINED).
ALTER TABLE api_scope ADD COLUMN long_description VARCHAR(4000);
ALTER TABLE api_scope ADD COLUMN active BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE api_scope ADD COLUMN visibility VARCHAR(16) DEFAULT 'PUBLIC' NOT NULL;
ALTER TABLE api_scope ADD COLUMN token_type VARCHAR(16) DEFAULT 'SELF_CONTAINED' NOT NULL;
ALTER TABLE api_scope ADD COLUMN authorization_max_lifetime INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE api_scope ADD COLUMN requires_user_consent BOOLEAN DEFAULT FALSE NOT NULL;
