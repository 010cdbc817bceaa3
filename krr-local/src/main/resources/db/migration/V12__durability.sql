-- Crash safety. Portable across H2 and PostgreSQL. Instants are epoch milliseconds.

-- One row the emulator rewrites to learn whether a failed store takes writes again (WriteGate).
CREATE TABLE store_probe (
  id     INTEGER PRIMARY KEY,
  probed BIGINT  NOT NULL
);
INSERT INTO store_probe (id, probed) VALUES (1, 0);

-- Seeding of the KRR register. state: NONE (never seeded), SEEDING (a seed began and has not
-- finished: if no node holds the lock below, it was cut short and the next start redoes it) or
-- DONE. A store seeded before this table existed counts as DONE.
CREATE TABLE register_seed (
  id         INTEGER     PRIMARY KEY,
  state      VARCHAR(16) NOT NULL,
  population INTEGER,
  seed       BIGINT,
  updated    BIGINT      NOT NULL
);
INSERT INTO register_seed (id, state, updated)
  SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM person) THEN 'DONE' ELSE 'NONE' END, 0;

-- The node that seeds keeps this row locked (SELECT ... FOR UPDATE) in an open transaction for as
-- long as it seeds; the lock goes when its transaction or connection ends, crash included.
CREATE TABLE register_seed_lock (
  id INTEGER PRIMARY KEY
);
INSERT INTO register_seed_lock (id) VALUES (1);
