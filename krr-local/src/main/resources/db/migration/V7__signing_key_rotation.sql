-- Rotation of the emulator's signing keys: each key starts signing at its activation instant
-- (epoch milliseconds). A rotation inserts the next generation with an activation some time
-- ahead, so the key is published at the JWKS endpoint before it signs; a key stops signing when
-- the next generation activates and stays published until the tokens it signed have expired.
ALTER TABLE signing_key ADD COLUMN activates BIGINT;
UPDATE signing_key SET activates = created;
ALTER TABLE signing_key ALTER COLUMN activates SET NOT NULL;
