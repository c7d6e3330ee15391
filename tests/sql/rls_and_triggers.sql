-- SQL-level suite (pgTAP): every cell of the RLS summary in schema-reference.md, for the owner,
-- another signed-in user and anon; the immutability triggers for every role; the schema counts.
-- Runs inside one transaction that is rolled back: the database is left as it was.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap WITH SCHEMA extensions;
SET LOCAL search_path = public, extensions;

-- ---------------------------------------------------------------- fixtures (as superuser)
CREATE SCHEMA mc_sqltest;
GRANT USAGE ON SCHEMA mc_sqltest TO anon, authenticated, service_role;

INSERT INTO auth.users (id, email) VALUES
  ('aaaaaaaa-0000-4000-8000-00000000000a', 'owner@rls.test'),
  ('bbbbbbbb-0000-4000-8000-00000000000b', 'other@rls.test');

CREATE TEMP TABLE ids (k text PRIMARY KEY, v uuid NOT NULL) ON COMMIT DROP;
GRANT SELECT ON ids TO anon, authenticated, service_role;
INSERT INTO ids VALUES
  ('A', 'aaaaaaaa-0000-4000-8000-00000000000a'), ('B', 'bbbbbbbb-0000-4000-8000-00000000000b'),
  ('company', gen_random_uuid()), ('company_del', gen_random_uuid()), ('company_b', gen_random_uuid()),
  ('ceo', gen_random_uuid()), ('agent2', gen_random_uuid()), ('agent_del', gen_random_uuid()),
  ('department', gen_random_uuid()), ('department_del', gen_random_uuid()),
  ('sector', gen_random_uuid()), ('sector_del', gen_random_uuid()),
  ('task', gen_random_uuid()), ('task_del', gen_random_uuid()),
  ('escalation', gen_random_uuid()), ('escalation_del', gen_random_uuid()),
  ('pulse', gen_random_uuid()), ('pulse_del', gen_random_uuid()),
  ('message', gen_random_uuid()), ('message_del', gen_random_uuid()),
  ('memory', gen_random_uuid()), ('chat_session', gen_random_uuid()), ('chat_message', gen_random_uuid());

CREATE FUNCTION mc_sqltest.id(key text) RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT v FROM ids WHERE k = key $$;

-- Substitutes {name} with the fixture id, quoted.
CREATE FUNCTION mc_sqltest.fill(stmt text) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE r record;
BEGIN
  FOR r IN SELECT k, v FROM ids ORDER BY length(k) DESC LOOP
    stmt := replace(stmt, '{' || r.k || '}', quote_literal(r.v::text));
  END LOOP;
  RETURN stmt;
END $$;

-- Runs one statement as 'owner' (user A), 'other' (user B), 'anon' or 'service', through the
-- same role switch and JWT claims PostgREST performs; returns the rows it touched.
CREATE FUNCTION mc_sqltest.run_as(who text, stmt text) RETURNS int LANGUAGE plpgsql AS $$
DECLARE n int; claims text; sql text := mc_sqltest.fill(stmt);
BEGIN
  claims := CASE who
    WHEN 'owner' THEN json_build_object('sub', mc_sqltest.id('A'), 'role', 'authenticated')::text
    WHEN 'other' THEN json_build_object('sub', mc_sqltest.id('B'), 'role', 'authenticated')::text
    WHEN 'anon' THEN '{"role":"anon"}'
    ELSE '{"role":"service_role"}' END;
  PERFORM set_config('request.jwt.claims', claims, true);
  EXECUTE format('SET LOCAL ROLE %I', CASE who WHEN 'owner' THEN 'authenticated' WHEN 'other' THEN 'authenticated'
                                               WHEN 'anon' THEN 'anon' ELSE 'service_role' END);
  BEGIN
    EXECUTE sql;
    GET DIAGNOSTICS n = ROW_COUNT;
  EXCEPTION WHEN OTHERS THEN
    RESET ROLE;
    RAISE;
  END;
  RESET ROLE;
  RETURN n;
END $$;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA mc_sqltest TO anon, authenticated, service_role;

INSERT INTO companies (id, name, owner_user_id) VALUES
  (mc_sqltest.id('company'), 'RLS Co', mc_sqltest.id('A')),
  (mc_sqltest.id('company_del'), 'RLS Co (to delete)', mc_sqltest.id('A')),
  (mc_sqltest.id('company_b'), 'Other Co', mc_sqltest.id('B'));
INSERT INTO agents (id, company_id, name, role, tier, human) VALUES
  (mc_sqltest.id('ceo'), mc_sqltest.id('company'), 'CEO', 'CEO', 1, true);
