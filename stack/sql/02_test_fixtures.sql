-- Local stack only: schema mc_test, exposed by the REST server beside public, with functions
-- the SDK's rpc tests call (public has none). Not part of the product's migrations.
\set ON_ERROR_STOP on
CREATE SCHEMA IF NOT EXISTS mc_test;
GRANT USAGE ON SCHEMA mc_test TO anon, authenticated, service_role;

CREATE OR REPLACE FUNCTION mc_test.echo(a integer DEFAULT NULL, b text DEFAULT NULL, tags text[] DEFAULT NULL)
RETURNS json LANGUAGE sql STABLE AS $$ SELECT json_build_object('a', a, 'b', b, 'tags', tags) $$;

CREATE OR REPLACE FUNCTION mc_test.series(n integer)
RETURNS SETOF integer LANGUAGE sql STABLE AS $$ SELECT generate_series(1, n) $$;

CREATE OR REPLACE FUNCTION mc_test.whoami()
RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT auth.uid() $$;

-- Sleeps, for the statement-timeout tests.
CREATE OR REPLACE FUNCTION mc_test.slow(seconds float8)
RETURNS float8 LANGUAGE sql VOLATILE AS $$ SELECT pg_sleep(seconds); SELECT seconds $$;

GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA mc_test TO anon, authenticated, service_role;

-- Tables the SDK's catalogue does not know, so the server (not the SDK) rejects bad values:
-- check, not-null and invalid-value errors; and a range column for the range filters.
CREATE TABLE IF NOT EXISTS mc_test.checked (
  id    integer PRIMARY KEY,
  n     integer CHECK (n > 0),
  label text NOT NULL
);
CREATE TABLE IF NOT EXISTS mc_test.slots (
  id     integer PRIMARY KEY,
  during int4range NOT NULL
);
-- A column with a default, for the bulk-insert test of ?columns= with missing=default.
CREATE TABLE IF NOT EXISTS mc_test.defaults (
  id    integer PRIMARY KEY,
  label text NOT NULL,
  kind  text NOT NULL DEFAULT 'MEDIUM'
);
INSERT INTO mc_test.slots VALUES (1, '[1,5)'), (2, '[5,10)'), (3, '[20,30)') ON CONFLICT DO NOTHING;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA mc_test TO anon, authenticated, service_role;


-- A table whose RLS requires a second factor: rows are readable only with an aal2 access
-- token (`auth.jwt() ->> 'aal'`), as a project guards data behind MFA.
CREATE TABLE IF NOT EXISTS mc_test.aal2_notes (
  id   integer PRIMARY KEY,
  note text NOT NULL
);
ALTER TABLE mc_test.aal2_notes ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS aal2_only ON mc_test.aal2_notes;
CREATE POLICY aal2_only ON mc_test.aal2_notes FOR SELECT TO authenticated
  USING ((auth.jwt() ->> 'aal') = 'aal2');
INSERT INTO mc_test.aal2_notes VALUES (1, 'behind the second factor') ON CONFLICT DO NOTHING;
GRANT SELECT ON mc_test.aal2_notes TO anon, authenticated;
