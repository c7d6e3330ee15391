-- Local stack only, applied after the migrations: test functions that name the product's
-- tables and types (02_test_fixtures.sql runs before the migrations).
\set ON_ERROR_STOP on
-- The backend's pulse runner, for tests: the SDK only reads pulses (docs/rules.md), so a test
-- that needs a pulse records one here, as the signed-in user (RLS applies: SECURITY INVOKER).
CREATE OR REPLACE FUNCTION mc_test.record_pulse(
  company_id uuid, agent_id uuid,
  status public.pulse_status DEFAULT 'RUNNING', phase public.pulse_phase DEFAULT 'SCAN',
  completed_at timestamptz DEFAULT NULL, scanned_state jsonb DEFAULT '{}',
  decisions jsonb DEFAULT '[]', actions jsonb DEFAULT '[]', error text DEFAULT NULL)
RETURNS SETOF public.pulses LANGUAGE sql VOLATILE SECURITY INVOKER AS $$
  INSERT INTO public.pulses (company_id, agent_id, status, phase, completed_at, scanned_state, decisions, actions, error)
  VALUES (record_pulse.company_id, record_pulse.agent_id, record_pulse.status, record_pulse.phase,
          record_pulse.completed_at, record_pulse.scanned_state, record_pulse.decisions,
          record_pulse.actions, record_pulse.error)
  RETURNING *
$$;
GRANT EXECUTE ON FUNCTION mc_test.record_pulse TO authenticated, service_role;
