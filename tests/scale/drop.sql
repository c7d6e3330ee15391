-- Removes a scale-test owner and its company (psql variable: owner). The append-only tables'
-- delete triggers forbid a cascade, so each table is emptied of the company's rows with
-- triggers (and with them the foreign-key checks) off for this transaction only.
\set ON_ERROR_STOP on
BEGIN;
SET LOCAL session_replication_role = replica;
CREATE TEMP TABLE scale_gone ON COMMIT DROP AS SELECT id FROM public.companies WHERE owner_user_id = :'owner';
DELETE FROM public.chat_messages WHERE company_id IN (SELECT id FROM scale_gone);
DELETE FROM public.chat_sessions WHERE company_id IN (SELECT id FROM scale_gone);
DELETE FROM public.memory_entries WHERE company_id IN (SELECT id FROM scale_gone);
DELETE FROM public.messages WHERE company_id IN (SELECT id FROM scale_gone);
DELETE FROM public.pulses WHERE company_id IN (SELECT id FROM scale_gone);
DELETE FROM public.escalations WHERE company_id IN (SELECT id FROM scale_gone);
DELETE FROM public.tasks WHERE company_id IN (SELECT id FROM scale_gone);
DELETE FROM public.agents WHERE company_id IN (SELECT id FROM scale_gone);
DELETE FROM public.departments WHERE company_id IN (SELECT id FROM scale_gone);
DELETE FROM public.sectors WHERE company_id IN (SELECT id FROM scale_gone);
DELETE FROM public.companies WHERE id IN (SELECT id FROM scale_gone);
DELETE FROM auth.refresh_tokens WHERE user_id = :'owner';
DELETE FROM auth.one_time_tokens WHERE user_id = :'owner';
DELETE FROM auth.sessions WHERE user_id = :'owner';
DELETE FROM auth.users WHERE id = :'owner';
COMMIT;
