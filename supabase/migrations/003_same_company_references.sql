-- Same-company references (issue 21): every foreign key between two company-owned tables
-- requires both rows to belong to the same company, for every role (anon, authenticated,
-- service_role, the table owner and superusers alike). Without this, RLS checks only a row's own
-- company_id: a tenant could point its rows at another tenant's rows, and ON DELETE CASCADE /
-- SET NULL would then let one tenant's delete destroy or change the other's data.
--
-- The mechanism is triggers, not composite foreign keys, so the generated types (which list
-- foreign keys as Relationships) stay as they are. Nothing is added to schema public: the
-- functions live in schema private, which the type generator and the REST API do not expose.
--
-- * For each foreign key column below, an AFTER INSERT / AFTER UPDATE row trigger compares the
--   referencing row's company (companies: its id) with the referenced row's company_id, looked
--   up by primary key with FOR KEY SHARE (as PostgreSQL's own check does) across RLS.
-- * A refused reference answers exactly as a reference to a row that does not exist: SQLSTATE
--   23503, PostgreSQL's message and detail for that constraint (the detail with the key when the
--   caller may read it and RLS does not apply to the caller, "Key is not present in table ..."
--   otherwise, as PostgreSQL decides), and the same schema/table/constraint fields. The trigger
--   also reports missing rows itself, so which constraint is named never depends on whether
--   another company's row exists. The triggers are named so that they run before PostgreSQL's
--   own foreign-key triggers ("FK_…" sorts before "RI_ConstraintTrigger_…").
-- * A row's company_id cannot change on the tables these references join (BEFORE UPDATE
--   trigger); memory_entries and chat_messages are immutable already (002). Since a referenced
--   row keeps its company for life, a reference checked once stays same-company.
-- * Existing rows are checked at the end (private.assert_same_company): the migration fails if
--   any reference crosses companies.
--
-- Guarded (18): companies.ceo_id, departments.chief_id, agents.department_id, agents.reports_to,
-- tasks.assignee_id, tasks.assigned_by, tasks.department_id, tasks.parent_task_id,
-- escalations.from_agent_id, escalations.to_agent_id, escalations.related_task_id,
-- pulses.agent_id, messages.from_agent_id, messages.to_agent_id, memory_entries.agent_id,
-- memory_entries.department_id, chat_sessions.agent_id, chat_messages.session_id.
-- Not foreign keys between company-owned tables, so not guarded: every company_id → companies
-- (the row's own company), companies.owner_user_id and chat_sessions.user_id → auth.users,
-- memory_entries.related_ids (an array, no foreign key), tasks.project_id and
-- escalations.related_project_id (no foreign key yet).

CREATE SCHEMA IF NOT EXISTS private;
REVOKE ALL ON SCHEMA private FROM PUBLIC;
-- The trigger functions run as the writing role and call private.company_of: every role that may
-- write these tables needs to reach it. Nothing in the schema is usable outside the triggers.
GRANT USAGE ON SCHEMA private TO PUBLIC;

-- The company of a referenced row (NULL when there is no such row), read across RLS. For the
-- triggers only: outside a trigger it refuses, so it cannot be used to probe another company.
-- 'companies' and 'users' answer the id itself when the row exists.
CREATE FUNCTION private.company_of(tbl text, ref uuid)
RETURNS uuid
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = ''
AS $$
BEGIN
  IF pg_catalog.pg_trigger_depth() < 1 THEN
    RAISE EXCEPTION 'private.company_of can only be called by a trigger'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  CASE tbl
    WHEN 'agents' THEN
      RETURN (SELECT r.company_id FROM public.agents r WHERE r.id = ref FOR KEY SHARE);
    WHEN 'departments' THEN
      RETURN (SELECT r.company_id FROM public.departments r WHERE r.id = ref FOR KEY SHARE);
    WHEN 'tasks' THEN
      RETURN (SELECT r.company_id FROM public.tasks r WHERE r.id = ref FOR KEY SHARE);
    WHEN 'chat_sessions' THEN
      RETURN (SELECT r.company_id FROM public.chat_sessions r WHERE r.id = ref FOR KEY SHARE);
    WHEN 'companies' THEN
      RETURN (SELECT r.id FROM public.companies r WHERE r.id = ref);
    WHEN 'users' THEN
      RETURN (SELECT r.id FROM auth.users r WHERE r.id = ref);
  END CASE;
END;
$$;

-- Raises the error PostgreSQL's own foreign-key check raises for a key that is not present
-- (ri_ReportViolation): runs as the writing role, because whether the detail names the key
-- depends on it (RLS active on the table for that role, or no SELECT on the column: no key).
CREATE FUNCTION private.refuse_reference(fk_table regclass, constraint_name text, col text, key text, ref_table text)
RETURNS void
LANGUAGE plpgsql
SET search_path = ''
AS $$
DECLARE
  tbl text;
  nsp text;
BEGIN
  SELECT c.relname, n.nspname INTO tbl, nsp
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE c.oid = fk_table;
  RAISE EXCEPTION USING
    ERRCODE = 'foreign_key_violation',
    MESSAGE = pg_catalog.format('insert or update on table "%s" violates foreign key constraint "%s"', tbl, constraint_name),
    DETAIL = CASE
      WHEN NOT pg_catalog.row_security_active(fk_table) AND pg_catalog.has_column_privilege(fk_table, col, 'SELECT')
      THEN pg_catalog.format('Key (%s)=(%s) is not present in table "%s".', col, key, ref_table)
      ELSE pg_catalog.format('Key is not present in table "%s".', ref_table)
    END,
    SCHEMA = nsp,
    TABLE = tbl,
    CONSTRAINT = constraint_name;
END;
$$;

-- Every writing role runs these two (explicitly, in case default privileges are tightened).
GRANT EXECUTE ON FUNCTION private.company_of(text, uuid) TO PUBLIC;
GRANT EXECUTE ON FUNCTION private.refuse_reference(regclass, text, text, text, text) TO PUBLIC;

CREATE FUNCTION private.company_id_is_fixed()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = ''
AS $$
BEGIN
  RAISE EXCEPTION 'UPDATE of company_id on %.% is forbidden — a row stays in its company.', TG_TABLE_SCHEMA, TG_TABLE_NAME;
END;
$$;

-- Everything else is generated from the catalogue, so that constraint names, column order and
-- the list of guarded keys cannot drift from 001.
DO $gen$
DECLARE
  expected CONSTANT text[] := ARRAY[
    'agents.department_id', 'agents.reports_to', 'chat_messages.session_id', 'chat_sessions.agent_id',
    'companies.ceo_id', 'departments.chief_id', 'escalations.from_agent_id', 'escalations.related_task_id',
    'escalations.to_agent_id', 'memory_entries.agent_id', 'memory_entries.department_id',
    'messages.from_agent_id', 'messages.to_agent_id', 'pulses.agent_id', 'tasks.assigned_by',
    'tasks.assignee_id', 'tasks.department_id', 'tasks.parent_task_id'];
  guarded_keys text[];
  tb record;
  fk record;
  ofk record;
  body text;
  defer text;
  ins_when text;
  upd_when text;
  upd_cols text;
  checks text := '';
BEGIN
  -- Company-owned tables: public tables with a company_id column, and companies (its own id).
  CREATE TEMP TABLE sc_owned ON COMMIT DROP AS
  SELECT c.oid AS relid, c.relname::text AS tbl,
         CASE WHEN c.relname = 'companies' THEN 'id' ELSE 'company_id' END AS company_col
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = 'public' AND c.relkind = 'r'
     AND (c.relname = 'companies'
          OR EXISTS (SELECT 1 FROM pg_attribute a
                      WHERE a.attrelid = c.oid AND a.attname = 'company_id' AND NOT a.attisdropped));

  -- Every foreign key of a company-owned table, in PostgreSQL's checking order (its triggers
  -- fire in creation order), marked guarded when it points at another company-owned table.
  CREATE TEMP TABLE sc_fk ON COMMIT DROP AS
  SELECT k.oid AS conoid, k.conname::text AS conname, f.tbl, f.company_col, a.attname::text AS col,
         r.relname::text AS ref, r.oid AS refid,
         (g.relid IS NOT NULL AND g.tbl <> 'companies') AS guarded, cardinality(k.conkey) AS nkeys
    FROM pg_constraint k
    JOIN sc_owned f ON f.relid = k.conrelid
    JOIN pg_class r ON r.oid = k.confrelid
    LEFT JOIN sc_owned g ON g.relid = k.confrelid
    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
   WHERE k.contype = 'f';

  SELECT array_agg(tbl || '.' || col ORDER BY tbl || '.' || col) INTO guarded_keys FROM sc_fk WHERE guarded;
  IF guarded_keys IS DISTINCT FROM expected THEN
    RAISE EXCEPTION '003: the foreign keys between company-owned tables are not the expected ones'
      USING DETAIL = format('found %s', guarded_keys);
  END IF;
  IF EXISTS (SELECT 1 FROM sc_fk WHERE guarded AND nkeys <> 1) THEN
    RAISE EXCEPTION '003: a guarded foreign key has more than one column';
  END IF;

  FOR tb IN SELECT DISTINCT tbl, company_col FROM sc_fk WHERE guarded ORDER BY tbl LOOP
    body := '';
    ins_when := '';
    upd_when := '';
    upd_cols := '';
    FOR fk IN SELECT * FROM sc_fk WHERE tbl = tb.tbl AND guarded ORDER BY conoid LOOP
      -- Before naming this key, PostgreSQL would name an earlier unguarded key whose row is
      -- missing (the row's own company, a user): leave those to PostgreSQL's own check.
      defer := '';
      FOR ofk IN SELECT * FROM sc_fk WHERE tbl = tb.tbl AND NOT guarded AND conoid < fk.conoid ORDER BY conoid LOOP
        IF ofk.ref NOT IN ('companies', 'users') THEN
          RAISE EXCEPTION '003: unexpected foreign key %.% → %', ofk.tbl, ofk.col, ofk.ref;
        END IF;
        defer := defer || format(
          E'\n      IF NEW.%1$I IS NOT NULL AND (TG_OP = ''INSERT'' OR NEW.%1$I IS DISTINCT FROM OLD.%1$I)'
          || E'\n         AND private.company_of(%2$L, NEW.%1$I) IS NULL THEN RETURN NULL; END IF;',
          ofk.col, ofk.ref);
      END LOOP;
      body := body || format(
        E'\n  -- %1$s.%2$s → %3$s (%4$s)'
        || E'\n  IF NEW.%2$I IS NOT NULL AND (TG_OP = ''INSERT'' OR NEW.%2$I IS DISTINCT FROM OLD.%2$I)'
        || E'\n     AND private.company_of(%3$L, NEW.%2$I) IS DISTINCT FROM NEW.%5$I THEN%6$s'
        || E'\n    PERFORM private.refuse_reference(TG_RELID, %4$L, %2$L, NEW.%2$I::text, %3$L);'
        || E'\n  END IF;',
        fk.tbl, fk.col, fk.ref, fk.conname, tb.company_col, defer);
      ins_when := ins_when || CASE WHEN ins_when = '' THEN '' ELSE ' OR ' END || format('NEW.%I IS NOT NULL', fk.col);
      upd_when := upd_when || CASE WHEN upd_when = '' THEN '' ELSE ' OR ' END || format('OLD.%1$I IS DISTINCT FROM NEW.%1$I', fk.col);
      upd_cols := upd_cols || CASE WHEN upd_cols = '' THEN '' ELSE ', ' END || format('%I', fk.col);
      checks := checks || CASE WHEN checks = '' THEN '' ELSE E'\n  UNION ALL ' END || format(
        'SELECT %1$L::text, %2$L::text, s.id, s.%3$I FROM public.%4$I s JOIN public.%5$I r ON r.id = s.%3$I WHERE r.company_id IS DISTINCT FROM s.%6$I',
        fk.tbl || '.' || fk.col, fk.conname, fk.col, fk.tbl, fk.ref, tb.company_col);
    END LOOP;

    EXECUTE format(
      E'CREATE FUNCTION private.%1$I() RETURNS trigger LANGUAGE plpgsql SET search_path = '''' AS $f$\nBEGIN%2$s\n  RETURN NULL;\nEND;\n$f$',
      'same_company_' || tb.tbl, body);
    EXECUTE format('CREATE TRIGGER "FK_same_company_insert" AFTER INSERT ON public.%1$I FOR EACH ROW WHEN (%2$s) EXECUTE FUNCTION private.%3$I()',
      tb.tbl, ins_when, 'same_company_' || tb.tbl);
    EXECUTE format('CREATE TRIGGER "FK_same_company_update" AFTER UPDATE OF %2$s ON public.%1$I FOR EACH ROW WHEN (%3$s) EXECUTE FUNCTION private.%4$I()',
      tb.tbl, upd_cols, upd_when, 'same_company_' || tb.tbl);
  END LOOP;

  -- company_id is fixed on every table a guarded key starts from or points at (memory_entries
  -- and chat_messages are immutable already).
  FOR tb IN SELECT tbl FROM sc_owned
            WHERE tbl IN (SELECT tbl FROM sc_fk WHERE guarded UNION SELECT ref FROM sc_fk WHERE guarded)
              AND tbl NOT IN ('companies', 'memory_entries', 'chat_messages')
            ORDER BY tbl LOOP
    EXECUTE format('CREATE TRIGGER company_id_is_fixed BEFORE UPDATE OF company_id ON public.%I FOR EACH ROW WHEN (OLD.company_id IS DISTINCT FROM NEW.company_id) EXECUTE FUNCTION private.company_id_is_fixed()', tb.tbl);
  END LOOP;

  -- Every reference that crosses companies: (key, constraint, referencing row, referenced row).
  EXECUTE format(
    E'CREATE FUNCTION private.cross_company_references() RETURNS TABLE (reference text, constraint_name text, row_id uuid, ref_id uuid)\n'
    || E'LANGUAGE sql STABLE SET search_path = '''' AS $f$\n  %s\n$f$', checks);
END
$gen$;

REVOKE ALL ON FUNCTION private.cross_company_references() FROM PUBLIC;

-- Fails (23503) when any reference crosses companies, naming up to 20 of them.
CREATE FUNCTION private.assert_same_company()
RETURNS void
LANGUAGE plpgsql
SET search_path = ''
AS $$
DECLARE
  n bigint;
  sample text;
BEGIN
  SELECT count(*) INTO n FROM private.cross_company_references();
  IF n > 0 THEN
    SELECT string_agg(pg_catalog.format('%s: row %s -> %s', x.reference, x.row_id, x.ref_id), '; ')
      INTO sample
      FROM (SELECT * FROM private.cross_company_references() ORDER BY 1, 3 LIMIT 20) x;
    RAISE EXCEPTION '% row(s) reference another company''s rows', n
      USING ERRCODE = 'foreign_key_violation', DETAIL = sample,
            HINT = 'Point each at a row of its own company (or clear it), then run the migration again.';
  END IF;
END;
$$;
REVOKE ALL ON FUNCTION private.assert_same_company() FROM PUBLIC;

-- Existing rows. CREATE TRIGGER above took each table's lock, held to the end of the migration,
-- so no write can slip in between this check and the triggers.
DO $$ BEGIN PERFORM private.assert_same_company(); END $$;
