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
       CASE t WHEN 'FINANCE' THEN 'YELLOW'::public.health_status ELSE 'GREEN' END,
       jsonb_build_object('summary', initcap(t::text) || ' overview')
  FROM unnest(enum_range(NULL::public.sector_type)) AS t;

INSERT INTO public.departments (id, company_id, type, health, key_metric) VALUES
  ('30000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'TECHNOLOGY', 'GREEN', '{"name": "deploys/week", "value": 12}'),
  ('30000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 'PRODUCT',    'GREEN', '{"name": "NPS", "value": 41}'),
  ('30000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', 'FINANCE',    'YELLOW', '{"name": "runway months", "value": 14}');

INSERT INTO public.agents (id, company_id, name, role, tier, department_id, reports_to, autonomy_level, mandate) VALUES
  ('20000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 'Ada', 'Chief Technology Officer', 2, '30000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', 'A2', 'Own the platform.'),
  ('20000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', 'Grace', 'Chief Product Officer', 2, '30000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000001', 'A2', 'Own the roadmap.'),
  ('20000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001', 'Luca', 'Chief Financial Officer', 2, '30000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000001', 'A1', 'Own the books.'),
  ('20000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000001', 'Linus', 'Engineering Manager', 3, '30000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002', 'A2', NULL),
  ('20000000-0000-4000-8000-000000000006', '10000000-0000-4000-8000-000000000001', 'Margaret', 'Tech Lead', 4, '30000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000005', 'A2', NULL),
  ('20000000-0000-4000-8000-000000000007', '10000000-0000-4000-8000-000000000001', 'Ken', 'Software Engineer', 5, '30000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000006', 'A3', NULL);

UPDATE public.departments SET chief_id = '20000000-0000-4000-8000-000000000002' WHERE id = '30000000-0000-4000-8000-000000000001';
UPDATE public.departments SET chief_id = '20000000-0000-4000-8000-000000000003' WHERE id = '30000000-0000-4000-8000-000000000002';
UPDATE public.departments SET chief_id = '20000000-0000-4000-8000-000000000004' WHERE id = '30000000-0000-4000-8000-000000000003';

INSERT INTO public.tasks (id, company_id, assignee_id, assigned_by, department_id, title, description, parameters, status, priority, started_at, blocked_reason, parent_task_id) VALUES
  ('40000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000001', 'Ship the v2 arm firmware', 'Everything needed for the v2 launch.', '{"milestone": "v2"}', 'IN_PROGRESS', 'HIGH', now() - interval '2 days', NULL, NULL),
  ('40000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000006', '20000000-0000-4000-8000-000000000005', '30000000-0000-4000-8000-000000000001', 'Motor controller driver', NULL, '{}', 'BLOCKED', 'URGENT', now() - interval '1 day', 'Waiting for the vendor datasheet', '40000000-0000-4000-8000-000000000001'),
  ('40000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000007', '20000000-0000-4000-8000-000000000006', '30000000-0000-4000-8000-000000000001', 'Write calibration tests', NULL, '{}', 'PENDING', 'NORMAL', NULL, NULL, '40000000-0000-4000-8000-000000000001'),
  ('40000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000003', 'Q3 budget review', NULL, '{"quarter": "Q3"}', 'PENDING', 'LOW', NULL, NULL, NULL);

INSERT INTO public.escalations (id, company_id, from_agent_id, to_agent_id, type, trigger, context, impact, recommendation, related_task_id) VALUES
  ('50000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000006', '20000000-0000-4000-8000-000000000005', 'ACTION_REQUIRED', 'TASK_BLOCKED', 'The vendor has not sent the motor datasheet.', 'Firmware slips a week.', 'Call the vendor account manager.', '40000000-0000-4000-8000-000000000002'),
  ('50000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000001', 'AWARENESS', 'MILESTONE', 'Runway passed 14 months.', 'None; good news.', 'No action needed.', NULL);

INSERT INTO public.pulses (id, company_id, agent_id, started_at, completed_at, phase, scanned_state, decisions, actions, status) VALUES
  ('60000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002', now() - interval '20 minutes', now() - interval '19 minutes', 'COMPLETE',
   '{"open_tasks": 1}',
   '[{"action_type": "TASK_PROGRESS", "autonomy_check": "A2", "outcome": "PROPOSED"}]', '[]', 'COMPLETE');
UPDATE public.agents SET last_pulse = now() - interval '19 minutes' WHERE id = '20000000-0000-4000-8000-000000000002';

INSERT INTO public.messages (id, company_id, from_agent_id, to_agent_id, subject, body, priority, type) VALUES
  ('70000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002', 'Launch date', 'Can we hold the 1st?', 'SYNC', 'DIRECTIVE');

INSERT INTO public.memory_entries (id, company_id, type, summary, details, agent_id, department_id, related_ids, importance, tags) VALUES
  ('80000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'DECISION', 'Chose the in-house motor controller.', '{"alternatives": ["vendor board"]}', '20000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000001', '{40000000-0000-4000-8000-000000000002}', 'HIGH', '{firmware,hardware}');

INSERT INTO public.chat_sessions (id, company_id, user_id, agent_id) VALUES
  ('90000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002');
INSERT INTO public.chat_messages (id, session_id, company_id, role, content, tokens_used) VALUES
  ('a0000000-0000-4000-8000-000000000001', '90000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'USER', 'How is the firmware going?', NULL),
  ('a0000000-0000-4000-8000-000000000002', '90000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'AGENT', 'On track except the motor driver, which is blocked on a datasheet.', 42);

COMMIT;