INSERT INTO agents (id, company_id, name, role, tier, reports_to) VALUES
  (mc_sqltest.id('agent2'), mc_sqltest.id('company'), 'CTO', 'CTO', 2, mc_sqltest.id('ceo')),
  (mc_sqltest.id('agent_del'), mc_sqltest.id('company'), 'Temp', 'Temp', 5, mc_sqltest.id('ceo'));
UPDATE companies SET ceo_id = mc_sqltest.id('ceo') WHERE id = mc_sqltest.id('company');
INSERT INTO sectors (id, company_id, type) VALUES
  (mc_sqltest.id('sector'), mc_sqltest.id('company'), 'COMMAND'), (mc_sqltest.id('sector_del'), mc_sqltest.id('company'), 'FINANCE');
INSERT INTO departments (id, company_id, type) VALUES
  (mc_sqltest.id('department'), mc_sqltest.id('company'), 'TECHNOLOGY'), (mc_sqltest.id('department_del'), mc_sqltest.id('company'), 'LEGAL');
INSERT INTO tasks (id, company_id, assignee_id, assigned_by, title) VALUES
  (mc_sqltest.id('task'), mc_sqltest.id('company'), mc_sqltest.id('agent2'), mc_sqltest.id('ceo'), 'T'),
  (mc_sqltest.id('task_del'), mc_sqltest.id('company'), mc_sqltest.id('agent2'), mc_sqltest.id('ceo'), 'T2');
INSERT INTO escalations (id, company_id, from_agent_id, to_agent_id, type, trigger, context, impact, recommendation) VALUES
  (mc_sqltest.id('escalation'), mc_sqltest.id('company'), mc_sqltest.id('agent2'), mc_sqltest.id('ceo'), 'AWARENESS', 'MILESTONE', 'c', 'i', 'r'),
  (mc_sqltest.id('escalation_del'), mc_sqltest.id('company'), mc_sqltest.id('agent2'), mc_sqltest.id('ceo'), 'AWARENESS', 'MILESTONE', 'c', 'i', 'r');
INSERT INTO pulses (id, company_id, agent_id) VALUES
  (mc_sqltest.id('pulse'), mc_sqltest.id('company'), mc_sqltest.id('agent2')), (mc_sqltest.id('pulse_del'), mc_sqltest.id('company'), mc_sqltest.id('agent2'));
INSERT INTO messages (id, company_id, from_agent_id, to_agent_id, subject, body, type) VALUES
  (mc_sqltest.id('message'), mc_sqltest.id('company'), mc_sqltest.id('ceo'), mc_sqltest.id('agent2'), 's', 'b', 'DIRECTIVE'),
  (mc_sqltest.id('message_del'), mc_sqltest.id('company'), mc_sqltest.id('ceo'), mc_sqltest.id('agent2'), 's', 'b', 'DIRECTIVE');
INSERT INTO memory_entries (id, company_id, type, summary, agent_id) VALUES
  (mc_sqltest.id('memory'), mc_sqltest.id('company'), 'KNOWLEDGE', 'm', mc_sqltest.id('agent2'));
INSERT INTO chat_sessions (id, company_id, user_id, agent_id) VALUES
  (mc_sqltest.id('chat_session'), mc_sqltest.id('company'), mc_sqltest.id('A'), mc_sqltest.id('agent2'));
INSERT INTO chat_messages (id, session_id, company_id, role, content) VALUES
  (mc_sqltest.id('chat_message'), mc_sqltest.id('chat_session'), mc_sqltest.id('company'), 'USER', 'hi');

-- ---------------------------------------------------------------- the RLS matrix
-- One row per table: what the RLS summary allows, and a statement for each operation.
CREATE TEMP TABLE matrix (tbl text, can_update bool, can_delete bool,
                          sel text, ins text, upd text, del text) ON COMMIT DROP;
