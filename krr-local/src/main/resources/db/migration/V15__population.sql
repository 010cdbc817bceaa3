-- The KRR register's computed population. Portable across H2 and PostgreSQL. Instants are epoch
-- milliseconds.
--
-- The synthetic population is a pure function of (population, seed, drawn_at) in register_seed:
-- the store holds only what was written over it (rows of person) and the persons purged from it
-- (person_forgotten). drawn_at stays NULL in a store seeded before this migration: its persons
-- are all stored rows and nothing is computed, until the operator API's seed or a reset draws a
-- population.
ALTER TABLE register_seed ADD COLUMN drawn_at BIGINT;

-- Persons of the computed population that the register forgets (the operator API's purge), so
-- lookups answer IKKE_REGISTRERT for them. A write to the person removes the row.
CREATE TABLE person_forgotten (
  personidentifikator VARCHAR(11) PRIMARY KEY
);

-- The change feed lists the computed population first, one change id per person from 200000001
-- on (at most 10 000 009 of them), then what was written over it: stored writes take ids above
-- the population's.
ALTER SEQUENCE person_change_seq RESTART WITH 211000001;
