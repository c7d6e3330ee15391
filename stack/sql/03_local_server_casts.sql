-- Local stack only, applied after the migrations: the local REST server (postrust 3.1.0) binds
-- filter values of an UPDATE's or DELETE's WHERE as text, and PostgreSQL has no `enum = text`
-- operator (PostgREST sends them untyped, so it never meets this). An `=` and `<>` between each
-- enum of the public schema and text lets `PATCH …?status=eq.PENDING` — the compare-and-set
-- the SDK's workflows send — work here as it does on Supabase. Not part of the product's
-- migrations; the functions live in schema mc_local.
\set ON_ERROR_STOP on
CREATE SCHEMA IF NOT EXISTS mc_local;
GRANT USAGE ON SCHEMA mc_local TO anon, authenticated, service_role;
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT y.typname AS short, format('%I.%I', n.nspname, y.typname) AS name
             FROM pg_type y JOIN pg_namespace n ON n.oid = y.typnamespace
            WHERE y.typtype = 'e' AND n.nspname = 'public'
  LOOP
    EXECUTE format('CREATE OR REPLACE FUNCTION mc_local.%I(%s, text) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS $f$ SELECT $1::text = $2 $f$', 'eq_' || t.short, t.name);
    EXECUTE format('CREATE OR REPLACE FUNCTION mc_local.%I(%s, text) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS $f$ SELECT $1::text <> $2 $f$', 'ne_' || t.short, t.name);
    EXECUTE format('CREATE OPERATOR public.= (LEFTARG = %s, RIGHTARG = text, FUNCTION = mc_local.%I)', t.name, 'eq_' || t.short);
    EXECUTE format('CREATE OPERATOR public.<> (LEFTARG = %s, RIGHTARG = text, FUNCTION = mc_local.%I)', t.name, 'ne_' || t.short);
  END LOOP;
END $$;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA mc_local TO anon, authenticated, service_role;
