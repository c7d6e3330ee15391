-- Demo data for the playground and the round-trip tests: one user, one onboarded company.
-- Fixed ids so tests and docs can name them. Applied by `stack.sh start` (first time) and `reset`.
\set ON_ERROR_STOP on
BEGIN;

INSERT INTO auth.users (id, email, encrypted_password, email_confirmed_at, raw_user_meta_data)
VALUES ('00000000-0000-4000-8000-000000000001', 'demo@mission-control.local',
        extensions.crypt('mission-control-demo', extensions.gen_salt('bf', 10)), now(), '{"name": "Demo Owner"}');

INSERT INTO public.companies (id, name, status, mission, vision, "values", strategic_priorities,
                              pulse_interval_minutes, default_autonomy, spending_authority_usd, owner_user_id)
VALUES ('10000000-0000-4000-8000-000000000001', 'Acme Robotics', 'ACTIVE',
        'Build robots that do the dull work.', 'Every warehouse runs itself.',
        '{Candour,Craft,"Customers first"}', '{"Ship v2 arm","Open EU market","Hire 5 engineers"}',
        15, 'A2', 2500.00, '00000000-0000-4000-8000-000000000001');

-- CEO first (companies.ceo_id is a plain FK), then the company points at it.
INSERT INTO public.agents (id, company_id, name, role, tier, human, autonomy_level, mandate)
VALUES ('20000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001',
        'Dana Whitfield', 'Chief Executive Officer', 1, true, 'A2', 'Set direction; own the outcome.');
UPDATE public.companies SET ceo_id = '20000000-0000-4000-8000-000000000001'
 WHERE id = '10000000-0000-4000-8000-000000000001';

INSERT INTO public.sectors (company_id, type, health, data)
SELECT '10000000-0000-4000-8000-000000000001', t,
       CASE WHEN t IN ('FINANCE', 'OPERATIONS') THEN 'YELLOW'::public.health_status ELSE 'GREEN' END,
       jsonb_build_object('summary', initcap(t::text) || ' overview')
  FROM unnest(enum_range(NULL::public.sector_type)) AS t;