INSERT INTO matrix VALUES
 ('companies', true, true,
  'SELECT 1 FROM companies WHERE id = {company}',
  'INSERT INTO companies (name, owner_user_id) VALUES (''New'', {A})',
  'UPDATE companies SET name = name WHERE id = {company}',
  'DELETE FROM companies WHERE id = {company_del}'),
 ('sectors', true, true,
  'SELECT 1 FROM sectors WHERE company_id = {company}',
  'INSERT INTO sectors (company_id, type) VALUES ({company}, ''METRICS'')',
  'UPDATE sectors SET health = ''RED'' WHERE id = {sector}',
  'DELETE FROM sectors WHERE id = {sector_del}'),
 ('departments', true, true,
  'SELECT 1 FROM departments WHERE company_id = {company}',
  'INSERT INTO departments (company_id, type) VALUES ({company}, ''SALES'')',
  'UPDATE departments SET health = ''RED'' WHERE id = {department}',
  'DELETE FROM departments WHERE id = {department_del}'),
 ('agents', true, true,
  'SELECT 1 FROM agents WHERE company_id = {company}',
  'INSERT INTO agents (company_id, name, role, tier, reports_to) VALUES ({company}, ''N'', ''R'', 3, {agent2})',
  'UPDATE agents SET mandate = ''m'' WHERE id = {agent2}',
  'DELETE FROM agents WHERE id = {agent_del}'),
 ('tasks', true, true,
  'SELECT 1 FROM tasks WHERE company_id = {company}',
  'INSERT INTO tasks (company_id, assignee_id, assigned_by, title) VALUES ({company}, {agent2}, {ceo}, ''x'')',
  'UPDATE tasks SET status = ''IN_PROGRESS'' WHERE id = {task}',
  'DELETE FROM tasks WHERE id = {task_del}'),
 ('escalations', true, true,
  'SELECT 1 FROM escalations WHERE company_id = {company}',
  'INSERT INTO escalations (company_id, from_agent_id, to_agent_id, type, trigger, context, impact, recommendation) VALUES ({company}, {agent2}, {ceo}, ''AWARENESS'', ''ANOMALY'', ''c'', ''i'', ''r'')',
  'UPDATE escalations SET status = ''ACKNOWLEDGED'' WHERE id = {escalation}',
  'DELETE FROM escalations WHERE id = {escalation_del}'),
 ('pulses', true, true,
  'SELECT 1 FROM pulses WHERE company_id = {company}',
  'INSERT INTO pulses (company_id, agent_id) VALUES ({company}, {agent2})',
  'UPDATE pulses SET phase = ''ASSESS'' WHERE id = {pulse}',
  'DELETE FROM pulses WHERE id = {pulse_del}'),
 ('messages', true, true,
  'SELECT 1 FROM messages WHERE company_id = {company}',
  'INSERT INTO messages (company_id, from_agent_id, to_agent_id, subject, body, type) VALUES ({company}, {ceo}, {agent2}, ''s'', ''b'', ''REPORT'')',
  'UPDATE messages SET read_at = now() WHERE id = {message}',
  'DELETE FROM messages WHERE id = {message_del}'),
 ('memory_entries', false, false,
  'SELECT 1 FROM memory_entries WHERE company_id = {company}',
  'INSERT INTO memory_entries (company_id, type, summary) VALUES ({company}, ''AUDIT'', ''s'')',
  'UPDATE memory_entries SET summary = ''changed'' WHERE id = {memory}',
  'DELETE FROM memory_entries WHERE id = {memory}'),
 ('chat_sessions', true, false,
  'SELECT 1 FROM chat_sessions WHERE company_id = {company}',
  'INSERT INTO chat_sessions (company_id, user_id, agent_id) VALUES ({company}, {A}, {ceo})',
  'UPDATE chat_sessions SET status = ''CLOSED'', closed_at = now() WHERE id = {chat_session}',
  'DELETE FROM chat_sessions WHERE id = {chat_session}'),
 ('chat_messages', false, false,
  'SELECT 1 FROM chat_messages WHERE company_id = {company}',
  'INSERT INTO chat_messages (session_id, company_id, role, content) VALUES ({chat_session}, {company}, ''AGENT'', ''reply'')',
  'UPDATE chat_messages SET content = ''changed'' WHERE id = {chat_message}',
  'DELETE FROM chat_messages WHERE id = {chat_message}');

CREATE FUNCTION mc_sqltest.matrix_tests() RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE m record; who text;
BEGIN
  FOR m IN SELECT * FROM matrix ORDER BY tbl LOOP
    -- The owner: SELECT and INSERT always; UPDATE/DELETE where the summary says so, otherwise
    -- the statement silently matches 0 rows (no policy).
    RETURN NEXT ok(mc_sqltest.run_as('owner', m.sel) > 0, m.tbl || ': owner can SELECT');
    RETURN NEXT lives_ok(format('SELECT mc_sqltest.run_as(%L, %L)', 'owner', m.ins), m.tbl || ': owner can INSERT');
    RETURN NEXT is(mc_sqltest.run_as('owner', m.upd), CASE WHEN m.can_update THEN 1 ELSE 0 END,
                   m.tbl || CASE WHEN m.can_update THEN ': owner can UPDATE' ELSE ': owner UPDATE matches no row' END);
    RETURN NEXT is(mc_sqltest.run_as('owner', m.del), CASE WHEN m.can_delete THEN 1 ELSE 0 END,
                   m.tbl || CASE WHEN m.can_delete THEN ': owner can DELETE' ELSE ': owner DELETE matches no row' END);
    FOREACH who IN ARRAY ARRAY['other', 'anon'] LOOP
      RETURN NEXT is(mc_sqltest.run_as(who, m.sel), 0, m.tbl || ': ' || who || ' sees no row');
      RETURN NEXT throws_ok(format('SELECT mc_sqltest.run_as(%L, %L)', who, m.ins), '42501', NULL,
                            m.tbl || ': ' || who || ' cannot INSERT');
      RETURN NEXT is(mc_sqltest.run_as(who, m.upd), 0, m.tbl || ': ' || who || ' UPDATE matches no row');
      RETURN NEXT is(mc_sqltest.run_as(who, m.del), 0, m.tbl || ': ' || who || ' DELETE matches no row');
    END LOOP;
  END LOOP;
