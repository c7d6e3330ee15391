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

GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA mc_test TO anon, authenticated, service_role;