INSERT INTO public.departments (id, company_id, type, health, key_metric) VALUES
  ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'TECHNOLOGY', 'GREEN',
   '{"label": "Deploys/week", "value": 12, "display": "12", "trend": "up", "more": [{"label": "Sprint velocity", "value": "+12%", "trend": "up"}, {"label": "Open incidents", "value": 2, "trend": "down"}, {"label": "Test coverage", "value": "81%", "trend": "flat"}]}'),
  ('30000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 'PRODUCT',    'GREEN',
   '{"label": "NPS", "value": 41, "display": "41", "trend": "up", "more": [{"label": "Roadmap on track", "value": "85%", "trend": "flat"}, {"label": "Features shipped (30d)", "value": 6, "trend": "up"}, {"label": "Beta customers", "value": 38, "trend": "up"}]}'),
  ('30000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', 'FINANCE',    'YELLOW',
   '{"label": "Runway", "value": 14, "display": "14 mo", "trend": "flat", "more": [{"label": "Burn rate", "value": "$85K/mo", "trend": "down"}, {"label": "Budget used", "value": "72%", "trend": "up"}, {"label": "Cash on hand", "value": "$1.19M", "trend": "down"}]}'),
  -- Five more, so every cockpit tile has a feed (LEGAL's only agent is INACTIVE: "7 active / 8 total").
  ('30000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001', 'SALES',      'RED',
   '{"label": "Pipeline", "value": 1200000, "display": "$1.2M", "trend": "down", "more": [{"label": "Win rate", "value": "22%", "trend": "down"}, {"label": "Deals blocked", "value": 1, "trend": "up"}, {"label": "Active customers", "value": 1240, "trend": "up"}]}'),
  ('30000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000001', 'MARKETING',  'GREEN',
   '{"label": "MQLs/month", "value": 340, "display": "340", "trend": "up", "more": [{"label": "MoM growth", "value": "+18%", "trend": "up"}, {"label": "Active campaigns", "value": 2, "trend": "flat"}, {"label": "Cost per lead", "value": "$41", "trend": "down"}]}'),
  ('30000000-0000-4000-8000-000000000006', '10000000-0000-4000-8000-000000000001', 'PEOPLE',     'GREEN',
   '{"label": "Open roles", "value": 4, "display": "4", "trend": "down", "more": [{"label": "Time to hire", "value": "32 days", "trend": "down"}, {"label": "Engineers hired", "value": "2 / 5", "trend": "up"}, {"label": "eNPS", "value": 48, "trend": "flat"}]}'),
  ('30000000-0000-4000-8000-000000000007', '10000000-0000-4000-8000-000000000001', 'OPERATIONS', 'YELLOW',
   '{"label": "Fulfilment lead time", "value": 7, "display": "7 days", "trend": "down", "more": [{"label": "On-time shipments", "value": "91%", "trend": "down"}, {"label": "Pick accuracy", "value": "99.2%", "trend": "flat"}, {"label": "Open RMAs", "value": 5, "trend": "up"}]}'),
  ('30000000-0000-4000-8000-000000000008', '10000000-0000-4000-8000-000000000001', 'LEGAL',      'GREEN',
   '{"label": "Contracts in review", "value": 3, "display": "3", "trend": "up", "more": [{"label": "Average review time", "value": "9 days", "trend": "up"}, {"label": "Open disputes", "value": 0, "trend": "flat"}, {"label": "Policies due", "value": 2, "trend": "flat"}]}');

INSERT INTO public.agents (id, company_id, name, role, tier, department_id, reports_to, autonomy_level, mandate) VALUES
  ('20000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 'Ada', 'Chief Technology Officer', 2, '30000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', 'A2', 'Own the platform.'),
  ('20000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', 'Grace', 'Chief Product Officer', 2, '30000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000001', 'A2', 'Own the roadmap.'),
  ('20000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001', 'Luca', 'Chief Financial Officer', 2, '30000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000001', 'A1', 'Own the books.'),
  ('20000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000001', 'Linus', 'Engineering Manager', 3, '30000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002', 'A2', NULL),
  ('20000000-0000-4000-8000-000000000006', '10000000-0000-4000-8000-000000000001', 'Margaret', 'Tech Lead', 4, '30000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000005', 'A2', NULL),
  ('20000000-0000-4000-8000-000000000007', '10000000-0000-4000-8000-000000000001', 'Ken', 'Software Engineer', 5, '30000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000006', 'A3', NULL);

-- The board (tier 2, no department, reports to the CEO), the chiefs of the five new departments,
-- and workers one tier below their superior (a Worker may report to a Manager where there is no
-- Lead). created_at is spread over six months (Staffing Trend, "+N this month"); Jonas joined
-- this calendar month. Helen (LEGAL's only agent) is INACTIVE, Yuki is SUSPENDED.
INSERT INTO public.agents (id, company_id, name, role, tier, department_id, reports_to, autonomy_level, mandate, status, created_at) VALUES
  ('20000000-0000-4000-8000-000000000008', '10000000-0000-4000-8000-000000000001', 'Sofia Marquez', 'Chief Revenue Officer', 2, '30000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000001', 'A2', 'Own revenue and the customer pipeline.', 'ACTIVE', now() - interval '160 days'),
  ('20000000-0000-4000-8000-000000000009', '10000000-0000-4000-8000-000000000001', 'Owen Park', 'Chief Marketing Officer', 2, '30000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000001', 'A1', 'Own demand generation and the brand.', 'ACTIVE', now() - interval '138 days'),
  ('20000000-0000-4000-8000-000000000010', '10000000-0000-4000-8000-000000000001', 'Priya Nair', 'Chief People Officer', 2, '30000000-0000-4000-8000-000000000006', '20000000-0000-4000-8000-000000000001', 'A1', 'Own hiring and the workforce.', 'ACTIVE', now() - interval '130 days'),
  ('20000000-0000-4000-8000-000000000011', '10000000-0000-4000-8000-000000000001', 'Marcus Bell', 'Chief Operating Officer', 2, '30000000-0000-4000-8000-000000000007', '20000000-0000-4000-8000-000000000001', 'A1', 'Own fulfilment and logistics.', 'ACTIVE', now() - interval '145 days'),
  ('20000000-0000-4000-8000-000000000012', '10000000-0000-4000-8000-000000000001', 'Helen Okafor', 'General Counsel', 2, '30000000-0000-4000-8000-000000000008', '20000000-0000-4000-8000-000000000001', 'A2', 'Own contracts and compliance.', 'INACTIVE', now() - interval '110 days'),
  ('20000000-0000-4000-8000-000000000013', '10000000-0000-4000-8000-000000000001', 'Victor Hale', 'Board Chair', 2, NULL, '20000000-0000-4000-8000-000000000001', 'A1', 'Chair the board; advise, never block.', 'ACTIVE', now() - interval '175 days'),
  ('20000000-0000-4000-8000-000000000014', '10000000-0000-4000-8000-000000000001', 'Naomi Castell', 'Board Member', 2, NULL, '20000000-0000-4000-8000-000000000001', 'A2', 'Advise on finance and runway.', 'ACTIVE', now() - interval '175 days'),
  ('20000000-0000-4000-8000-000000000015', '10000000-0000-4000-8000-000000000001', 'Rafael Ortiz', 'Board Member', 2, NULL, '20000000-0000-4000-8000-000000000001', 'A2', 'Advise on go-to-market.', 'ACTIVE', now() - interval '100 days'),
  ('20000000-0000-4000-8000-000000000016', '10000000-0000-4000-8000-000000000001', 'Ingrid Solberg', 'Board Member', 2, NULL, '20000000-0000-4000-8000-000000000001', 'A2', 'Independent member: advise on risk.', 'ACTIVE', now() - interval '60 days'),
  ('20000000-0000-4000-8000-000000000017', '10000000-0000-4000-8000-000000000001', 'Tom Becker', 'Sales Manager', 3, '30000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000008', 'A2', NULL, 'ACTIVE', now() - interval '85 days'),
  ('20000000-0000-4000-8000-000000000018', '10000000-0000-4000-8000-000000000001', 'Lena Fischer', 'Account Executive', 5, '30000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000017', 'A1', NULL, 'ACTIVE', now() - interval '40 days'),
  ('20000000-0000-4000-8000-000000000019', '10000000-0000-4000-8000-000000000001', 'Chloe Dubois', 'Growth Marketing Manager', 3, '30000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000009', 'A1', NULL, 'ACTIVE', now() - interval '75 days'),
  ('20000000-0000-4000-8000-000000000020', '10000000-0000-4000-8000-000000000001', 'Sam Rivera', 'Content Lead', 4, '30000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000019', 'A1', NULL, 'ACTIVE', now() - interval '25 days'),
  ('20000000-0000-4000-8000-000000000021', '10000000-0000-4000-8000-000000000001', 'Jonas Weber', 'Talent Acquisition Manager', 3, '30000000-0000-4000-8000-000000000006', '20000000-0000-4000-8000-000000000010', 'A2', NULL, 'ACTIVE', least(now(), greatest(date_trunc('month', now()) + interval '1 hour', now() - interval '6 days'))),
  ('20000000-0000-4000-8000-000000000022', '10000000-0000-4000-8000-000000000001', 'Diego Santos', 'Fulfilment Manager', 3, '30000000-0000-4000-8000-000000000007', '20000000-0000-4000-8000-000000000011', 'A1', NULL, 'ACTIVE', now() - interval '65 days'),
  ('20000000-0000-4000-8000-000000000023', '10000000-0000-4000-8000-000000000001', 'Yuki Tanaka', 'Logistics Coordinator', 5, '30000000-0000-4000-8000-000000000007', '20000000-0000-4000-8000-000000000022', 'A2', NULL, 'SUSPENDED', now() - interval '50 days'),
  ('20000000-0000-4000-8000-000000000024', '10000000-0000-4000-8000-000000000001', 'Nina Kowalski', 'Product Manager', 3, '30000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000003', 'A1', NULL, 'ACTIVE', now() - interval '45 days'),
  ('20000000-0000-4000-8000-000000000025', '10000000-0000-4000-8000-000000000001', 'Ravi Menon', 'Firmware Engineer', 5, '30000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000006', 'A1', NULL, 'ACTIVE', now() - interval '33 days');
-- The company and its first seven agents date from six months ago (their rows are otherwise as inserted above).
UPDATE public.companies SET created_at = now() - interval '182 days' WHERE id = '10000000-0000-4000-8000-000000000001';
UPDATE public.agents AS a SET created_at = now() - v.age
  FROM (VALUES ('20000000-0000-4000-8000-000000000001'::uuid, interval '180 days'),
               ('20000000-0000-4000-8000-000000000002', interval '178 days'),
               ('20000000-0000-4000-8000-000000000003', interval '176 days'),
               ('20000000-0000-4000-8000-000000000004', interval '172 days'),
               ('20000000-0000-4000-8000-000000000005', interval '150 days'),
               ('20000000-0000-4000-8000-000000000006', interval '128 days'),
               ('20000000-0000-4000-8000-000000000007', interval '96 days')) AS v(id, age)
 WHERE a.id = v.id;

UPDATE public.departments SET chief_id = '20000000-0000-4000-8000-000000000002' WHERE id = '30000000-0000-4000-8000-000000000001';
UPDATE public.departments SET chief_id = '20000000-0000-4000-8000-000000000003' WHERE id = '30000000-0000-4000-8000-000000000002';
UPDATE public.departments SET chief_id = '20000000-0000-4000-8000-000000000004' WHERE id = '30000000-0000-4000-8000-000000000003';
UPDATE public.departments SET chief_id = '20000000-0000-4000-8000-000000000008' WHERE id = '30000000-0000-4000-8000-000000000004';
UPDATE public.departments SET chief_id = '20000000-0000-4000-8000-000000000009' WHERE id = '30000000-0000-4000-8000-000000000005';
UPDATE public.departments SET chief_id = '20000000-0000-4000-8000-000000000010' WHERE id = '30000000-0000-4000-8000-000000000006';
UPDATE public.departments SET chief_id = '20000000-0000-4000-8000-000000000011' WHERE id = '30000000-0000-4000-8000-000000000007';
UPDATE public.departments SET chief_id = '20000000-0000-4000-8000-000000000012' WHERE id = '30000000-0000-4000-8000-000000000008';

INSERT INTO public.tasks (id, company_id, assignee_id, assigned_by, department_id, title, description, parameters, status, priority, started_at, blocked_reason, parent_task_id) VALUES
  ('40000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000001', 'Ship the v2 arm firmware', 'Everything needed for the v2 launch.', '{"milestone": "v2"}', 'IN_PROGRESS', 'HIGH', now() - interval '2 days', NULL, NULL),
  ('40000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000006', '20000000-0000-4000-8000-000000000005', '30000000-0000-4000-8000-000000000001', 'Motor controller driver', NULL, '{}', 'BLOCKED', 'URGENT', now() - interval '1 day', 'Waiting for the vendor datasheet', '40000000-0000-4000-8000-000000000001'),
  ('40000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000007', '20000000-0000-4000-8000-000000000006', '30000000-0000-4000-8000-000000000001', 'Write calibration tests', NULL, '{}', 'PENDING', 'NORMAL', NULL, NULL, '40000000-0000-4000-8000-000000000001'),
  ('40000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000003', 'Q3 budget review', NULL, '{"quarter": "Q3"}', 'PENDING', 'LOW', NULL, NULL, NULL);

-- The first four tasks were started before now(): their created_at moves back so created ≤ started.
UPDATE public.tasks AS t SET created_at = now() - v.age
  FROM (VALUES ('40000000-0000-4000-8000-000000000001'::uuid, interval '14 days'),
               ('40000000-0000-4000-8000-000000000002', interval '3 days'),
               ('40000000-0000-4000-8000-000000000003', interval '3 days'),
               ('40000000-0000-4000-8000-000000000004', interval '1 day')) AS v(id, age)
 WHERE t.id = v.id;
-- Open work in every department (MARKETING's top-level tasks are its campaigns, PRODUCT's and
-- TECHNOLOGY's its workstreams), a blocked SALES deal, nine COMPLETE in the last two weeks, one
-- CANCELLED (never started, so no stamps), and an open task still held by the suspended Yuki.
INSERT INTO public.tasks (id, company_id, assignee_id, assigned_by, department_id, title, description, parameters, status, priority, created_at, started_at, completed_at, blocked_reason, parent_task_id) VALUES
  ('40000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000019', '20000000-0000-4000-8000-000000000009', '30000000-0000-4000-8000-000000000005', 'EU launch campaign', 'Demand for the v2 arm in Germany and France.', '{"channel": "paid + events", "budget_usd": 40000}', 'IN_PROGRESS', 'HIGH', now() - interval '11 days', now() - interval '8 days', NULL, NULL, NULL),
  ('40000000-0000-4000-8000-000000000006', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000009', '20000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000005', 'Autumn trade-show programme', NULL, '{}', 'PENDING', 'NORMAL', now() - interval '2 days', NULL, NULL, NULL, NULL),
  ('40000000-0000-4000-8000-000000000007', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000020', '20000000-0000-4000-8000-000000000019', '30000000-0000-4000-8000-000000000005', 'Localise the landing pages (DE, FR)', NULL, '{"locales": ["de", "fr"]}', 'IN_PROGRESS', 'NORMAL', now() - interval '2 days 2 hours 59 minutes', now() - interval '2 days', NULL, NULL, '40000000-0000-4000-8000-000000000005'),
  ('40000000-0000-4000-8000-000000000008', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000017', '20000000-0000-4000-8000-000000000008', '30000000-0000-4000-8000-000000000004', 'Close the Nordlys Logistics pilot', 'Three-site pilot, 12 arms.', '{"deal_usd": 180000}', 'BLOCKED', 'URGENT', now() - interval '10 days', now() - interval '6 days', NULL, 'Nordlys asks for an uncapped indemnity: needs a CEO decision and a legal review', NULL),
  ('40000000-0000-4000-8000-000000000009', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000018', '20000000-0000-4000-8000-000000000017', '30000000-0000-4000-8000-000000000004', 'Q3 pipeline review', NULL, '{"quarter": "Q3"}', 'IN_PROGRESS', 'NORMAL', now() - interval '4 days', now() - interval '3 days', NULL, NULL, NULL),
  ('40000000-0000-4000-8000-000000000010', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000002', 'v2 arm onboarding flow', 'First-run setup for warehouse staff.', '{"milestone": "v2"}', 'IN_PROGRESS', 'HIGH', now() - interval '12 days', now() - interval '10 days', NULL, NULL, NULL),
  ('40000000-0000-4000-8000-000000000011', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000024', '20000000-0000-4000-8000-000000000003', '30000000-0000-4000-8000-000000000002', 'Interview EU warehouse customers', NULL, '{"interviews": 8}', 'IN_PROGRESS', 'NORMAL', now() - interval '4 days', now() - interval '2 days 19 hours 59 minutes', NULL, NULL, NULL),
  ('40000000-0000-4000-8000-000000000012', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000001', 'Sprint 14: fleet telemetry', NULL, '{"sprint": 14}', 'IN_PROGRESS', 'HIGH', now() - interval '7 days', now() - interval '6 days', NULL, NULL, NULL),
  ('40000000-0000-4000-8000-000000000013', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000022', '20000000-0000-4000-8000-000000000011', '30000000-0000-4000-8000-000000000007', 'Cut fulfilment lead time to 5 days', NULL, '{"target_days": 5}', 'IN_PROGRESS', 'HIGH', now() - interval '8 days', now() - interval '7 days', NULL, NULL, NULL),
  ('40000000-0000-4000-8000-000000000014', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000010', '20000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000006', 'Hire 2 firmware engineers', NULL, '{"roles": 2}', 'IN_PROGRESS', 'HIGH', now() - interval '20 days', now() - interval '18 days', NULL, NULL, NULL),
  ('40000000-0000-4000-8000-000000000015', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000006', '20000000-0000-4000-8000-000000000005', '30000000-0000-4000-8000-000000000001', 'Release firmware 1.9', NULL, '{"version": "1.9"}', 'COMPLETE', 'HIGH', now() - interval '15 days', now() - interval '13 days', now() - interval '9 days', NULL, NULL),
  ('40000000-0000-4000-8000-000000000016', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000007', '20000000-0000-4000-8000-000000000006', '30000000-0000-4000-8000-000000000001', 'Fix the gripper torque calibration', NULL, '{}', 'COMPLETE', 'URGENT', now() - interval '6 days', now() - interval '5 days', now() - interval '3 days', NULL, NULL),
  ('40000000-0000-4000-8000-000000000017', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000002', 'v2 pricing page copy', NULL, '{}', 'COMPLETE', 'NORMAL', now() - interval '12 days', now() - interval '11 days', now() - interval '6 days', NULL, NULL),
  ('40000000-0000-4000-8000-000000000018', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000003', 'Close last month''s books', NULL, '{}', 'COMPLETE', 'NORMAL', now() - interval '13 days', now() - interval '12 days', now() - interval '10 days', NULL, NULL),
  ('40000000-0000-4000-8000-000000000019', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000018', '20000000-0000-4000-8000-000000000017', '30000000-0000-4000-8000-000000000004', 'Renew the Harbor Freight Systems contract', NULL, '{"renewal_usd": 96000}', 'COMPLETE', 'HIGH', now() - interval '12 days', now() - interval '11 days', now() - interval '4 days', NULL, NULL),
  ('40000000-0000-4000-8000-000000000020', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000020', '20000000-0000-4000-8000-000000000019', '30000000-0000-4000-8000-000000000005', 'Publish the v2 arm launch video', NULL, '{}', 'COMPLETE', 'NORMAL', now() - interval '10 days', now() - interval '9 days', now() - interval '2 days', NULL, '40000000-0000-4000-8000-000000000005'),
  ('40000000-0000-4000-8000-000000000021', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000022', '20000000-0000-4000-8000-000000000011', '30000000-0000-4000-8000-000000000007', 'Switch the EU freight forwarder', NULL, '{}', 'COMPLETE', 'HIGH', now() - interval '11 days', now() - interval '10 days', now() - interval '5 days', NULL, NULL),
  ('40000000-0000-4000-8000-000000000022', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000010', '20000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000006', 'Onboarding checklist for new engineers', NULL, '{}', 'COMPLETE', 'NORMAL', now() - interval '9 days', now() - interval '8 days', now() - interval '1 day', NULL, NULL),
  ('40000000-0000-4000-8000-000000000023', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000019', '20000000-0000-4000-8000-000000000009', '30000000-0000-4000-8000-000000000005', 'Print catalogue run', 'Dropped: the EU campaign goes digital-first.', '{}', 'CANCELLED', 'LOW', now() - interval '14 days', NULL, NULL, NULL, NULL),
  ('40000000-0000-4000-8000-000000000024', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000025', '20000000-0000-4000-8000-000000000006', '30000000-0000-4000-8000-000000000001', 'Bench-test the motor driver prototype', NULL, '{}', 'COMPLETE', 'HIGH', now() - interval '4 days', now() - interval '3 days 4 hours 59 minutes', now() - interval '1 day 2 hours', NULL, '40000000-0000-4000-8000-000000000001'),
  ('40000000-0000-4000-8000-000000000025', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000023', '20000000-0000-4000-8000-000000000022', '30000000-0000-4000-8000-000000000007', 'Re-slot the warehouse B bins', NULL, '{}', 'PENDING', 'NORMAL', now() - interval '12 days', NULL, NULL, NULL, NULL);

INSERT INTO public.escalations (id, company_id, from_agent_id, to_agent_id, type, trigger, context, impact, recommendation, related_task_id) VALUES
  ('50000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000006', '20000000-0000-4000-8000-000000000005', 'ACTION_REQUIRED', 'TASK_BLOCKED', 'The vendor has not sent the motor datasheet.', 'Firmware slips a week.', 'Call the vendor account manager.', '40000000-0000-4000-8000-000000000002'),
  ('50000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000001', 'AWARENESS', 'MILESTONE', 'Runway passed 14 months.', 'None; good news.', 'No action needed.', NULL);
-- Routed to the sender's reports_to: three decisions waiting for the CEO from chiefs, a SALES
-- manager's blocker to the SALES chief, one ACKNOWLEDGED, one RESOLVED. The ones naming a task
-- name a BLOCKED task (or, once resolved, the task it unblocked).
INSERT INTO public.escalations (id, company_id, from_agent_id, to_agent_id, type, trigger, context, impact, recommendation, status, created_at, acknowledged_at, resolved_at, resolution, related_task_id) VALUES
  ('50000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000009', '20000000-0000-4000-8000-000000000001', 'ACTION_REQUIRED', 'BUDGET_REQUEST', 'The EU launch campaign needs $40,000 for paid media and two trade events.', 'Without it the EU launch slips a quarter and the MRR goal drifts.', 'Approve $40,000 from the Q3 marketing reserve.', 'PENDING', now() - interval '19 hours 59 minutes', NULL, NULL, NULL, NULL),
  ('50000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000008', '20000000-0000-4000-8000-000000000001', 'ACTION_REQUIRED', 'EXTERNAL_COMMITMENT', 'Nordlys Logistics will sign the three-site pilot only with an uncapped indemnity clause.', '$180,000 deal and our first EU logistics reference.', 'Offer a 2x contract-value cap backed by insurance; decide before Friday.', 'PENDING', now() - interval '1 day 4 hours', NULL, NULL, NULL, '40000000-0000-4000-8000-000000000008'),
  ('50000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000011', '20000000-0000-4000-8000-000000000001', 'ACTION_REQUIRED', 'IRREVERSIBLE_DECISION', 'A second warehouse lease (3 years, $22,000/month) is on offer until next week.', 'Cuts EU lead time to 4 days; locks in $792,000 over the term.', 'Sign, with a 12-month break clause.', 'PENDING', now() - interval '8 hours 59 minutes', NULL, NULL, NULL, NULL),
  ('50000000-0000-4000-8000-000000000006', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000017', '20000000-0000-4000-8000-000000000008', 'ACTION_REQUIRED', 'TASK_BLOCKED', 'Nordlys legal insists on an uncapped indemnity; we have no counsel available to review it.', 'The pilot cannot close this month.', 'Take the term to the CEO and bring in outside counsel.', 'PENDING', now() - interval '5 days', NULL, NULL, NULL, '40000000-0000-4000-8000-000000000008'),
  ('50000000-0000-4000-8000-000000000007', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000022', '20000000-0000-4000-8000-000000000011', 'ACTION_REQUIRED', 'RESOURCE_CONSTRAINT', 'With Yuki suspended, fulfilment is one coordinator short.', 'On-time shipments fell from 96% to 91%.', 'Move one coordinator from warehouse A for two weeks.', 'ACKNOWLEDGED', now() - interval '1 day 17 hours 59 minutes', now() - interval '1 day 10 hours', NULL, NULL, NULL),
  ('50000000-0000-4000-8000-000000000008', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000007', '20000000-0000-4000-8000-000000000006', 'ACTION_REQUIRED', 'RESOURCE_CONSTRAINT', 'The calibration rig was booked by the motor team all week.', 'The gripper fix would slip past the demo.', 'Share the rig: mornings for calibration.', 'RESOLVED', now() - interval '5 days', now() - interval '4 days 22 hours', now() - interval '4 days 12 hours', 'Rig mornings moved to Ken; the fix shipped two days later.', '40000000-0000-4000-8000-000000000016');

INSERT INTO public.pulses (id, company_id, agent_id, started_at, completed_at, phase, scanned_state, decisions, actions, status) VALUES
  ('60000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002', now() - interval '20 minutes', now() - interval '19 minutes', 'COMPLETE',
   '{"open_tasks": 1}',
   '[{"action_type": "TASK_PROGRESS", "autonomy_check": "A2", "outcome": "PROPOSED"}]', '[]', 'COMPLETE');
UPDATE public.agents SET last_pulse = now() - interval '19 minutes' WHERE id = '20000000-0000-4000-8000-000000000002';
-- Eighteen more pulses over the last five days (twelve finished in the last 24 h, none RUNNING):
-- A1 agents queue their decisions, so each action comes from a QUEUED decision; two FAILED.
INSERT INTO public.pulses (id, company_id, agent_id, started_at, completed_at, phase, scanned_state, decisions, actions, status, error) VALUES
  ('60000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000004', now() - interval '4 days 2 hours', now() - interval '4 days 2 hours' + interval '2 minutes', 'COMPLETE',
   '{"open_tasks": 1, "cash_usd": 1190000}',
   '[{"action_type": "STATUS_UPDATE", "autonomy_check": "A1", "outcome": "QUEUED"}]',
   '[{"type": "STATUS_UPDATE", "target_id": null, "details": {"runway_months": 14, "burn_usd_month": 85000}, "logged": true}]',
   'COMPLETE', NULL),
  ('60000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000025', now() - interval '3 days 5 hours', now() - interval '3 days 5 hours' + interval '2 minutes', 'COMPLETE',
   '{"open_tasks": 1}',
   '[{"action_type": "TASK_PROGRESS", "autonomy_check": "A1", "outcome": "QUEUED"}]',
   '[{"type": "TASK_PROGRESS", "target_id": "40000000-0000-4000-8000-000000000024", "details": {"note": "Bench rig booked, first test run scheduled"}, "logged": true}]',
   'COMPLETE', NULL),
  ('60000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000024', now() - interval '2 days 20 hours', now() - interval '2 days 20 hours' + interval '2 minutes', 'COMPLETE',
   '{"open_tasks": 1}',
   '[{"action_type": "TASK_PROGRESS", "autonomy_check": "A1", "outcome": "QUEUED"}, {"action_type": "DOCUMENTATION", "autonomy_check": "A1", "outcome": "QUEUED"}]',
   '[{"type": "TASK_PROGRESS", "target_id": "40000000-0000-4000-8000-000000000011", "details": {"note": "Started the interviews"}, "logged": true}, {"type": "DOCUMENTATION", "target_id": "40000000-0000-4000-8000-000000000011", "details": {"doc": "Interview guide v1"}, "logged": true}]',
   'COMPLETE', NULL),
  ('60000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000019', now() - interval '2 days 3 hours', now() - interval '2 days 3 hours' + interval '2 minutes', 'COMPLETE',
   '{"open_tasks": 2, "unread_messages": 0}',
   '[{"action_type": "DELEGATION", "autonomy_check": "A1", "outcome": "QUEUED"}]',
   '[{"type": "DELEGATION", "target_id": "40000000-0000-4000-8000-000000000007", "details": {"to": "20000000-0000-4000-8000-000000000020", "note": "Localise the DE and FR pages"}, "logged": true}]',
   'COMPLETE', NULL),
  ('60000000-0000-4000-8000-000000000006', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000022', now() - interval '1 day 18 hours', now() - interval '1 day 18 hours' + interval '2 minutes', 'COMPLETE',
   '{"open_tasks": 1, "team_short": 1}',
   '[{"action_type": "TASK_PROGRESS", "autonomy_check": "A1", "outcome": "QUEUED"}, {"action_type": "ESCALATION", "autonomy_check": "A1", "outcome": "QUEUED"}]',
   '[{"type": "TASK_PROGRESS", "target_id": "40000000-0000-4000-8000-000000000013", "details": {"lead_time_days": 7}, "logged": true}, {"type": "ESCALATION", "target_id": "50000000-0000-4000-8000-000000000007", "details": {"trigger": "RESOURCE_CONSTRAINT"}, "logged": true}]',
   'COMPLETE', NULL),
  ('60000000-0000-4000-8000-000000000007', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000008', now() - interval '1 day 6 hours', now() - interval '1 day 6 hours' + interval '2 minutes', 'SCAN',
   '{}',
   '[]',
   '[]',
   'FAILED', 'SCAN: the CRM sync timed out after 30 s'),
  ('60000000-0000-4000-8000-000000000008', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000019', now() - interval '1 day 2 hours', now() - interval '1 day 2 hours' + interval '2 minutes', 'COMPLETE',
   '{"open_tasks": 1, "leads_ready": 42}',
   '[{"action_type": "COMMUNICATION", "autonomy_check": "A1", "outcome": "QUEUED"}]',
   '[{"type": "COMMUNICATION", "target_id": "20000000-0000-4000-8000-000000000008", "details": {"message_id": "70000000-0000-4000-8000-000000000004", "subject": "EU campaign lead handoff"}, "logged": true}]',
   'COMPLETE', NULL),
  ('60000000-0000-4000-8000-000000000009', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000018', now() - interval '22 hours', now() - interval '22 hours' + interval '2 minutes', 'COMPLETE',
   '{"open_tasks": 1}',
   '[{"action_type": "TASK_PROGRESS", "autonomy_check": "A1", "outcome": "QUEUED"}]',
   '[{"type": "TASK_PROGRESS", "target_id": "40000000-0000-4000-8000-000000000009", "details": {"note": "Pipeline scored: $1.2M weighted"}, "logged": true}]',
   'COMPLETE', NULL),
  ('60000000-0000-4000-8000-000000000010', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000009', now() - interval '20 hours', now() - interval '20 hours' + interval '2 minutes', 'COMPLETE',
   '{"open_tasks": 2, "over_authority_usd": 37500}',
   '[{"action_type": "ESCALATION", "autonomy_check": "A1", "outcome": "QUEUED"}]',
   '[{"type": "ESCALATION", "target_id": "50000000-0000-4000-8000-000000000003", "details": {"trigger": "BUDGET_REQUEST", "amount_usd": 40000}, "logged": true}]',
   'COMPLETE', NULL),
  ('60000000-0000-4000-8000-000000000011', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000010', now() - interval '16 hours', now() - interval '16 hours' + interval '2 minutes', 'COMPLETE',
   '{"open_tasks": 1, "open_roles": 4}',
   '[{"action_type": "TASK_PROGRESS", "autonomy_check": "A1", "outcome": "QUEUED"}, {"action_type": "STATUS_UPDATE", "autonomy_check": "A1", "outcome": "QUEUED"}]',
   '[{"type": "TASK_PROGRESS", "target_id": "40000000-0000-4000-8000-000000000014", "details": {"note": "Two candidates at final interview"}, "logged": true}, {"type": "STATUS_UPDATE", "target_id": null, "details": {"open_roles": 4}, "logged": true}]',
   'COMPLETE', NULL),
  ('60000000-0000-4000-8000-000000000012', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000011', now() - interval '9 hours', now() - interval '9 hours' + interval '2 minutes', 'COMPLETE',
   '{"open_tasks": 0, "pending_escalations": 1}',
   '[{"action_type": "ESCALATION", "autonomy_check": "A1", "outcome": "QUEUED"}, {"action_type": "COMMUNICATION", "autonomy_check": "A1", "outcome": "QUEUED"}]',
   '[{"type": "ESCALATION", "target_id": "50000000-0000-4000-8000-000000000005", "details": {"trigger": "IRREVERSIBLE_DECISION"}, "logged": true}, {"type": "COMMUNICATION", "target_id": "20000000-0000-4000-8000-000000000022", "details": {"message_id": "70000000-0000-4000-8000-000000000006", "subject": "Cover Yuki''s open shipments"}, "logged": true}]',
   'COMPLETE', NULL),
  ('60000000-0000-4000-8000-000000000013', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000020', now() - interval '5 hours', now() - interval '5 hours' + interval '2 minutes', 'COMPLETE',
   '{"open_tasks": 1}',
   '[{"action_type": "TASK_PROGRESS", "autonomy_check": "A1", "outcome": "QUEUED"}]',
   '[{"type": "TASK_PROGRESS", "target_id": "40000000-0000-4000-8000-000000000007", "details": {"note": "DE page translated, FR in review"}, "logged": true}]',
   'COMPLETE', NULL),
  ('60000000-0000-4000-8000-000000000014', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000017', now() - interval '3 hours', now() - interval '3 hours' + interval '2 minutes', 'DECIDE',
   '{"open_tasks": 1, "blocked_tasks": 1}',
   '[]',
   '[]',
   'FAILED', 'DECIDE: the model returned no parseable decision list'),
  ('60000000-0000-4000-8000-000000000015', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000004', now() - interval '2 hours', now() - interval '2 hours' + interval '2 minutes', 'COMPLETE',
   '{"open_tasks": 1}',
   '[{"action_type": "DOCUMENTATION", "autonomy_check": "A1", "outcome": "QUEUED"}]',
   '[{"type": "DOCUMENTATION", "target_id": null, "details": {"report": "Weekly cash position"}, "logged": true}]',
   'COMPLETE', NULL),
  ('60000000-0000-4000-8000-000000000016', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000013', now() - interval '1 hour 10 minutes', now() - interval '1 hour 10 minutes' + interval '2 minutes', 'COMPLETE',
   '{"pending_escalations_to_ceo": 3}',
   '[{"action_type": "DOCUMENTATION", "autonomy_check": "A1", "outcome": "QUEUED"}]',
   '[{"type": "DOCUMENTATION", "target_id": null, "details": {"advisory_id": "c0000000-0000-4000-8000-000000000003"}, "logged": true}]',
   'COMPLETE', NULL),
  ('60000000-0000-4000-8000-000000000017', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000025', now() - interval '1 hour 10 minutes', now() - interval '1 hour 10 minutes' + interval '2 minutes', 'COMPLETE',
   '{"open_tasks": 0}',
   '[{"action_type": "STATUS_UPDATE", "autonomy_check": "A1", "outcome": "QUEUED"}]',
   '[{"type": "STATUS_UPDATE", "target_id": "40000000-0000-4000-8000-000000000001", "details": {"note": "Motor driver bench tests green"}, "logged": true}]',
   'COMPLETE', NULL),
  ('60000000-0000-4000-8000-000000000018', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000022', now() - interval '45 minutes', now() - interval '45 minutes' + interval '2 minutes', 'COMPLETE',
   '{"open_tasks": 1, "unread_messages": 1}',
   '[{"action_type": "TASK_PROGRESS", "autonomy_check": "A1", "outcome": "QUEUED"}]',
   '[{"type": "TASK_PROGRESS", "target_id": "40000000-0000-4000-8000-000000000013", "details": {"lead_time_days": 6.5}, "logged": true}]',
   'COMPLETE', NULL),
  ('60000000-0000-4000-8000-000000000019', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000024', now() - interval '35 minutes', now() - interval '35 minutes' + interval '2 minutes', 'COMPLETE',
   '{"open_tasks": 1}',
   '[{"action_type": "TASK_PROGRESS", "autonomy_check": "A1", "outcome": "QUEUED"}]',
   '[{"type": "TASK_PROGRESS", "target_id": "40000000-0000-4000-8000-000000000011", "details": {"interviews_done": 5}, "logged": true}]',
   'COMPLETE', NULL);
-- Each agent's last_pulse is the end of its newest pulse.
UPDATE public.agents AS a SET last_pulse = p.last
  FROM (SELECT agent_id, max(completed_at) AS last FROM public.pulses
         WHERE company_id = '10000000-0000-4000-8000-000000000001' GROUP BY agent_id) AS p
 WHERE a.id = p.agent_id AND a.last_pulse IS DISTINCT FROM p.last;

INSERT INTO public.messages (id, company_id, from_agent_id, to_agent_id, subject, body, priority, type) VALUES
  ('70000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002', 'Launch date', 'Can we hold the 1st?', 'SYNC', 'DIRECTIVE');
-- Four more unread (to Sofia, Chloe and Diego), two read and processed. The models test reads
-- row 0 of an unordered select, which a plan using the (company_id, sent_at) index returns in
-- time order: the first message is the newest, and the oldest is SYNC as well.
INSERT INTO public.messages (id, company_id, from_agent_id, to_agent_id, subject, body, priority, type, sent_at, read_at, processed_at) VALUES
  ('70000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000017', '20000000-0000-4000-8000-000000000008', 'Nordlys pilot still blocked', 'Their counsel will not move on the indemnity. I have escalated; can you take it to Dana?', 'ASYNC', 'REPORT', now() - interval '5 hours', NULL, NULL),
  ('70000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000009', '20000000-0000-4000-8000-000000000019', 'DE landing page first', 'Put the German page live before the French one; the Hamburg event is first.', 'ASYNC', 'DIRECTIVE', now() - interval '3 hours', NULL, NULL),
  ('70000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000019', '20000000-0000-4000-8000-000000000008', 'EU campaign lead handoff', '42 qualified leads from the launch video are ready for Sales.', 'ASYNC', 'COORDINATION', now() - interval '1 day 1 hour 58 minutes', NULL, NULL),
  ('70000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000002', 'Telemetry events for onboarding', 'The onboarding flow needs three fleet telemetry events; can Sprint 14 add them?', 'ASYNC', 'COORDINATION', now() - interval '1 day', now() - interval '20 hours', now() - interval '19 hours'),
  ('70000000-0000-4000-8000-000000000006', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000011', '20000000-0000-4000-8000-000000000022', 'Cover Yuki''s open shipments', 'Take over Yuki''s open shipments and the bin re-slot until the review is done.', 'ASYNC', 'DELEGATION', now() - interval '8 hours 58 minutes', NULL, NULL),
  ('70000000-0000-4000-8000-000000000007', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000011', 'Warehouse lease numbers', 'Send me the full cost of the second warehouse lease before you decide.', 'SYNC', 'DIRECTIVE', now() - interval '2 days', now() - interval '1 day 23 hours', now() - interval '1 day 22 hours');

INSERT INTO public.memory_entries (id, company_id, type, summary, details, agent_id, department_id, related_ids, importance, tags) VALUES
  ('80000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'DECISION', 'Chose the in-house motor controller.', '{"alternatives": ["vendor board"]}', '20000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000001', '{40000000-0000-4000-8000-000000000002}', 'HIGH', '{firmware,hardware}');
-- Append-only: more DECISION and KNOWLEDGE entries (Intelligence counts) and recent ACTION /
-- AUDIT / ESCALATION / COMMUNICATION entries whose details.status feeds Recent Activity. As for
-- messages, row 0 must hold in time order too: the first entry is the newest and the oldest
-- one is also tagged {firmware,hardware}.
INSERT INTO public.memory_entries (id, company_id, type, summary, details, agent_id, department_id, related_ids, importance, tags, created_at) VALUES
  ('80000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 'DECISION', 'Switched the EU freight forwarder to cut lead time by two days.', '{"alternatives": ["keep the current forwarder", "air freight for EU orders"], "status": "completed"}', '20000000-0000-4000-8000-000000000011', '30000000-0000-4000-8000-000000000007', '{40000000-0000-4000-8000-000000000021}', 'HIGH', '{logistics,eu}', now() - interval '5 days'),
  ('80000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', 'DECISION', 'Set the v2 arm list price at $48K per unit.', '{"alternatives": ["$42K with a service plan", "$55K premium tier"], "status": "completed"}', '20000000-0000-4000-8000-000000000003', '30000000-0000-4000-8000-000000000002', '{40000000-0000-4000-8000-000000000017}', 'HIGH', '{pricing,v2}', now() - interval '6 days'),
  ('80000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001', 'DECISION', 'Froze non-essential SaaS spend for the quarter.', '{"saving_usd_month": 3200, "status": "completed"}', '20000000-0000-4000-8000-000000000004', '30000000-0000-4000-8000-000000000003', '{}', 'MEDIUM', '{budget}', now() - interval '3 days'),
  ('80000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000001', 'KNOWLEDGE', 'EU machinery rules need a documented risk assessment before the first shipment.', '{"source": "customer interviews"}', '20000000-0000-4000-8000-000000000024', '30000000-0000-4000-8000-000000000002', '{40000000-0000-4000-8000-000000000011}', 'HIGH', '{eu,compliance}', now() - interval '2 days 19 hours'),
  ('80000000-0000-4000-8000-000000000006', '10000000-0000-4000-8000-000000000001', 'KNOWLEDGE', 'Warehouse customers churn when pick accuracy drops below 95%.', '{"source": "renewal calls"}', '20000000-0000-4000-8000-000000000018', '30000000-0000-4000-8000-000000000004', '{40000000-0000-4000-8000-000000000019}', 'MEDIUM', '{customers,churn}', now() - interval '22 hours'),
  ('80000000-0000-4000-8000-000000000007', '10000000-0000-4000-8000-000000000001', 'KNOWLEDGE', 'Motor datasheets arrive about ten business days after the purchase order.', '{"source": "vendor history"}', '20000000-0000-4000-8000-000000000025', '30000000-0000-4000-8000-000000000001', '{}', 'MEDIUM', '{firmware,hardware}', now() - interval '8 days'),
  ('80000000-0000-4000-8000-000000000008', '10000000-0000-4000-8000-000000000001', 'ACTION', 'Published the v2 arm launch video.', '{"status": "completed"}', '20000000-0000-4000-8000-000000000020', '30000000-0000-4000-8000-000000000005', '{40000000-0000-4000-8000-000000000020}', 'MEDIUM', '{launch,video}', now() - interval '2 days'),
  ('80000000-0000-4000-8000-000000000009', '10000000-0000-4000-8000-000000000001', 'ACTION', 'Localising the landing pages for DE and FR.', '{"status": "in_progress"}', '20000000-0000-4000-8000-000000000020', '30000000-0000-4000-8000-000000000005', '{40000000-0000-4000-8000-000000000007}', 'LOW', '{eu,web}', now() - interval '4 hours 58 minutes'),
  ('80000000-0000-4000-8000-000000000010', '10000000-0000-4000-8000-000000000001', 'AUDIT', 'Yuki Tanaka suspended pending a review of shipment errors.', '{"status": "completed", "agent_id": "20000000-0000-4000-8000-000000000023"}', '20000000-0000-4000-8000-000000000011', '30000000-0000-4000-8000-000000000007', '{}', 'HIGH', '{agents}', now() - interval '3 days'),
  ('80000000-0000-4000-8000-000000000011', '10000000-0000-4000-8000-000000000001', 'AUDIT', 'Dana acknowledged Naomi Castell''s runway advisory.', '{"status": "completed", "advisory_id": "c0000000-0000-4000-8000-000000000001"}', '20000000-0000-4000-8000-000000000001', NULL, '{}', 'MEDIUM', '{advisory,board}', now() - interval '5 days'),
  ('80000000-0000-4000-8000-000000000012', '10000000-0000-4000-8000-000000000001', 'AUDIT', 'Victor Hale filed an advisory on the Nordlys indemnity terms.', '{"status": "in_progress", "advisory_id": "c0000000-0000-4000-8000-000000000003"}', '20000000-0000-4000-8000-000000000013', NULL, '{}', 'HIGH', '{advisory,board}', now() - interval '1 hour 8 minutes'),
  ('80000000-0000-4000-8000-000000000013', '10000000-0000-4000-8000-000000000001', 'ESCALATION', 'Nordlys indemnity terms escalated to the CEO.', '{"status": "in_progress", "escalation_id": "50000000-0000-4000-8000-000000000004"}', '20000000-0000-4000-8000-000000000008', '30000000-0000-4000-8000-000000000004', '{40000000-0000-4000-8000-000000000008}', 'HIGH', '{sales,contract}', now() - interval '1 day 4 hours'),
  ('80000000-0000-4000-8000-000000000014', '10000000-0000-4000-8000-000000000001', 'ESCALATION', 'Calibration rig conflict resolved: mornings go to calibration.', '{"status": "completed", "escalation_id": "50000000-0000-4000-8000-000000000008"}', '20000000-0000-4000-8000-000000000006', '30000000-0000-4000-8000-000000000001', '{40000000-0000-4000-8000-000000000016}', 'LOW', '{hardware}', now() - interval '4 days 12 hours'),
  ('80000000-0000-4000-8000-000000000015', '10000000-0000-4000-8000-000000000001', 'COMMUNICATION', 'EU campaign leads handed to Sales.', '{"status": "completed", "message_id": "70000000-0000-4000-8000-000000000004"}', '20000000-0000-4000-8000-000000000019', '30000000-0000-4000-8000-000000000005', '{}', 'LOW', '{eu,leads}', now() - interval '1 day 1 hour 58 minutes');

-- What the cockpit regions show that no table holds (keys as the SDK reads them). The board
-- lives in OPERATIONS (its sessions and advisories change status, so they cannot be memory
-- entries); OPERATIONS is YELLOW while an advisory is PENDING, FINANCE stays YELLOW.
UPDATE public.sectors SET data = data || jsonb_build_object(
  'global_overrides', jsonb_build_array(
    jsonb_build_object('id', 'd0000000-0000-4000-8000-000000000001', 'label', 'Freeze hiring outside Engineering', 'active', true),
    jsonb_build_object('id', 'd0000000-0000-4000-8000-000000000002', 'label', 'Pause outbound campaigns in the EU', 'active', false),
    jsonb_build_object('id', 'd0000000-0000-4000-8000-000000000003', 'label', 'CEO sign-off on any spend above $10K', 'active', false)))
 WHERE company_id = '10000000-0000-4000-8000-000000000001' AND type = 'COMMAND';

UPDATE public.sectors SET data = data || jsonb_build_object(
  'board_members', jsonb_build_array('20000000-0000-4000-8000-000000000013', '20000000-0000-4000-8000-000000000014',
                                     '20000000-0000-4000-8000-000000000015', '20000000-0000-4000-8000-000000000016'),
  'active_sessions', jsonb_build_array(
    jsonb_build_object('id', 'b0000000-0000-4000-8000-000000000001', 'title', 'Nordlys contract terms', 'status', 'PENDING', 'created_at', now() - interval '1 hour'),
    jsonb_build_object('id', 'b0000000-0000-4000-8000-000000000002', 'title', 'EU market entry risk assessment', 'status', 'IN_PROGRESS', 'created_at', now() - interval '2 days'),
    jsonb_build_object('id', 'b0000000-0000-4000-8000-000000000003', 'title', 'v2 pricing review', 'status', 'OUTPUTS_PENDING', 'created_at', now() - interval '5 days'),
    jsonb_build_object('id', 'b0000000-0000-4000-8000-000000000004', 'title', 'Q3 strategy review', 'status', 'COMPLETE', 'created_at', now() - interval '12 days'),
    jsonb_build_object('id', 'b0000000-0000-4000-8000-000000000005', 'title', 'Hiring plan review', 'status', 'ABANDONED', 'created_at', now() - interval '20 days')),
  'advisory_history', jsonb_build_array(
    jsonb_build_object('id', 'c0000000-0000-4000-8000-000000000003', 'board_member_id', '20000000-0000-4000-8000-000000000013',
                       'observation', 'An uncapped indemnity for Nordlys would set a precedent for every logistics customer.',
                       'recommendation', 'Keep the standard cap; offer an insurance-backed alternative.',
                       'status', 'PENDING', 'created_at', now() - interval '1 hour 8 minutes'),
    jsonb_build_object('id', 'c0000000-0000-4000-8000-000000000002', 'board_member_id', '20000000-0000-4000-8000-000000000015',
                       'observation', 'Over half of the weighted pipeline sits with three logistics customers.',
                       'recommendation', 'Add two retail distribution prospects to the Q3 pipeline.',
                       'status', 'READ', 'created_at', now() - interval '3 days'),
    jsonb_build_object('id', 'c0000000-0000-4000-8000-000000000001', 'board_member_id', '20000000-0000-4000-8000-000000000014',
                       'observation', 'Burn is falling, but the EU launch costs are not in the runway forecast yet.',
                       'recommendation', 'Model runway with the EU launch budget before approving it.',
                       'status', 'ACKNOWLEDGED', 'created_at', now() - interval '6 days'),
    jsonb_build_object('id', 'c0000000-0000-4000-8000-000000000004', 'board_member_id', '20000000-0000-4000-8000-000000000016',
                       'observation', 'The hiring freeze outside Engineering may leave EU sales under-staffed.',
                       'recommendation', 'Exempt one EU account executive from the freeze.',
                       'status', 'DISMISSED', 'created_at', now() - interval '10 days')),
  'health_trend', 'flat')
 WHERE company_id = '10000000-0000-4000-8000-000000000001' AND type = 'OPERATIONS';

UPDATE public.sectors SET data = data || jsonb_build_object(
  'north_star', jsonb_build_object('label', 'MRR', 'value', 42000, 'unit', 'USD', 'trend', 'up', 'change', '+18%'),
  'company_goals', jsonb_build_array(
    jsonb_build_object('title', 'Ship the v2 arm', 'progress', 72),
    jsonb_build_object('title', 'Open the EU market', 'progress', 45),
    jsonb_build_object('title', 'Hire 5 engineers', 'progress', 40),
    jsonb_build_object('title', 'Reach $60K MRR', 'progress', 70),
    jsonb_build_object('title', 'Cut fulfilment lead time to 5 days', 'progress', 55)),
  'attention_items', jsonb_build_array(
    jsonb_build_object('text', 'Nordlys pilot blocked on indemnity terms', 'severity', 'critical'),
    jsonb_build_object('text', 'Fulfilment is one coordinator short', 'severity', 'warning'),
    jsonb_build_object('text', 'Churn rate above the 4% target', 'severity', 'warning')),
  'health_signals', jsonb_build_array(
    jsonb_build_object('label', 'Revenue Growth', 'value', '+18%', 'status', 'green'),
    jsonb_build_object('label', 'Churn Rate', 'value', '4.2%', 'status', 'yellow'),
    jsonb_build_object('label', 'NPS Score', 'value', '62', 'status', 'green')),
  'burn_rate_usd_month', 85000, 'burn_trend', 'down',
  'runway_months', 14, 'runway_trend', 'flat',
  'spend_history_usd', jsonb_build_array(92000, 90500, 89000, 88000, 86500, 85000),
  'nps', jsonb_build_object('value', 62, 'change', '+4'),
  'active_customers', 1240,
  'growth_mom_pct', 18)
 WHERE company_id = '10000000-0000-4000-8000-000000000001' AND type = 'METRICS';

UPDATE public.sectors SET data = data || jsonb_build_object(
  'integrations', jsonb_build_array(
    jsonb_build_object('name', 'Stripe', 'active', true),
    jsonb_build_object('name', 'QuickBooks', 'active', true),
    jsonb_build_object('name', 'Brex', 'active', true),
    jsonb_build_object('name', 'Salesforce', 'active', false)),
  'budget', jsonb_build_object('monthly_usd', 120000, 'spent_usd', 86400))
 WHERE company_id = '10000000-0000-4000-8000-000000000001' AND type = 'FINANCE';

INSERT INTO public.chat_sessions (id, company_id, user_id, agent_id) VALUES
  ('90000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002');
INSERT INTO public.chat_messages (id, session_id, company_id, role, content, tokens_used) VALUES
  ('a0000000-0000-4000-8000-000000000001', '90000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'USER', 'How is the firmware going?', NULL),
  ('a0000000-0000-4000-8000-000000000002', '90000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'AGENT', 'On track except the motor driver, which is blocked on a datasheet.', 42);

COMMIT;
