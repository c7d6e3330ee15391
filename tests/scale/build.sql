-- Builds one company of a given size for the scale test (issue 24), as the superuser, in one
-- transaction: an owner who can sign in, the company, its CEO, the six sectors, the nine
-- departments with a tier-2 chief each, :agents agents in all (tiers 3–5 below the chiefs), and
-- :tasks open tasks spread over them (PENDING / IN_PROGRESS / BLOCKED; every 7th without a
-- department, so it counts for its assignee's), plus completed tasks, pending and acknowledged
-- escalations, pulses, unread messages and memory entries in proportion.
-- psql variables: owner (uuid), email, company (uuid), agents, tasks. A company the owner had is
-- removed first (drop.sql).
\set ON_ERROR_STOP on
\ir drop.sql
BEGIN;
SET LOCAL synchronous_commit = off;
INSERT INTO auth.users (id, email, encrypted_password, email_confirmed_at)
VALUES (:'owner', :'email', extensions.crypt('scale-test-password', extensions.gen_salt('bf', 4)), now());
INSERT INTO public.companies (id, name, status, mission, vision, "values", strategic_priorities, spending_authority_usd, owner_user_id)
VALUES (:'company', 'Scale ' || :agents || '/' || :tasks, 'ACTIVE', 'Scale.', 'Scale.', '{a,b,c}', '{x,y,z}', 1000, :'owner');

CREATE TEMP TABLE scale_agents ON COMMIT DROP AS
SELECT n, gen_random_uuid() AS id FROM generate_series(0, :agents - 1) AS n;
CREATE TEMP TABLE scale_depts ON COMMIT DROP AS
SELECT row_number() OVER () - 1 AS n, gen_random_uuid() AS id, t AS type
  FROM unnest(enum_range(NULL::public.department_type)) AS t;

-- Agent 0 is the CEO, agents 1–9 the chiefs of the nine departments, the rest in departments
-- round-robin (every 50th with none; set below, once the departments exist), tiers 3–5, every
-- 10th SUSPENDED.
INSERT INTO public.agents (id, company_id, name, role, tier, department_id, reports_to, status, created_at)
SELECT a.id, :'company', 'Agent ' || lpad(a.n::text, 5, '0'),
       CASE WHEN a.n = 0 THEN 'CEO' WHEN a.n <= 9 THEN 'Chief' ELSE 'Worker' END,
       CASE WHEN a.n = 0 THEN 1 WHEN a.n <= 9 THEN 2 ELSE 3 + a.n % 3 END,
       NULL,
       NULL,
       CASE WHEN a.n > 9 AND a.n % 10 = 3 THEN 'SUSPENDED'::public.agent_status ELSE 'ACTIVE' END,
       now() - make_interval(secs => a.n)
  FROM scale_agents a;
UPDATE public.companies SET ceo_id = (SELECT id FROM scale_agents WHERE n = 0) WHERE id = :'company';

INSERT INTO public.sectors (company_id, type, health)
SELECT :'company', t, CASE WHEN t = 'FINANCE' THEN 'YELLOW'::public.health_status ELSE 'GREEN' END
  FROM unnest(enum_range(NULL::public.sector_type)) AS t;
INSERT INTO public.departments (id, company_id, type, health, chief_id)
SELECT d.id, :'company', d.type, CASE WHEN d.n = 2 THEN 'RED'::public.health_status ELSE 'GREEN' END,
       (SELECT a.id FROM scale_agents a WHERE a.n = d.n + 1)
  FROM scale_depts d;
-- The department rows exist now: point the agents at them.
UPDATE public.agents g SET department_id = d.id
  FROM scale_agents a, scale_depts d
 WHERE g.id = a.id AND a.n > 0 AND NOT (a.n > 9 AND a.n % 50 = 0)
   AND d.n = (CASE WHEN a.n <= 9 THEN a.n - 1 ELSE a.n % 9 END);
UPDATE public.agents g SET reports_to = (SELECT id FROM scale_agents WHERE n = 0) FROM scale_agents a WHERE g.id = a.id AND a.n > 0;

-- Open tasks: assignee round-robin over every agent but the CEO; every 7th without a department.
INSERT INTO public.tasks (company_id, assignee_id, assigned_by, department_id, title, status, priority, created_at, started_at, blocked_reason)
SELECT :'company', g.id, (SELECT id FROM scale_agents WHERE n = 0),
       CASE WHEN t % 7 = 0 THEN NULL ELSE g.department_id END,
       'Open task ' || t,
       (ARRAY['PENDING','IN_PROGRESS','BLOCKED']::public.task_status[])[1 + t % 3],
       (ARRAY['URGENT','HIGH','NORMAL','LOW']::public.task_priority[])[1 + t % 4],
       now() - make_interval(mins => t % 5000),
       CASE WHEN t % 3 > 0 THEN now() - make_interval(mins => t % 500) END,
       CASE WHEN t % 3 = 2 THEN 'waiting' END
  FROM generate_series(0, :tasks - 1) AS t
  JOIN scale_agents a ON a.n = 1 + t % GREATEST(:agents - 1, 1)
  JOIN public.agents g ON g.id = a.id;
-- Completed and cancelled tasks: a tenth as many as the open ones.
INSERT INTO public.tasks (company_id, assignee_id, assigned_by, department_id, title, status, created_at, started_at, completed_at)
SELECT :'company', g.id, (SELECT id FROM scale_agents WHERE n = 0), g.department_id, 'Done task ' || t,
       CASE WHEN t % 5 = 0 THEN 'CANCELLED'::public.task_status ELSE 'COMPLETE' END,
       now() - make_interval(days => 1 + t % 60), now() - make_interval(days => 1 + t % 60), now() - make_interval(hours => t % 1400)
  FROM generate_series(0, :tasks / 10) AS t
  JOIN scale_agents a ON a.n = 1 + t % GREATEST(:agents - 1, 1)
  JOIN public.agents g ON g.id = a.id;

-- Escalations from every 4th agent to the CEO or its chief; a third ACTION_REQUIRED, a quarter
-- acknowledged.
INSERT INTO public.escalations (company_id, from_agent_id, to_agent_id, type, trigger, context, impact, recommendation, status, created_at)
SELECT :'company', g.id, CASE WHEN a.n % 8 = 0 THEN (SELECT id FROM scale_agents WHERE n = 0) ELSE g.reports_to END,
       CASE WHEN a.n % 3 = 0 THEN 'ACTION_REQUIRED'::public.escalation_type ELSE 'AWARENESS' END,
       CASE WHEN a.n % 3 = 0 THEN 'TASK_BLOCKED'::public.escalation_trigger ELSE 'MILESTONE' END,
       'c', 'i', 'r',
       CASE WHEN a.n % 16 = 4 THEN 'ACKNOWLEDGED'::public.escalation_status ELSE 'PENDING' END,
       now() - make_interval(mins => a.n)
  FROM scale_agents a JOIN public.agents g ON g.id = a.id
 WHERE a.n > 0 AND a.n % 4 = 0;
-- Pulses: two per agent (one FAILED every 5th agent, the rest COMPLETE), one RUNNING for every 9th.
INSERT INTO public.pulses (company_id, agent_id, started_at, completed_at, phase, status, actions)
SELECT :'company', a.id, now() - make_interval(mins => 30 * k + a.n % 30), now() - make_interval(mins => 30 * k + a.n % 30 - 1),
       'COMPLETE', CASE WHEN k = 1 AND a.n % 5 = 0 THEN 'FAILED'::public.pulse_status ELSE 'COMPLETE' END,
       '[]'::jsonb
  FROM scale_agents a, generate_series(1, 2) AS k;
INSERT INTO public.pulses (company_id, agent_id, phase, status)
SELECT :'company', a.id, 'SCAN', 'RUNNING' FROM scale_agents a WHERE a.n % 9 = 0;
-- Unread messages: one to every 3rd agent from the CEO, and one read.
INSERT INTO public.messages (company_id, from_agent_id, to_agent_id, subject, body, type, read_at)
SELECT :'company', (SELECT id FROM scale_agents WHERE n = 0), a.id, 's', 'b', 'DIRECTIVE', CASE WHEN k = 2 THEN now() END
  FROM scale_agents a, generate_series(1, 2) AS k WHERE a.n % 3 = 0;
INSERT INTO public.memory_entries (company_id, type, summary, agent_id)
SELECT :'company', (ARRAY['DECISION','ACTION','KNOWLEDGE']::public.memory_entry_type[])[1 + a.n % 3], 'Entry ' || a.n, a.id
  FROM scale_agents a WHERE a.n % 2 = 0;
COMMIT;
ANALYZE public.tasks; ANALYZE public.agents;
