-- SQL-level suite (pgTAP) for migration 003 (issue 21): every foreign key between two
-- company-owned tables accepts a row of the same company and refuses another company's row
-- exactly as it refuses a row that does not exist (SQLSTATE, message, detail, and the
-- schema/table/constraint fields) — for the owner through RLS, for service_role and for the
-- superuser; PostgreSQL's own answer for a missing row is read with 003's triggers switched off
-- (inside a subtransaction that is rolled back) and must be the same. Also: company_id cannot
-- change, a cross-company cascade is no longer possible, and the catalogue holds no unguarded key.
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
CREATE SCHEMA mc_sctest;

CREATE TEMP TABLE ids (k text PRIMARY KEY, v uuid NOT NULL) ON COMMIT DROP;
INSERT INTO ids VALUES
  ('A', 'aaaaaaaa-0000-4000-8000-00000000a0a0'), ('B', 'bbbbbbbb-0000-4000-8000-00000000b0b0');
-- Companies: co_a and co_a2 belong to user A, co_b to user B, co_c (A's, for the cascade) too.
-- Each of a, a2, b, c has a CEO, an agent, a department, a task and a chat session.
INSERT INTO ids
SELECT o || '_' || x, gen_random_uuid()
  FROM unnest(ARRAY['co', 'ceo', 'agent', 'dept', 'task', 'session']) AS o,
       unnest(ARRAY['a', 'a2', 'b', 'c']) AS x;
-- Rows of co_a that the update tests change, and an id that no row has.
INSERT INTO ids VALUES
  ('agent_a_upd', gen_random_uuid()), ('task_a_upd', gen_random_uuid()), ('esc_a', gen_random_uuid()),
  ('pulse_a', gen_random_uuid()), ('msg_a', gen_random_uuid()), ('session_a_upd', gen_random_uuid()),
  ('missing', gen_random_uuid());

CREATE FUNCTION mc_sctest.id(key text) RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT v FROM ids WHERE k = key $$;

-- Substitutes {name} with the fixture id, quoted.
CREATE FUNCTION mc_sctest.fill(stmt text) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE r record;
BEGIN
  FOR r IN SELECT k, v FROM ids ORDER BY length(k) DESC LOOP
    stmt := replace(stmt, '{' || r.k || '}', quote_literal(r.v::text));
  END LOOP;
  RETURN stmt;
END $$;

-- Runs one statement as 'owner' (user A through RLS, as PostgREST switches role and claims),
-- 'other' (user B), 'service' (service_role) or 'superuser', and always undoes it. Answers 'ok',
-- or the error as sqlstate|message|detail|schema|table|constraint. With plain_fk, 003's
-- triggers on that table are off for the statement: PostgreSQL's own foreign-key answer.
CREATE FUNCTION mc_sctest.try(who text, stmt text, plain_fk text DEFAULT NULL) RETURNS text LANGUAGE plpgsql AS $$
DECLARE s text; m text; d text; sch text; t text; con text; sql text := mc_sctest.fill(stmt);
BEGIN
  BEGIN
    IF plain_fk IS NOT NULL THEN
      EXECUTE format('ALTER TABLE public.%I DISABLE TRIGGER "FK_same_company_insert", DISABLE TRIGGER "FK_same_company_update"', plain_fk);
    END IF;
    IF who IN ('owner', 'other') THEN
      PERFORM set_config('request.jwt.claims',
        json_build_object('sub', mc_sctest.id(CASE who WHEN 'owner' THEN 'A' ELSE 'B' END), 'role', 'authenticated')::text, true);
      SET LOCAL ROLE authenticated;
    ELSIF who = 'service' THEN
      PERFORM set_config('request.jwt.claims', '{"role":"service_role"}', true);
      SET LOCAL ROLE service_role;
    END IF;
    EXECUTE sql;
    RAISE EXCEPTION 'done' USING ERRCODE = 'MCOK0'; -- undoes the statement
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS s = RETURNED_SQLSTATE, m = MESSAGE_TEXT, d = PG_EXCEPTION_DETAIL,
      sch = SCHEMA_NAME, t = TABLE_NAME, con = CONSTRAINT_NAME;
    IF s = 'MCOK0' THEN RETURN 'ok'; END IF;
    RETURN concat_ws('|', s, m, d, sch, t, con);
  END;
END $$;

-- What PostgreSQL 15 answers for a key that is not present (ri_ReportViolation): the detail
-- names the key unless RLS applies to the caller on the referencing table.
CREATE FUNCTION mc_sctest.fk_error(who text, tbl text, col text, ref text, con text, key text) RETURNS text LANGUAGE sql AS $$
  SELECT concat_ws('|', '23503',
    format('insert or update on table "%s" violates foreign key constraint "%s"', tbl, con),
    CASE WHEN who IN ('owner', 'other') THEN format('Key is not present in table "%s".', ref)
         ELSE format('Key (%s)=(%s) is not present in table "%s".', col, key, ref) END,
    'public', tbl, con)
$$;

INSERT INTO auth.users (id, email) VALUES
  (mc_sctest.id('A'), 'owner@same-company.test'), (mc_sctest.id('B'), 'other@same-company.test');
INSERT INTO companies (id, name, owner_user_id)
SELECT mc_sctest.id('co_' || x), 'Co ' || x, mc_sctest.id(CASE x WHEN 'b' THEN 'B' ELSE 'A' END)
  FROM unnest(ARRAY['a', 'a2', 'b', 'c']) AS x;
INSERT INTO agents (id, company_id, name, role, tier)
SELECT mc_sctest.id(o || '_' || x), mc_sctest.id('co_' || x), o || ' ' || x, o, CASE o WHEN 'ceo' THEN 1 ELSE 2 END
  FROM unnest(ARRAY['ceo', 'agent']) AS o, unnest(ARRAY['a', 'a2', 'b', 'c']) AS x;
UPDATE companies c SET ceo_id = mc_sctest.id('ceo_' || x)
  FROM unnest(ARRAY['a', 'a2', 'b', 'c']) AS x WHERE c.id = mc_sctest.id('co_' || x);
INSERT INTO departments (id, company_id, type)
SELECT mc_sctest.id('dept_' || x), mc_sctest.id('co_' || x), 'TECHNOLOGY' FROM unnest(ARRAY['a', 'a2', 'b', 'c']) AS x;
INSERT INTO tasks (id, company_id, assignee_id, assigned_by, title)
SELECT mc_sctest.id('task_' || x), mc_sctest.id('co_' || x), mc_sctest.id('agent_' || x), mc_sctest.id('ceo_' || x), 'T ' || x
  FROM unnest(ARRAY['a', 'a2', 'b', 'c']) AS x;
INSERT INTO chat_sessions (id, company_id, user_id, agent_id)
SELECT mc_sctest.id('session_' || x), mc_sctest.id('co_' || x), mc_sctest.id(CASE x WHEN 'b' THEN 'B' ELSE 'A' END), mc_sctest.id('agent_' || x)
  FROM unnest(ARRAY['a', 'a2', 'b', 'c']) AS x;
-- The rows the update tests change: every reference starts at the CEO or empty, so that the
-- same-company target (agent_a, dept_a, task_a, session_a) is a change.
INSERT INTO agents (id, company_id, name, role, tier) VALUES (mc_sctest.id('agent_a_upd'), mc_sctest.id('co_a'), 'Upd', 'Upd', 3);
INSERT INTO tasks (id, company_id, assignee_id, assigned_by, title)
VALUES (mc_sctest.id('task_a_upd'), mc_sctest.id('co_a'), mc_sctest.id('ceo_a'), mc_sctest.id('ceo_a'), 'Upd');
INSERT INTO escalations (id, company_id, from_agent_id, to_agent_id, type, trigger, context, impact, recommendation)
VALUES (mc_sctest.id('esc_a'), mc_sctest.id('co_a'), mc_sctest.id('ceo_a'), mc_sctest.id('ceo_a'), 'AWARENESS', 'MILESTONE', 'c', 'i', 'r');
INSERT INTO pulses (id, company_id, agent_id) VALUES (mc_sctest.id('pulse_a'), mc_sctest.id('co_a'), mc_sctest.id('ceo_a'));
INSERT INTO messages (id, company_id, from_agent_id, to_agent_id, subject, body, type)
VALUES (mc_sctest.id('msg_a'), mc_sctest.id('co_a'), mc_sctest.id('ceo_a'), mc_sctest.id('ceo_a'), 's', 'b', 'DIRECTIVE');
INSERT INTO chat_sessions (id, company_id, user_id, agent_id)
VALUES (mc_sctest.id('session_a_upd'), mc_sctest.id('co_a'), mc_sctest.id('A'), mc_sctest.id('ceo_a'));

-- ---------------------------------------------------------------- the 18 guarded keys
-- One row per foreign key between two company-owned tables: a statement that writes a row of
-- co_a pointing at {t} (insert, and update where the table allows updates).
CREATE TEMP TABLE fks (fk text PRIMARY KEY, tbl text, col text, ref text, con text, ins text, upd text) ON COMMIT DROP;
INSERT INTO fks VALUES
 ('companies.ceo_id', 'companies', 'ceo_id', 'agents', 'fk_companies_ceo',
  NULL, -- a new company has no agent yet: set by update only
  'UPDATE companies SET ceo_id = {t} WHERE id = {co_a}'),
 ('departments.chief_id', 'departments', 'chief_id', 'agents', 'fk_departments_chief',
  'INSERT INTO departments (company_id, type, chief_id) VALUES ({co_a}, ''SALES'', {t})',
  'UPDATE departments SET chief_id = {t} WHERE id = {dept_a}'),
 ('agents.department_id', 'agents', 'department_id', 'departments', 'agents_department_id_fkey',
  'INSERT INTO agents (company_id, name, role, tier, department_id) VALUES ({co_a}, ''N'', ''R'', 3, {t})',
  'UPDATE agents SET department_id = {t} WHERE id = {agent_a_upd}'),
 ('agents.reports_to', 'agents', 'reports_to', 'agents', 'agents_reports_to_fkey',
  'INSERT INTO agents (company_id, name, role, tier, reports_to) VALUES ({co_a}, ''N'', ''R'', 3, {t})',
  'UPDATE agents SET reports_to = {t} WHERE id = {agent_a_upd}'),
 ('tasks.assignee_id', 'tasks', 'assignee_id', 'agents', 'tasks_assignee_id_fkey',
  'INSERT INTO tasks (company_id, assignee_id, assigned_by, title) VALUES ({co_a}, {t}, {agent_a}, ''x'')',
  'UPDATE tasks SET assignee_id = {t} WHERE id = {task_a_upd}'),
 ('tasks.assigned_by', 'tasks', 'assigned_by', 'agents', 'tasks_assigned_by_fkey',
  'INSERT INTO tasks (company_id, assignee_id, assigned_by, title) VALUES ({co_a}, {agent_a}, {t}, ''x'')',
  'UPDATE tasks SET assigned_by = {t} WHERE id = {task_a_upd}'),
 ('tasks.department_id', 'tasks', 'department_id', 'departments', 'tasks_department_id_fkey',
  'INSERT INTO tasks (company_id, assignee_id, assigned_by, department_id, title) VALUES ({co_a}, {agent_a}, {agent_a}, {t}, ''x'')',
  'UPDATE tasks SET department_id = {t} WHERE id = {task_a_upd}'),
 ('tasks.parent_task_id', 'tasks', 'parent_task_id', 'tasks', 'tasks_parent_task_id_fkey',
  'INSERT INTO tasks (company_id, assignee_id, assigned_by, parent_task_id, title) VALUES ({co_a}, {agent_a}, {agent_a}, {t}, ''x'')',
  'UPDATE tasks SET parent_task_id = {t} WHERE id = {task_a_upd}'),
 ('escalations.from_agent_id', 'escalations', 'from_agent_id', 'agents', 'escalations_from_agent_id_fkey',
  'INSERT INTO escalations (company_id, from_agent_id, to_agent_id, type, trigger, context, impact, recommendation) VALUES ({co_a}, {t}, {agent_a}, ''AWARENESS'', ''ANOMALY'', ''c'', ''i'', ''r'')',
  'UPDATE escalations SET from_agent_id = {t} WHERE id = {esc_a}'),
 ('escalations.to_agent_id', 'escalations', 'to_agent_id', 'agents', 'escalations_to_agent_id_fkey',
  'INSERT INTO escalations (company_id, from_agent_id, to_agent_id, type, trigger, context, impact, recommendation) VALUES ({co_a}, {agent_a}, {t}, ''AWARENESS'', ''ANOMALY'', ''c'', ''i'', ''r'')',
  'UPDATE escalations SET to_agent_id = {t} WHERE id = {esc_a}'),
 ('escalations.related_task_id', 'escalations', 'related_task_id', 'tasks', 'escalations_related_task_id_fkey',
  'INSERT INTO escalations (company_id, from_agent_id, to_agent_id, type, trigger, context, impact, recommendation, related_task_id) VALUES ({co_a}, {agent_a}, {ceo_a}, ''AWARENESS'', ''ANOMALY'', ''c'', ''i'', ''r'', {t})',
  'UPDATE escalations SET related_task_id = {t} WHERE id = {esc_a}'),
 ('pulses.agent_id', 'pulses', 'agent_id', 'agents', 'pulses_agent_id_fkey',
  'INSERT INTO pulses (company_id, agent_id) VALUES ({co_a}, {t})',
  'UPDATE pulses SET agent_id = {t} WHERE id = {pulse_a}'),
 ('messages.from_agent_id', 'messages', 'from_agent_id', 'agents', 'messages_from_agent_id_fkey',
  'INSERT INTO messages (company_id, from_agent_id, to_agent_id, subject, body, type) VALUES ({co_a}, {t}, {agent_a}, ''s'', ''b'', ''REPORT'')',
  'UPDATE messages SET from_agent_id = {t} WHERE id = {msg_a}'),
 ('messages.to_agent_id', 'messages', 'to_agent_id', 'agents', 'messages_to_agent_id_fkey',
  'INSERT INTO messages (company_id, from_agent_id, to_agent_id, subject, body, type) VALUES ({co_a}, {agent_a}, {t}, ''s'', ''b'', ''REPORT'')',
  'UPDATE messages SET to_agent_id = {t} WHERE id = {msg_a}'),
 ('memory_entries.agent_id', 'memory_entries', 'agent_id', 'agents', 'memory_entries_agent_id_fkey',
  'INSERT INTO memory_entries (company_id, type, summary, agent_id) VALUES ({co_a}, ''AUDIT'', ''s'', {t})',
  NULL), -- immutable (002)
 ('memory_entries.department_id', 'memory_entries', 'department_id', 'departments', 'memory_entries_department_id_fkey',
  'INSERT INTO memory_entries (company_id, type, summary, department_id) VALUES ({co_a}, ''AUDIT'', ''s'', {t})',
  NULL),
 ('chat_sessions.agent_id', 'chat_sessions', 'agent_id', 'agents', 'chat_sessions_agent_id_fkey',
  'INSERT INTO chat_sessions (company_id, user_id, agent_id) VALUES ({co_a}, {A}, {t})',
  'UPDATE chat_sessions SET agent_id = {t} WHERE id = {session_a_upd}'),
 ('chat_messages.session_id', 'chat_messages', 'session_id', 'chat_sessions', 'chat_messages_session_id_fkey',
  'INSERT INTO chat_messages (session_id, company_id, role, content) VALUES ({t}, {co_a}, ''USER'', ''hi'')',
  NULL); -- immutable (002)

-- The fixture key of a referenced table's row in company x ('a', 'a2', 'b').
CREATE FUNCTION mc_sctest.target(ref text, x text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE ref WHEN 'agents' THEN 'agent_' WHEN 'departments' THEN 'dept_' WHEN 'tasks' THEN 'task_'
                  WHEN 'chat_sessions' THEN 'session_' END || x
$$;

-- Per key, per role (owner, service, superuser), for insert and for update:
--   same company accepted; another company's row refused with PostgreSQL's missing-key error;
--   a missing row refused with the same; the two identical but for the key; (owner) a row of
--   the owner's other company refused too; and (insert) PostgreSQL's own answer for the
--   missing row, with 003's triggers off, is that same error.
-- Plus, per key: with 003's triggers off, another company's row would be accepted (the fixture
-- row exists, and PostgreSQL alone does not stop it).
CREATE FUNCTION mc_sctest.reference_tests() RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE f record; who text; op text; stmt text; foreign_key uuid; missing uuid := mc_sctest.id('missing');
        got_foreign text; got_missing text;
BEGIN
  FOR f IN SELECT * FROM fks ORDER BY fk LOOP
    FOREACH who IN ARRAY ARRAY['owner', 'service', 'superuser'] LOOP
      FOREACH op IN ARRAY ARRAY['insert', 'update'] LOOP
        stmt := CASE op WHEN 'insert' THEN f.ins ELSE f.upd END;
        CONTINUE WHEN stmt IS NULL;
        foreign_key := mc_sctest.id(mc_sctest.target(f.ref, 'b'));
        RETURN NEXT is(mc_sctest.try(who, replace(stmt, '{t}', '{' || mc_sctest.target(f.ref, 'a') || '}')), 'ok',
                       format('%s (%s, %s): a row of the same company is accepted', f.fk, op, who));
        got_foreign := mc_sctest.try(who, replace(stmt, '{t}', '{' || mc_sctest.target(f.ref, 'b') || '}'));
        RETURN NEXT is(got_foreign, mc_sctest.fk_error(who, f.tbl, f.col, f.ref, f.con, foreign_key::text),
                       format('%s (%s, %s): another company''s row is refused as missing', f.fk, op, who));
        got_missing := mc_sctest.try(who, replace(stmt, '{t}', '{missing}'));
        RETURN NEXT is(got_missing, mc_sctest.fk_error(who, f.tbl, f.col, f.ref, f.con, missing::text),
                       format('%s (%s, %s): a missing row is refused', f.fk, op, who));
        RETURN NEXT is(replace(got_foreign, foreign_key::text, '<key>'), replace(got_missing, missing::text, '<key>'),
                       format('%s (%s, %s): both refusals are identical but for the key', f.fk, op, who));
        IF who = 'owner' THEN
          RETURN NEXT is(mc_sctest.try(who, replace(stmt, '{t}', '{' || mc_sctest.target(f.ref, 'a2') || '}')),
                         mc_sctest.fk_error(who, f.tbl, f.col, f.ref, f.con, mc_sctest.id(mc_sctest.target(f.ref, 'a2'))::text),
                         format('%s (%s, owner): a row of the owner''s other company is refused too', f.fk, op));
        END IF;
        IF op = 'insert' OR f.ins IS NULL THEN
          RETURN NEXT is(mc_sctest.try(who, replace(stmt, '{t}', '{missing}'), f.tbl),
                         mc_sctest.fk_error(who, f.tbl, f.col, f.ref, f.con, missing::text),
                         format('%s (%s, %s): PostgreSQL''s own answer for a missing row is the same', f.fk, op, who));
        END IF;
      END LOOP;
    END LOOP;
    RETURN NEXT is(mc_sctest.try('superuser', replace(coalesce(f.ins, f.upd), '{t}', '{' || mc_sctest.target(f.ref, 'b') || '}'), f.tbl), 'ok',
                   format('%s: without 003''s trigger PostgreSQL alone would accept another company''s row', f.fk));
  END LOOP;
END $$;

-- company_id stays: the tables a guarded key starts from or points at (but the immutable two).
CREATE FUNCTION mc_sctest.fixed_company_tests() RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE r record; who text;
BEGIN
  FOR r IN SELECT * FROM (VALUES ('agents', 'agent_a'), ('chat_sessions', 'session_a'), ('departments', 'dept_a'),
                                 ('escalations', 'esc_a'), ('messages', 'msg_a'), ('pulses', 'pulse_a'), ('tasks', 'task_a')) AS v(tbl, row_key)
  LOOP
    FOREACH who IN ARRAY ARRAY['owner', 'service', 'superuser'] LOOP
      RETURN NEXT is(mc_sctest.try(who, format('UPDATE %I SET company_id = {co_a2} WHERE id = {%s}', r.tbl, r.row_key)),
                     format('P0001|UPDATE of company_id on public.%s is forbidden — a row stays in its company.||||', r.tbl),
                     format('%s (%s): company_id cannot change, even to a company of the same owner', r.tbl, who));
    END LOOP;
  END LOOP;
END $$;

-- A cascade from company x's delete reaches only rows that reference x's rows.
CREATE FUNCTION mc_sctest.rows_of(company text) RETURNS bigint LANGUAGE sql AS $$
  SELECT (SELECT count(*) FROM departments WHERE company_id = mc_sctest.id(company))
       + (SELECT count(*) FROM agents WHERE company_id = mc_sctest.id(company))
       + (SELECT count(*) FROM tasks WHERE company_id = mc_sctest.id(company))
       + (SELECT count(*) FROM escalations WHERE company_id = mc_sctest.id(company))
       + (SELECT count(*) FROM pulses WHERE company_id = mc_sctest.id(company))
       + (SELECT count(*) FROM messages WHERE company_id = mc_sctest.id(company))
       + (SELECT count(*) FROM chat_sessions WHERE company_id = mc_sctest.id(company))
       + (SELECT count(*) FROM chat_messages WHERE company_id = mc_sctest.id(company))
       + (SELECT count(*) FROM memory_entries WHERE company_id = mc_sctest.id(company))
$$;

-- Issue 21's scenario, without 003: B assigns a task in B's company to A's agent (co_c), A
-- deletes the agent, B's task is gone. Answers B's row count before and after A's delete.
CREATE FUNCTION mc_sctest.cascade_without_003() RETURNS text LANGUAGE plpgsql AS $$
DECLARE before bigint; after bigint;
BEGIN
  BEGIN
    ALTER TABLE tasks DISABLE TRIGGER "FK_same_company_insert";
    INSERT INTO tasks (company_id, assignee_id, assigned_by, title)
    VALUES (mc_sctest.id('co_b'), mc_sctest.id('agent_c'), mc_sctest.id('ceo_b'), 'B''s task for A''s agent');
    before := mc_sctest.rows_of('co_b');
    DELETE FROM agents WHERE id = mc_sctest.id('agent_c');
    after := mc_sctest.rows_of('co_b');
    RAISE EXCEPTION 'done' USING ERRCODE = 'MCOK0';
  EXCEPTION WHEN SQLSTATE 'MCOK0' THEN
    RETURN before || ' -> ' || after;
  END;
END $$;

-- Legacy data: a row that points at another company's row, written with the triggers off,
-- as if from before 003. Answers what the checks say about it, then undoes it.
CREATE FUNCTION mc_sctest.legacy_row_checks() RETURNS text LANGUAGE plpgsql AS $$
DECLARE found text; assert_error text; status_update text;
BEGIN
  BEGIN
    ALTER TABLE tasks DISABLE TRIGGER "FK_same_company_insert";
    INSERT INTO tasks (id, company_id, assignee_id, assigned_by, title)
    VALUES (mc_sctest.id('missing'), mc_sctest.id('co_b'), mc_sctest.id('agent_a'), mc_sctest.id('ceo_b'), 'legacy');
    ALTER TABLE tasks ENABLE TRIGGER "FK_same_company_insert";
    SELECT string_agg(reference || ' ' || constraint_name, ', ') INTO found
      FROM private.cross_company_references() WHERE row_id = mc_sctest.id('missing');
    BEGIN
      PERFORM private.assert_same_company();
      assert_error := 'no error';
    EXCEPTION WHEN OTHERS THEN
      assert_error := SQLSTATE || ' ' || SQLERRM;
    END;
    -- Like PostgreSQL's own check, an update that leaves the key as it is does not check it.
    UPDATE tasks SET status = 'IN_PROGRESS' WHERE id = mc_sctest.id('missing');
    status_update := 'status update ok';
    RAISE EXCEPTION 'done' USING ERRCODE = 'MCOK0';
  EXCEPTION WHEN SQLSTATE 'MCOK0' THEN
    RETURN concat_ws(' | ', found, assert_error, status_update);
  END;
END $$;

-- Normalises an error's uuids away (for comparing which key an error names).
CREATE FUNCTION mc_sctest.no_keys(e text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT regexp_replace(e, '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', '<key>', 'g')
$$;

-- ---------------------------------------------------------------- plan and run
SELECT plan(
    (SELECT count(*)::int FROM fks f, LATERAL (VALUES (f.ins), (f.upd)) AS s(stmt) WHERE s.stmt IS NOT NULL) * (3 * 4 + 1)
  + (SELECT count(*)::int * 3 FROM fks WHERE ins IS NOT NULL) + 3 -- PostgreSQL's own answer (insert, or update for ceo_id)
  + (SELECT count(*)::int FROM fks)
  + 7 * 3
  + 9 + 6 + 3 + 4 + 5);

SELECT * FROM mc_sctest.reference_tests();
SELECT * FROM mc_sctest.fixed_company_tests();

-- Which key a refusal names never depends on whether another company's row exists: the first
-- key in PostgreSQL's order is named, whether it is missing or another company's.
SELECT is(mc_sctest.no_keys(mc_sctest.try('superuser', 'INSERT INTO tasks (company_id, assignee_id, assigned_by, title) VALUES ({co_a}, {agent_b}, {missing}, ''x'')')),
          mc_sctest.no_keys(mc_sctest.try('superuser', 'INSERT INTO tasks (company_id, assignee_id, assigned_by, title) VALUES ({co_a}, {missing}, {missing}, ''x'')')),
          'another company''s assignee and a missing assigner: the assignee is named, as for two missing rows');
SELECT is(mc_sctest.no_keys(mc_sctest.try('owner', 'INSERT INTO tasks (company_id, assignee_id, assigned_by, title) VALUES ({co_a}, {missing}, {agent_b}, ''x'')')),
          mc_sctest.no_keys(mc_sctest.try('owner', 'INSERT INTO tasks (company_id, assignee_id, assigned_by, title) VALUES ({co_a}, {missing}, {missing}, ''x'')')),
          'a missing assignee and another company''s assigner (owner): the assignee is named, as for two missing rows');
SELECT is(mc_sctest.try('superuser', 'INSERT INTO tasks (company_id, assignee_id, assigned_by, title) VALUES ({missing}, {agent_b}, {ceo_a}, ''x'')'),
          mc_sctest.try('superuser', 'INSERT INTO tasks (company_id, assignee_id, assigned_by, title) VALUES ({missing}, {agent_b}, {ceo_a}, ''x'')', 'tasks'),
          'a task of a missing company: PostgreSQL''s own error for company_id, as without 003');
SELECT is(mc_sctest.try('other', 'INSERT INTO chat_sessions (company_id, user_id, agent_id) VALUES ({co_b}, {missing}, {agent_a})'),
          mc_sctest.try('other', 'INSERT INTO chat_sessions (company_id, user_id, agent_id) VALUES ({co_b}, {missing}, {missing})'),
          'a chat session of a missing user: user_id is named first, whether the agent is another company''s or missing');
SELECT is(mc_sctest.try('other', 'INSERT INTO chat_sessions (company_id, user_id, agent_id) VALUES ({co_b}, {missing}, {agent_a})'),
          mc_sctest.try('other', 'INSERT INTO chat_sessions (company_id, user_id, agent_id) VALUES ({co_b}, {missing}, {agent_a})', 'chat_sessions'),
          'a chat session of a missing user: the same error as PostgreSQL alone gives');
-- References inside one statement, as PostgreSQL's own check sees them (after the statement).
SELECT is(mc_sctest.try('owner', 'INSERT INTO agents (id, company_id, name, role, tier, reports_to) VALUES ({missing}, {co_a}, ''Self'', ''S'', 3, {missing})'),
          'ok', 'an agent that reports to itself is accepted (the row is its own company''s)');
SELECT is(mc_sctest.try('service', format('INSERT INTO agents (id, company_id, name, role, tier, reports_to) VALUES ({missing}, {co_a}, ''Lead'', ''L'', 3, NULL), (%L, {co_a}, ''Member'', ''M'', 4, {missing})', gen_random_uuid())),
          'ok', 'a new agent that reports to another new agent of the same INSERT is accepted');
SELECT is(mc_sctest.try('service', 'INSERT INTO tasks (company_id, assignee_id, assigned_by, title) VALUES ({co_a}, {agent_a}, {ceo_a}, ''fine''), ({co_a}, {agent_b}, {ceo_a}, ''not fine'')'),
          mc_sctest.fk_error('service', 'tasks', 'assignee_id', 'agents', 'tasks_assignee_id_fkey', mc_sctest.id('agent_b')::text),
          'a multi-row insert with one cross-company row is refused as a whole');
SELECT is(mc_sctest.try('owner', 'UPDATE tasks SET title = ''renamed'', assignee_id = assignee_id WHERE id = {task_a}'),
          'ok', 'an update that names a reference column but keeps its value is accepted');

-- A cross-company cascade is no longer possible.
SELECT is(mc_sctest.cascade_without_003(),
          (mc_sctest.rows_of('co_b') + 1) || ' -> ' || mc_sctest.rows_of('co_b'),
          'without 003: A''s delete of its agent deletes B''s task (the hazard of issue 21)');
SELECT is(mc_sctest.try('other', 'INSERT INTO tasks (company_id, assignee_id, assigned_by, title) VALUES ({co_b}, {agent_c}, {ceo_b}, ''B''''s task for A''''s agent'')'),
          mc_sctest.fk_error('other', 'tasks', 'assignee_id', 'agents', 'tasks_assignee_id_fkey', mc_sctest.id('agent_c')::text),
          'with 003: B cannot assign a task to A''s agent');
SELECT is(mc_sctest.try('service', 'INSERT INTO tasks (company_id, assignee_id, assigned_by, title) VALUES ({co_b}, {agent_c}, {ceo_b}, ''x'')'),
          mc_sctest.fk_error('service', 'tasks', 'assignee_id', 'agents', 'tasks_assignee_id_fkey', mc_sctest.id('agent_c')::text),
          'with 003: nor can service_role');
CREATE TEMP TABLE b_before ON COMMIT DROP AS SELECT mc_sctest.rows_of('co_b') AS n, mc_sctest.rows_of('co_a') AS a, mc_sctest.rows_of('co_a2') AS a2;
DELETE FROM agents WHERE id = mc_sctest.id('agent_c');
DELETE FROM companies WHERE id = mc_sctest.id('co_c');
SELECT is(mc_sctest.rows_of('co_c'), 0::bigint, 'A deletes company co_c: everything of co_c is gone');
SELECT is(mc_sctest.rows_of('co_b'), (SELECT n FROM b_before), 'B''s rows are untouched by A''s cascade');
SELECT is(mc_sctest.rows_of('co_a') + mc_sctest.rows_of('co_a2'), (SELECT a + a2 FROM b_before), 'A''s other companies are untouched too');

-- Existing rows: the check the migration ran finds a legacy cross-company row.
SELECT is(mc_sctest.legacy_row_checks(),
          'tasks.assignee_id tasks_assignee_id_fkey | 23503 1 row(s) reference another company''s rows | status update ok',
          'a legacy cross-company row is reported by private.cross_company_references() and fails private.assert_same_company()');
SELECT lives_ok('SELECT private.assert_same_company()', 'no reference crosses companies in this database');
SELECT is((SELECT count(*)::int FROM private.cross_company_references()), 0, 'private.cross_company_references() finds none');

-- The catalogue: every foreign key between two company-owned tables is one of the 18 above, and
-- each is watched by 003's insert and update triggers on its column.
SELECT set_eq(
  $$SELECT f.relname || '.' || a.attname
      FROM pg_constraint k
      JOIN pg_class f ON f.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
      JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
     WHERE k.contype = 'f' AND f.relnamespace = 'public'::regnamespace AND r.relnamespace = 'public'::regnamespace
       AND r.relname <> 'companies'
       AND EXISTS (SELECT 1 FROM pg_attribute x WHERE x.attrelid = r.oid AND x.attname = 'company_id')$$,
  $$SELECT fk FROM fks$$,
  'the 18 keys are every foreign key between two company-owned tables');
SELECT is((SELECT count(*)::int FROM fks f
            WHERE EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = ('public.' || f.tbl)::regclass
                            AND g.tgname = 'FK_same_company_update' AND g.tgenabled = 'O'
                            AND (SELECT attnum FROM pg_attribute WHERE attrelid = g.tgrelid AND attname = f.col) = ANY (g.tgattr::int2[]))
              AND EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = ('public.' || f.tbl)::regclass
                            AND g.tgname = 'FK_same_company_insert' AND g.tgenabled = 'O')),
          18, 'each key has an enabled insert trigger and an update trigger on its column');
SELECT is((SELECT count(*)::int FROM pg_trigger g JOIN pg_trigger ri ON ri.tgrelid = g.tgrelid
            WHERE g.tgname IN ('FK_same_company_insert', 'FK_same_company_update')
              AND ri.tgname LIKE 'RI\_ConstraintTrigger\_%' AND ri.tgname COLLATE "C" < g.tgname COLLATE "C"),
          0, '003''s triggers run before PostgreSQL''s own foreign-key checks on every table');
SELECT is((SELECT count(*)::int FROM pg_trigger WHERE tgname = 'company_id_is_fixed'), 7, 'company_id is fixed on 7 tables');
-- Rows over RLS, and nothing for the type generator.
SELECT is((SELECT prosecdef AND proconfig = ARRAY['search_path=""'] FROM pg_proc WHERE oid = 'private.company_of(text,uuid)'::regprocedure),
          true, 'the lookup is SECURITY DEFINER with a fixed search_path');
SELECT is(mc_sctest.try('service', 'SELECT private.company_of(''agents'', {agent_b})'),
          '42501|private.company_of can only be called by a trigger||||', 'the lookup cannot be called outside a trigger (no probing)');
SELECT is(mc_sctest.try('superuser', 'SELECT private.company_of(''agents'', {agent_b})'),
          '42501|private.company_of can only be called by a trigger||||', 'not even by the superuser');
SELECT is((SELECT count(*)::int FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
             AND (p.proname IN ('company_of', 'refuse_reference', 'company_id_is_fixed', 'cross_company_references', 'assert_same_company')
                  OR p.proname LIKE 'same\_company\_%')),
          0, '003 adds no function to schema public');
SELECT is((SELECT count(*)::int FROM pg_class WHERE relnamespace = 'private'::regnamespace), 0, 'schema private holds no table or view');

SELECT * FROM finish();
ROLLBACK;