END $$;

-- ---------------------------------------------------------------- plan and run
SELECT plan(11 * 12 + 8 + 3 + 6);

SELECT * FROM mc_sqltest.matrix_tests();

-- The triggers stop UPDATE and DELETE for every role, service_role (BYPASSRLS) and superuser included.
SELECT throws_ok($$SELECT mc_sqltest.run_as('service', 'UPDATE memory_entries SET summary = ''x'' WHERE id = {memory}')$$,
                 'P0001', 'UPDATE on public.memory_entries is forbidden — table is immutable.', 'service_role cannot UPDATE memory_entries');
SELECT throws_ok($$SELECT mc_sqltest.run_as('service', 'DELETE FROM memory_entries WHERE id = {memory}')$$,
                 'P0001', 'DELETE on public.memory_entries is forbidden — table is immutable.', 'service_role cannot DELETE memory_entries');
SELECT throws_ok($$SELECT mc_sqltest.run_as('service', 'UPDATE chat_messages SET content = ''x'' WHERE id = {chat_message}')$$,
                 'P0001', 'UPDATE on public.chat_messages is forbidden — table is immutable.', 'service_role cannot UPDATE chat_messages');
SELECT throws_ok($$SELECT mc_sqltest.run_as('service', 'DELETE FROM chat_messages WHERE id = {chat_message}')$$,
                 'P0001', 'DELETE on public.chat_messages is forbidden — table is immutable.', 'service_role cannot DELETE chat_messages');
SELECT throws_ok(format('UPDATE memory_entries SET summary = %L WHERE id = %L', 'x', mc_sqltest.id('memory')),
                 'P0001', NULL, 'the superuser cannot UPDATE memory_entries');
SELECT throws_ok(format('DELETE FROM chat_messages WHERE id = %L', mc_sqltest.id('chat_message')),
                 'P0001', NULL, 'the superuser cannot DELETE chat_messages');
-- Foreign-key actions are UPDATEs/DELETEs too (domain-rules.md): these fail by design.
SELECT throws_ok(format('DELETE FROM companies WHERE id = %L', mc_sqltest.id('company')),
                 'P0001', NULL, 'deleting a company with memory entries is stopped by the trigger');
SELECT throws_ok(format('DELETE FROM agents WHERE id = %L', mc_sqltest.id('agent2')),
                 'P0001', NULL, 'deleting an agent referenced by a memory entry is stopped (SET NULL is an UPDATE)');
-- service_role bypasses RLS elsewhere: it can update a task.
SELECT is(mc_sqltest.run_as('service', 'UPDATE tasks SET title = ''svc'' WHERE id = {task}'), 1, 'service_role bypasses RLS on tasks');
SELECT is(mc_sqltest.run_as('service', 'SELECT 1 FROM companies WHERE id IN ({company}, {company_b})'), 2, 'service_role sees every company');
SELECT is(mc_sqltest.run_as('other', 'SELECT 1 FROM companies WHERE id = {company_b}'), 1, 'another user sees their own company');

-- The schema's shape, as schema-reference.md counts it.
SELECT is((SELECT count(*)::int FROM pg_policies WHERE schemaname = 'public'), 39, '39 RLS policies');
SELECT is((SELECT count(*)::int FROM pg_indexes WHERE schemaname = 'public' AND indexname LIKE 'idx\_%'), 42, '42 indexes');
SELECT is((SELECT count(*)::int FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = 'public' AND t.typtype = 'e'), 21, '21 enums');
SELECT is((SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity), 11, 'RLS enabled on 11 tables');
SELECT is((SELECT count(*)::int FROM pg_trigger WHERE tgname LIKE 'trg\_%\_no\_%'), 4, '4 immutability triggers');
SELECT is((SELECT array_agg(conname::text ORDER BY conname) FROM pg_constraint WHERE conname IN ('fk_companies_ceo', 'fk_departments_chief')),
          ARRAY['fk_companies_ceo', 'fk_departments_chief'], 'the two late foreign keys keep their names');

SELECT * FROM finish();
ROLLBACK;
